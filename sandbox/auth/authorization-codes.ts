// Authorization codes: one-time, short-lived, bound to everything the token endpoint must re-check.
// RFC 6749 §4.1.2: "The client MUST NOT use the authorization code more than once. If an authorization
// code is used more than once, the authorization server MUST deny the request and SHOULD revoke (when
// possible) all tokens previously issued based on that authorization code."
import type { AuthConfig } from './config';
import { ExpiringStore } from './expiring-store';
import { randomToken } from './random';

/** What was decided at /authorize and must hold when the code is redeemed. */
export interface AuthorizationGrant {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly codeChallenge: string;
  readonly scopes: readonly string[];
  /** The `scope` the app asked for, as sent: RFC 6749 §5.1 lets the token response omit `scope` only when the grant equals it. */
  readonly requestedScopes: readonly string[];
  readonly patient?: string;
  readonly needPatientBanner: boolean;
  readonly smartStyleUrl: string;
  readonly tokenLifetimeSeconds: number;
  readonly nonce?: string;
}

interface CodeRecord {
  readonly grant: AuthorizationGrant;
  redeemed: boolean;
}

export type CodeLookup =
  | { readonly status: 'valid'; readonly grant: AuthorizationGrant }
  | { readonly status: 'unknown' | 'expired' | 'redeemed'; readonly grant?: AuthorizationGrant };

export class AuthorizationCodes {
  readonly #store: ExpiringStore<CodeRecord>;
  readonly #lifetimeMs: number;

  constructor(config: AuthConfig) {
    this.#store = new ExpiringStore(config.now);
    this.#lifetimeMs = config.codeLifetimeSeconds * 1000;
  }

  issue(grant: AuthorizationGrant): string {
    const code = randomToken();
    this.#store.set(code, { grant, redeemed: false }, this.#lifetimeMs);
    return code;
  }

  find(code: string): CodeLookup {
    const found = this.#store.lookup(code);
    if (found.expired) return { status: 'expired' };
    if (!found.value) return { status: 'unknown' };
    if (found.value.redeemed) return { status: 'redeemed', grant: found.value.grant };
    return { status: 'valid', grant: found.value.grant };
  }

  /**
   * Marks the code used. Redeemed codes are kept until they expire so a replay is recognised as a
   * replay (and the tokens it produced are revoked) rather than treated as an unknown code.
   */
  redeem(code: string): void {
    const found = this.#store.lookup(code);
    if (found.value) found.value.redeemed = true;
  }
}
