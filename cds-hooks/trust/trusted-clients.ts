/**
 * The CDS clients this service trusts (`--trust ISS=JWKS_URL`, repeatable): each issuer with the one
 * JWK Set its keys come from. CDS Hooks 2.0, "Trusting CDS Clients": "CDS Services SHOULD limit the
 * CDS Clients they trust by maintaining an allowlist of iss and jku urls"
 * (https://cds-hooks.hl7.org/2.0/#trusting-cds-clients). The JWK Set is fetched when first needed and
 * cached (jose's remote key set: refetched for an unknown `kid`, at most every 30 s).
 */
import { createRemoteJWKSet } from 'jose';
import { isLoopbackHostname } from './loopback.js';

export interface TrustedClient {
  readonly issuer: string;
  readonly jwksUrl: string;
}

export interface TrustedKeys extends TrustedClient {
  readonly keys: ReturnType<typeof createRemoteJWKSet>;
}

export class TrustError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TrustError';
  }
}

/** Why a JWK Set URL may not be trusted, or undefined: https, or plain http to this machine only. */
export function checkJwksUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'is not an absolute URL';
  }
  if (url.username || url.password) return 'must not contain a user name or password';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopbackHostname(url.hostname)) return undefined;
  return 'must be https:// (plain http:// only on this machine)';
}

/** "https://ehr.example/=https://ehr.example/jwks.json": the issuer is everything before `=http`. */
export function parseTrustArgument(text: string): TrustedClient {
  const m = /^(.+?)=(https?:\/\/.+)$/.exec(text);
  if (!m) throw new TrustError(`--trust takes ISS=JWKS_URL (the JWT's iss, then the URL of its JWK Set), got ${JSON.stringify(text)}`);
  const problem = checkJwksUrl(m[2]!);
  if (problem) throw new TrustError(`--trust ${m[1]}: the JWK Set URL ${problem}`);
  return { issuer: m[1]!, jwksUrl: new URL(m[2]!).href };
}

export function trustedKeys(clients: readonly TrustedClient[]): ReadonlyMap<string, TrustedKeys> {
  const out = new Map<string, TrustedKeys>();
  for (const c of clients) {
    const problem = checkJwksUrl(c.jwksUrl);
    if (problem) throw new TrustError(`trusted client ${c.issuer}: the JWK Set URL ${problem}`);
    if (out.has(c.issuer)) throw new TrustError(`trusted client ${c.issuer} is listed twice`);
    out.set(c.issuer, { ...c, jwksUrl: new URL(c.jwksUrl).href, keys: createRemoteJWKSet(new URL(c.jwksUrl), { timeoutDuration: 5_000, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 }) });
  }
  return out;
}
