// Opaque bearer tokens and what they grant. Opaque (a random reference, not a JWT) because the only
// resource server is in the same process; SMART leaves the token format to the server and notes that
// "an access token can contain a reference to authorization information" if it is unguessable.
// https://hl7.org/fhir/smart-app-launch/app-launch.html#response-5
import type { AuthConfig } from './config';
import { ExpiringStore } from './expiring-store';
import { randomToken } from './random';

export interface IssuedToken {
  readonly clientId: string;
  readonly scopes: readonly string[];
  readonly patient?: string;
  readonly fhirUser: string;
  /** The authorization code it came from, so a replayed code can revoke it (RFC 6749 §4.1.2). */
  readonly code: string;
  readonly issuedAt: number;
  readonly expiresAt: number;
}

export type TokenLookup =
  | { readonly status: 'active'; readonly token: IssuedToken; readonly expiresAt: number }
  | { readonly status: 'unknown' | 'expired' | 'revoked' };

export class AccessTokens {
  readonly #store: ExpiringStore<IssuedToken>;
  readonly #revoked = new Set<string>();
  readonly #now: () => number;

  constructor(config: AuthConfig) {
    this.#now = config.now;
    this.#store = new ExpiringStore(config.now);
  }

  issue(details: Omit<IssuedToken, 'issuedAt' | 'expiresAt'>, lifetimeSeconds: number): { accessToken: string; token: IssuedToken } {
    const accessToken = randomToken();
    const issuedAt = this.#now();
    const token: IssuedToken = { ...details, issuedAt, expiresAt: issuedAt + lifetimeSeconds * 1000 };
    this.#store.set(accessToken, token, lifetimeSeconds * 1000);
    return { accessToken, token };
  }

  find(accessToken: string): TokenLookup {
    if (this.#revoked.has(accessToken)) return { status: 'revoked' };
    const found = this.#store.lookup(accessToken);
    if (found.value && found.expiresAt !== undefined) return { status: 'active', token: found.value, expiresAt: found.expiresAt };
    return { status: found.expired ? 'expired' : 'unknown' };
  }

  /** Fault injection: the token stops working now, exactly as if its lifetime had run out. */
  expire(accessToken: string): boolean {
    return this.#store.expireAt(accessToken, this.#now());
  }

  /** Expires every live token matching the filter; returns how many. */
  expireWhere(filter: (token: IssuedToken) => boolean): number {
    let count = 0;
    for (const [accessToken, token] of [...this.#store.liveEntries()]) {
      if (filter(token) && this.expire(accessToken)) count += 1;
    }
    return count;
  }

  /** Revokes every token issued from `code` (a replayed authorization code). */
  revokeIssuedFrom(code: string): number {
    let count = 0;
    for (const [accessToken, token] of [...this.#store.liveEntries()]) {
      if (token.code === code) {
        this.#revoked.add(accessToken);
        this.#store.delete(accessToken);
        count += 1;
      }
    }
    return count;
  }
}
