// POST {issuer}/token: authorization code + PKCE verifier -> access token with launch context.
// SMART "Obtain access token": https://hl7.org/fhir/smart-app-launch/app-launch.html#obtain-access-token
// RFC 6749 §4.1.3 (request checks), §5.1 (response), §5.2 (errors); RFC 7636 §4.6 (verifier check).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthorizationGrant } from './authorization-codes';
import { CORS_ANY_ORIGIN, NO_STORE, param, readForm, repeatedParameter, sendJson, statusFor } from './http';
import { OAuthError, type TokenErrorCode } from './oauth-error';
import { verifierMatches } from './pkce';
import type { ServerParts } from './server-parts';
import type { TokenResponseBody } from './types';

type TokenError = OAuthError<TokenErrorCode>;
const fail = (code: TokenErrorCode, description: string): TokenError => new OAuthError(code, description);

function sendTokenError(res: ServerResponse, error: TokenError): void {
  // RFC 6749 §5.2: 400, except invalid_client which may be 401 (and must be, with a challenge,
  // when the client tried the Authorization header); an oversized body is refused at the HTTP level (413).
  const unauthorised = error.code === 'invalid_client';
  sendJson(res, unauthorised ? 401 : statusFor(error, res), error.toJSON(), {
    ...NO_STORE,
    ...CORS_ANY_ORIGIN,
    ...(unauthorised ? { 'WWW-Authenticate': 'Basic realm="token"' } : {}),
  });
}

/** Checks the request against the code's binding; returns the grant, or throws a token error. */
function redeemCode(parts: ServerParts, form: URLSearchParams, hasAuthorizationHeader: boolean): { code: string; grant: AuthorizationGrant } {
  const repeated = repeatedParameter(form);
  if (repeated) throw fail('invalid_request', `${repeated} must not be repeated`);
  const grantType = param(form, 'grant_type');
  if (!grantType) throw fail('invalid_request', 'grant_type is required');
  if (grantType !== 'authorization_code') throw fail('unsupported_grant_type', 'only authorization_code is supported');
  if (hasAuthorizationHeader) {
    throw fail('invalid_client', 'client authentication is not supported here: registered apps are public clients');
  }
  const clientId = param(form, 'client_id');
  if (!clientId) throw fail('invalid_request', 'client_id is required for public clients');
  if (!parts.config.clients.has(clientId)) throw fail('invalid_client', 'client_id is not registered with this server');
  const code = param(form, 'code');
  if (!code) throw fail('invalid_request', 'code is required');
  const redirectUri = param(form, 'redirect_uri');
  if (!redirectUri) throw fail('invalid_request', 'redirect_uri is required');

  const found = parts.codes.find(code);
  if (found.status === 'redeemed') {
    // RFC 6749 §4.1.2: refuse, and revoke what the first redemption produced: one of the two
    // redeemers is an attacker and the server cannot tell which.
    parts.tokens.revokeIssuedFrom(code);
    throw fail('invalid_grant', 'authorization code has already been used');
  }
  if (found.status !== 'valid') throw fail('invalid_grant', `authorization code is ${found.status === 'expired' ? 'expired' : 'not valid'}`);
  const { grant } = found;
  if (grant.clientId !== clientId) throw fail('invalid_grant', 'authorization code was issued to another client');
  if (grant.redirectUri !== redirectUri) throw fail('invalid_grant', 'redirect_uri differs from the authorization request');
  // SMART: "the EHR SHALL ensure that the code_verifier is present and valid". A failed verifier does
  // not consume the code: the verifier is 256 bits, so retries gain an attacker nothing, and burning
  // the code would let anyone who saw it deny the real app its token.
  if (!verifierMatches(param(form, 'code_verifier'), grant.codeChallenge)) {
    throw fail('invalid_grant', 'code_verifier is missing or does not match the code_challenge');
  }
  // No await between find() and redeem(): two concurrent redemptions cannot both pass.
  parts.codes.redeem(code);
  return { code, grant };
}

function absoluteFhirUser(parts: ServerParts): string {
  const { fhirUser } = parts.config.user;
  return /^https?:\/\//.test(fhirUser) ? fhirUser : `${parts.config.fhirBaseUrl}/${fhirUser}`;
}

function tokenResponse(parts: ServerParts, code: string, grant: AuthorizationGrant): TokenResponseBody {
  const fhirUser = absoluteFhirUser(parts);
  const { accessToken, token } = parts.tokens.issue(
    { clientId: grant.clientId, scopes: grant.scopes, fhirUser, code, ...(grant.patient === undefined ? {} : { patient: grant.patient }) },
    grant.tokenLifetimeSeconds,
  );
  const iat = Math.floor(token.issuedAt / 1000);
  const idToken = grant.scopes.includes('openid')
    ? parts.signer.sign({
        iss: parts.config.issuer,
        sub: parts.config.user.id,
        aud: grant.clientId,
        iat,
        exp: Math.floor(token.expiresAt / 1000),
        ...(grant.nonce === undefined ? {} : { nonce: grant.nonce }),
        ...(grant.scopes.includes('fhirUser') ? { fhirUser } : {}),
      })
    : undefined;
  return {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: grant.tokenLifetimeSeconds,
    scope: grant.scopes.join(' '),
    ...(idToken === undefined ? {} : { id_token: idToken }),
    // Launch context, alongside the token: https://hl7.org/fhir/smart-app-launch/scopes-and-launch-context.html#launch-context-arrives-with-your-access_token
    ...(grant.patient === undefined ? {} : { patient: grant.patient }),
    need_patient_banner: grant.needPatientBanner,
    smart_style_url: grant.smartStyleUrl,
  };
}

export async function handleToken(req: IncomingMessage, res: ServerResponse, parts: ServerParts): Promise<void> {
  try {
    const form = await readForm(req);
    const { code, grant } = redeemCode(parts, form, req.headers.authorization !== undefined);
    const body = parts.config.shapeTokenResponse(tokenResponse(parts, code, grant), {
      clientId: grant.clientId,
      requestedScopes: grant.requestedScopes,
      ...(grant.patient === undefined ? {} : { patient: grant.patient }),
    });
    sendJson(res, 200, body, { ...NO_STORE, ...CORS_ANY_ORIGIN });
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    sendTokenError(res, error as TokenError);
  }
}
