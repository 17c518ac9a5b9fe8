/**
 * What the mappers did with what they were given: how many resources of each type were read,
 * kept, and dropped, and why each was dropped. Mappers never throw on malformed input; they drop
 * the item and count the reason here, so "nothing found" can always be told apart from "could not
 * read".
 */
export class MappingReport {
  readonly read: Record<string, number> = {};
  readonly kept: Record<string, number> = {};
  readonly dropped: Record<string, number> = {};

  countRead(type: string): void {
    this.read[type] = (this.read[type] ?? 0) + 1;
  }

  countKept(what: string): void {
    this.kept[what] = (this.kept[what] ?? 0) + 1;
  }

  drop(type: string, reason: string): void {
    const key = `${type}: ${reason}`;
    this.dropped[key] = (this.dropped[key] ?? 0) + 1;
  }

  toJSON() {
    return { read: this.read, kept: this.kept, dropped: this.dropped };
  }
}
