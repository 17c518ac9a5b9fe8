/**
 * JWT ids already seen, so a captured call cannot be sent again (CDS Hooks 2.0: `jti` is "a nonce
 * string value that uniquely identifies this authentication JWT (used to protect against replay
 * attacks)"). An id is kept until its token could no longer pass verification anyway; the store has a
 * ceiling, and when it is full new tokens are refused (429) rather than old ids forgotten.
 */
export const MAX_REMEMBERED_JTIS = 100_000;

export class ReplayCache {
  readonly #seen = new Map<string, number>();

  constructor(
    private readonly now: () => number,
    private readonly limit = MAX_REMEMBERED_JTIS,
  ) {}

  /** 'fresh' (now remembered until `until`), 'replayed', or 'full'. */
  remember(key: string, until: number): 'fresh' | 'replayed' | 'full' {
    const now = this.now();
    const known = this.#seen.get(key);
    if (known !== undefined && known > now) return 'replayed';
    if (this.#seen.size >= this.limit) this.prune(now);
    if (this.#seen.size >= this.limit) return 'full';
    this.#seen.set(key, until);
    return 'fresh';
  }

  private prune(now: number): void {
    for (const [key, until] of this.#seen) if (until <= now) this.#seen.delete(key);
  }

  get size(): number {
    return this.#seen.size;
  }
}
