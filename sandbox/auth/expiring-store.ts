// A small in-memory map whose entries disappear at a deadline. Launch ids, codes, tokens and picker
// handles are all short-lived secrets; keeping the expiry logic in one place keeps each store honest.

interface Entry<V> {
  readonly value: V;
  expiresAt: number;
}

export class ExpiringStore<V> {
  readonly #entries = new Map<string, Entry<V>>();
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** Stores `value` under `key` until `lifetimeMs` from now. */
  set(key: string, value: V, lifetimeMs: number): void {
    this.#sweep();
    this.#entries.set(key, { value, expiresAt: this.#now() + lifetimeMs });
  }

  /** The live value, or undefined when unknown or expired. */
  get(key: string): V | undefined {
    return this.lookup(key).value;
  }

  /** Tells "never existed" from "expired", for precise error descriptions. */
  lookup(key: string): { value?: V; expired: boolean; expiresAt?: number } {
    const entry = this.#entries.get(key);
    if (!entry) return { expired: false };
    if (entry.expiresAt <= this.#now()) return { expired: true, expiresAt: entry.expiresAt };
    return { value: entry.value, expired: false, expiresAt: entry.expiresAt };
  }

  /** Moves the deadline earlier (never later): fault injection "expires mid-session". */
  expireAt(key: string, at: number): boolean {
    const entry = this.#entries.get(key);
    if (!entry) return false;
    entry.expiresAt = Math.min(entry.expiresAt, at);
    return true;
  }

  delete(key: string): boolean {
    return this.#entries.delete(key);
  }

  /** Live entries, for bulk operations such as "expire every token of this patient". */
  *liveEntries(): IterableIterator<[string, V]> {
    const now = this.#now();
    for (const [key, entry] of this.#entries) if (entry.expiresAt > now) yield [key, entry.value];
  }

  // Expired entries are kept for a grace period so a late request gets "expired" rather than "unknown";
  // after that they are dropped so a long-running sandbox does not grow without bound.
  #sweep(): void {
    const cutoff = this.#now() - 3_600_000;
    for (const [key, entry] of this.#entries) if (entry.expiresAt < cutoff) this.#entries.delete(key);
  }
}
