// What the sandbox FHIR server calls before answering a request: is there a live bearer token, and do
// its scopes and patient context cover this resource type, interaction and patient?
//   401 + `WWW-Authenticate: Bearer ...`  no token, unknown token, expired or revoked token (RFC 6750 §3)
//   403 + `error="insufficient_scope"`    token fine, request outside its scopes or patient (RFC 6750 §3.1)
// Plus fault injection for tests and demos: end a token now ("expires mid-session") and refuse chosen
// requests ("a query that is forbidden").
import type { OperationOutcome } from 'fhir/r4';
import type { IncomingHttpHeaders } from 'node:http';
import type { AccessTokens, IssuedToken } from './access-tokens';
import { accessPermitted, confinement, permissionFor, type AccessTarget } from './scope-access';

export type { AccessTarget, FhirInteraction } from './scope-access';

/**
 * The CapabilityStatement is public: clients read it to learn how to get a token, and SMART's
 * discovery would be pointless behind one.
 */
const PUBLIC_INTERACTIONS: ReadonlySet<string> = new Set(['capabilities']);

export type AuthorizationDecision =
  /** `token` is undefined only for a public interaction (the CapabilityStatement). */
  | {
      readonly ok: true;
      readonly token: IssuedToken | undefined;
      /** The patient compartment the FHIR server must keep the answer inside (tokens with only `patient/` scopes). */
      readonly compartment?: { readonly patientId: string | undefined };
    }
  | {
      readonly ok: false;
      readonly status: 401 | 403;
      readonly error?: 'invalid_token' | 'insufficient_scope';
      readonly description: string;
      /** Send these headers as they are (`WWW-Authenticate`). */
      readonly headers: Readonly<Record<string, string>>;
      /** A FHIR OperationOutcome to send as the error body. */
      readonly outcome: OperationOutcome;
    };

/** Requests to refuse with 403 whatever the token says. Unset fields match anything. */
export interface ForbidRule {
  readonly patientId?: string;
  readonly resourceType?: string;
  readonly interaction?: AccessTarget['interaction'];
  readonly clientId?: string;
  /** Any further condition, e.g. on search parameters. */
  readonly when?: (target: AccessTarget) => boolean;
}

export interface TokenVerifier {
  /**
   * The first half of `authorize`, for before a request's body is read: is there a live bearer token
   * (or is the interaction public)? Never throws; never logs the token.
   */
  authenticate(request: { readonly headers: IncomingHttpHeaders }, interaction: string): AuthorizationDecision;
  /** The FHIR server's authorization hook. Never throws; never logs the token. */
  authorize(request: { readonly headers: IncomingHttpHeaders }, target: AccessTarget): AuthorizationDecision;
  /** Ends one token now (as if its lifetime had run out). Returns false for an unknown token. */
  expireToken(accessToken: string): boolean;
  /** Ends every live token matching the filter (all of them with no filter). Returns how many. */
  expireTokens(filter?: { readonly patientId?: string; readonly clientId?: string }): number;
  /** Adds a refusal rule; call the returned function to lift it. */
  forbid(rule: ForbidRule): () => void;
  clearForbidden(): void;
}

