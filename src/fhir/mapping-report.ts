/**
 * What the mappers did with what they were given: how many resources of each type were read,
 * kept, and dropped, and why each was dropped. Mappers never throw on malformed input; they drop
 * the item and count the reason here, so "nothing found" can always be told apart from "could not
 * read".
 */
function increment(map: Map<string, number>, key: string) {
  map.set(key, (map.get(key) ?? 0) + 1);
}

export class MappingReport {
  private readonly readCounts = new Map<string, number>();
  private readonly keptCounts = new Map<string, number>();
  private readonly droppedCounts = new Map<string, number>();

  countRead(type: string): void {
    increment(this.readCounts, type);
  }

  countKept(what: string): void {
    increment(this.keptCounts, what);
  }

  drop(type: string, reason: string): void {
    increment(this.droppedCounts, `${type}: ${reason}`);
  }

  get dropped(): Readonly<Record<string, number>> {
    return Object.fromEntries(this.droppedCounts);
  }

  toJSON(): { read: Record<string, number>; kept: Record<string, number>; dropped: Record<string, number> } {
    return { read: Object.fromEntries(this.readCounts), kept: Object.fromEntries(this.keptCounts), dropped: Object.fromEntries(this.droppedCounts) };
  }
}
