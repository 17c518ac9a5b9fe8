// Validation of an authorization request (SMART App Launch "Obtain authorization code", RFC 6749 §4.1.1,
// RFC 7636 §4.3), in the order that decides how an error may be reported:
//   1. client_id and redirect_uri first: until both are known-good, an error is shown as a page,
//      never redirected (RFC 6749 §4.1.2.1: prevents open redirects);
//   2. everything else is redirected to the client with `error`, `error_description` and `state`.
// https://hl7.org/fhir/smart-app-launch/app-launch.html#obtain-authorization-code
import { trimTrailingSlash, type AuthConfig } from './config';
import { param, repeatedParameter } from './http';
import { OAuthError, UntrustedRedirectError } from './oauth-error';
import { isWellFormedS256Challenge } from './pkce';
import { grantScopes } from './scope-grants';
import { splitScopeParameter } from './scopes';
import type { RegisteredClient } from './types';

export interface AuthorizationRequest {
  readonly client: RegisteredClient;
  readonly redirectUri: string;
  readonly state: string;
  readonly codeChallenge: string;
  readonly requestedScopes: readonly string[];
  /** requested ∩ allowed for this client, before launch-context adjustments. */
  readonly grantableScopes: readonly string[];
  readonly launch?: string;
  readonly nonce?: string;
}

export type AuthorizationCheck =
  | { readonly kind: 'valid'; readonly request: AuthorizationRequest }
  | { readonly kind: 'show-error'; readonly error: UntrustedRedirectError }
  | { readonly kind: 'redirect-error'; readonly error: OAuthError; readonly redirectUri: string; readonly state?: string };

function trustedClientAndRedirect(params: URLSearchParams, config: AuthConfig): { client: RegisteredClient; redirectUri: string } {
  const repeated = repeatedParameter(params, ['client_id', 'redirect_uri']);
  if (repeated) throw new UntrustedRedirectError('invalid_request', `${repeated} must not be repeated`);
  const clientId = param(params, 'client_id');
  if (!clientId) throw new UntrustedRedirectError('invalid_request', 'client_id is required');
  const client = config.clients.get(clientId);
  if (!client) throw new UntrustedRedirectError('invalid_request', 'client_id is not registered with this server');
  const redirectUri = param(params, 'redirect_uri');
  // SMART makes redirect_uri required, so a client with one registered URI may not omit it either.
  if (!redirectUri) throw new UntrustedRedirectError('invalid_request', 'redirect_uri is required');
  // Exact string comparison: no prefix, no normalisation (OAuth 2.0 Security BCP, RFC 9700 §4.1.3).
  if (!client.redirectUris.includes(redirectUri)) {
    throw new UntrustedRedirectError('invalid_request', 'redirect_uri does not match any URI registered for this client');
  }
  return { client, redirectUri };
}

function checkPkce(params: URLSearchParams): string {
  const method = param(params, 'code_challenge_method');
  const challenge = param(params, 'code_challenge');
  if (!challenge) throw new OAuthError('invalid_request', 'PKCE is required: code_challenge with code_challenge_method=S256');
  // RFC 7636 §4.3: an absent method means "plain", which SMART forbids.
  if (method !== 'S256') {
    throw new OAuthError('invalid_request', `code_challenge_method must be S256 (${method ?? 'plain'} is not supported)`);
  }
  if (!isWellFormedS256Challenge(challenge)) {
    throw new OAuthError('invalid_request', 'code_challenge must be the 43-character base64url SHA-256 of the code_verifier');
  }
  return challenge;
}

/**
 * SMART: `aud` is required and names the FHIR server the token is for; it "prevents leaking a genuine
 * bearer token to a counterfeit resource server". `resource` (RFC 8707) is accepted as a synonym,
 * as the spec allows. Compared exactly, after trimming a trailing slash.
 */
function checkAudience(params: URLSearchParams, config: AuthConfig): void {
  const aud = param(params, 'aud');
  const resource = param(params, 'resource');
  if (aud && resource && trimTrailingSlash(aud) !== trimTrailingSlash(resource)) {
    throw new OAuthError('invalid_request', 'aud and resource name different servers');
  }
  const audience = aud ?? resource;
  if (!audience) throw new OAuthError('invalid_request', 'aud is required: the FHIR base URL the app will call');
  if (trimTrailingSlash(audience) !== config.fhirBaseUrl) {
    throw new OAuthError('invalid_request', 'aud does not identify this server\'s FHIR endpoint');
  }
}

function checkRest(params: URLSearchParams, config: AuthConfig, client: RegisteredClient, redirectUri: string) {
  const repeated = repeatedParameter(params);
  if (repeated) throw new OAuthError('invalid_request', `${repeated} must not be repeated`);
  const responseType = param(params, 'response_type');
  if (!responseType) throw new OAuthError('invalid_request', 'response_type is required');
  if (responseType !== 'code') throw new OAuthError('unsupported_response_type', 'only response_type=code is supported');
  // SMART makes state required ("at least 122 bits of entropy"); the server cannot measure entropy,
  // but it can refuse a request that has none.
  const state = param(params, 'state');
  if (!state) throw new OAuthError('invalid_request', 'state is required');
  const codeChallenge = checkPkce(params);
  checkAudience(params, config);
  const requestedScopes = splitScopeParameter(param(params, 'scope'));
  if (requestedScopes.length === 0) throw new OAuthError('invalid_scope', 'scope is required');
  const grantableScopes = grantScopes(requestedScopes, client.allowedScopes);
  if (grantableScopes.length === 0) {
    throw new OAuthError('invalid_scope', 'none of the requested scopes can be granted to this client');
  }
  const launch = param(params, 'launch');
  const nonce = param(params, 'nonce');
  return {
    client,
    redirectUri,
    state,
    codeChallenge,
    requestedScopes,
    grantableScopes,
    ...(launch === undefined ? {} : { launch }),
    ...(nonce === undefined ? {} : { nonce }),
  };
}

export function checkAuthorizationRequest(params: URLSearchParams, config: AuthConfig): AuthorizationCheck {
  let trusted: { client: RegisteredClient; redirectUri: string };
  try {
    trusted = trustedClientAndRedirect(params, config);
  } catch (error) {
    if (error instanceof UntrustedRedirectError) return { kind: 'show-error', error };
    throw error;
  }
  try {
    return { kind: 'valid', request: checkRest(params, config, trusted.client, trusted.redirectUri) };
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    // Echo state only when it is unambiguous; a repeated state has no single value to echo.
    const state = params.getAll('state').length === 1 ? param(params, 'state') : undefined;
    return { kind: 'redirect-error', error, redirectUri: trusted.redirectUri, ...(state === undefined ? {} : { state }) };
  }
}
