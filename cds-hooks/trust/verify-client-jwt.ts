/**
 * The JWT a CDS client signs for every call (CDS Hooks 2.0, "Trusting CDS Clients";
 * https://cds-hooks.hl7.org/2.0/#trusting-cds-clients), verified with jose:
 * - `Authorization: Bearer <JWT>`, signed with an asymmetric algorithm (never `none`, never HMAC:
 *   "JWTs SHALL NOT be signed using any symmetric algorithm");
 * - `iss` on the allowlist, and a `jku` header, when present, equal to that issuer's JWK Set URL
 *   (the key always comes from the allowlisted set, never from a URL the token names);
 * - `aud` equal to the URL of the endpoint being called;
 * - `exp` in the future, `iat` present and at most MAX_TOKEN_AGE old (a long-lived token is a
 *   replay window), `jti` present and not seen before.
 * Every refusal is a 401 with one line; the token itself is never logged.
 */
import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { RequestError } from '../http/request-error.js';
import type { ReplayCache } from './replay-cache.js';
import type { TrustedKeys } from './trusted-clients.js';

export const ALLOWED_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
export const MAX_TOKEN_AGE_SECONDS = 300;
export const CLOCK_TOLERANCE_SECONDS = 30;

const BEARER = /^Bearer +([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*)$/i;

function refuse(why: string): RequestError {
  return new RequestError(401, `client JWT refused: ${why}`, { 'WWW-Authenticate': 'Bearer realm="cds-hooks", error="invalid_token"' });
}

export interface VerifiedClient {
  readonly issuer: string;
}

export async function verifyClientJwt(
  authorization: string | undefined,
  endpointUrl: string,
  trusted: ReadonlyMap<string, TrustedKeys>,
  replay: ReplayCache,
  now: () => number,
): Promise<VerifiedClient> {
  if (!authorization) throw new RequestError(401, 'this service requires a signed JWT (Authorization: Bearer <JWT>)', { 'WWW-Authenticate': 'Bearer realm="cds-hooks"' });
  const token = BEARER.exec(authorization.trim())?.[1];
  if (!token) throw refuse('the Authorization header is not "Bearer" and a compact JWT');
  let header: ReturnType<typeof decodeProtectedHeader>;
  let claims: ReturnType<typeof decodeJwt>;
  try {
    header = decodeProtectedHeader(token);
    claims = decodeJwt(token);
  } catch {
    throw refuse('not a well-formed JWT');
  }
  if (typeof header.alg !== 'string' || !ALLOWED_ALGORITHMS.includes(header.alg)) throw refuse('the algorithm must be an asymmetric signature (for example ES384 or RS384)');
  if (header.typ !== undefined && String(header.typ).toUpperCase() !== 'JWT') throw refuse('typ must be JWT');
  if (typeof claims.iss !== 'string') throw refuse('iss is missing');
  const client = trusted.get(claims.iss);
  if (!client) throw refuse('the issuer is not trusted by this service');
  if (header.jku !== undefined && header.jku !== client.jwksUrl) throw refuse('jku is not the JWK Set URL trusted for this issuer');
  if (typeof claims.jti !== 'string' || !claims.jti) throw refuse('jti is missing');

  try {
    await jwtVerify(token, client.keys, {
      issuer: client.issuer,
      audience: endpointUrl,
      algorithms: ALLOWED_ALGORITHMS,
      requiredClaims: ['iss', 'aud', 'exp', 'iat', 'jti'],
      maxTokenAge: MAX_TOKEN_AGE_SECONDS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: new Date(now()),
    });
  } catch (err) {
    throw refuse(describeJoseError(err));
  }
  const iat = Number(claims.iat) * 1000;
  const exp = Number(claims.exp) * 1000;
  const until = Math.min(exp, iat + MAX_TOKEN_AGE_SECONDS * 1000) + CLOCK_TOLERANCE_SECONDS * 1000;
  const seen = replay.remember(`${client.issuer}\u0000${claims.jti}`, until);
  if (seen === 'replayed') throw refuse('this jti was already used (replay)');
  if (seen === 'full') throw new RequestError(429, 'too many calls to remember their JWT ids; try again shortly', { 'Retry-After': '30' });
  return { issuer: client.issuer };
}

function describeJoseError(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  const claim = (err as { claim?: unknown }).claim;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      // maxTokenAge is reported as an expiry of `iat`.
      return claim === 'iat' ? `iat is missing, in the future or more than ${MAX_TOKEN_AGE_SECONDS} s old` : 'the JWT has expired';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return claim === 'aud' ? 'aud is not the URL of the endpoint being called' : claim === 'iat' ? `iat is missing, in the future or more than ${MAX_TOKEN_AGE_SECONDS} s old` : `claim ${String(claim)} is missing or invalid`;
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'the signature does not verify';
    case 'ERR_JWKS_NO_MATCHING_KEY':
      return 'no key in the trusted JWK Set matches kid';
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return 'several keys in the trusted JWK Set match; kid is required';
    case 'ERR_JWKS_TIMEOUT':
    case 'ERR_JOSE_GENERIC':
      return 'the trusted JWK Set could not be fetched';
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return 'the algorithm is not allowed';
    case 'ERR_JWKS_INVALID':
      return 'the trusted JWK Set is not a JWK Set';
    default:
      return 'it could not be verified';
  }
}