/** RFC 6750 §2.1: `Authorization: Bearer <b64token>`; the scheme name is case-insensitive. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

function quoted(value: string): string {
  return `"${value.replace(/["\\]/g, '')}"`;
}

function refusal(
  realm: string,
  status: 401 | 403,
  error: 'invalid_token' | 'insufficient_scope' | undefined,
  description: string,
  code: 'login' | 'expired' | 'forbidden',
  extra = '',
): AuthorizationDecision {
  // RFC 6750 §3.1: a request without credentials gets a bare challenge, with no error code.
  const challenge = error
    ? `Bearer realm=${quoted(realm)}, error=${quoted(error)}, error_description=${quoted(description)}${extra}`
    : `Bearer realm=${quoted(realm)}`;
  return {
    ok: false,
    status,
    ...(error === undefined ? {} : { error }),
    description,
    headers: { 'WWW-Authenticate': challenge },
    outcome: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics: description }] },
  };
}

function ruleMatches(rule: ForbidRule, target: AccessTarget, token: IssuedToken): boolean {
  return (
    (rule.patientId === undefined || rule.patientId === target.patientId || (target.patientIds ?? []).includes(rule.patientId)) &&
    (rule.resourceType === undefined || rule.resourceType === target.resourceType) &&
    (rule.interaction === undefined || rule.interaction === target.interaction) &&
    (rule.clientId === undefined || rule.clientId === token.clientId) &&
    (rule.when === undefined || rule.when(target))
  );
}

export function createTokenVerifier(tokens: AccessTokens, fhirBaseUrl: string): TokenVerifier {
  const rules = new Set<ForbidRule>();

  function authenticate(request: { readonly headers: IncomingHttpHeaders }, interaction: string): AuthorizationDecision {
    if (PUBLIC_INTERACTIONS.has(interaction)) return { ok: true, token: undefined };
    const header = request.headers.authorization;
    if (header === undefined) return refusal(fhirBaseUrl, 401, undefined, 'a bearer access token is required', 'login');
    const bearer = BEARER.exec(header.trim());
    if (!bearer?.[1]) return refusal(fhirBaseUrl, 401, 'invalid_token', 'the Authorization header is not a Bearer token', 'login');
    const found = tokens.find(bearer[1]);
    if (found.status === 'expired') {
      return refusal(fhirBaseUrl, 401, 'invalid_token', 'the access token expired; relaunch the app', 'expired');
    }
    if (found.status !== 'active') {
      return refusal(fhirBaseUrl, 401, 'invalid_token', 'the access token is not valid', 'login');
    }
    return { ok: true, token: found.token };
  }

  function authorize(request: { readonly headers: IncomingHttpHeaders }, target: AccessTarget): AuthorizationDecision {
    const identity = authenticate(request, target.interaction);
    if (!identity.ok || identity.token === undefined) return identity;
    const { token } = identity;
    const letter = permissionFor(target.interaction);
    for (const rule of rules) {
      if (ruleMatches(rule, target, token)) {
        return refusal(fhirBaseUrl, 403, 'insufficient_scope', 'this request is refused by the sandbox (fault injection)', 'forbidden');
      }
    }
    if (letter === undefined) {
      // SMART defines no scope for batch/transaction: each inner request would need checking, which
      // this hook cannot see, so the wrapper is refused rather than waved through.
      return refusal(fhirBaseUrl, 403, 'insufficient_scope', `SMART scopes do not cover the ${target.interaction} interaction here`, 'forbidden');
    }
    if (!accessPermitted(token, target)) {
      const needed = `${token.patient === undefined ? 'user' : 'patient'}/${target.resourceType ?? '*'}.${letter}`;
      return refusal(
        fhirBaseUrl,
        403,
        'insufficient_scope',
        `the granted scopes do not cover ${target.interaction} of ${target.resourceType ?? 'all types'}` +
          (target.patientId === undefined ? '' : ' for this patient'),
        'forbidden',
        `, scope=${quoted(needed)}`,
      );
    }
    const confined = confinement(token, target);
    return { ok: true, token, ...(confined ? { compartment: confined } : {}) };
  }

  return {
    authenticate,
    authorize,
    expireToken: (accessToken) => tokens.expire(accessToken),
    expireTokens: (filter = {}) =>
      tokens.expireWhere(
        (t) =>
          (filter.patientId === undefined || t.patient === filter.patientId) &&
          (filter.clientId === undefined || t.clientId === filter.clientId),
      ),
    forbid(rule) {
      const own = { ...rule }; // a copy, so the same rule object added twice is two rules
      rules.add(own);
      return () => {
        rules.delete(own);
      };
    },
    clearForbidden: () => rules.clear(),
  };
}
