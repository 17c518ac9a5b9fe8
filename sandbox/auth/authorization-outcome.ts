// The last step of /authorize, shared by the EHR launch (context from the launch id) and the
// standalone launch (context from the patient picker): settle the granted scopes against the
// context actually established, mint the code, and send the browser back to the app.
// https://hl7.org/fhir/smart-app-launch/scopes-and-launch-context.html#scopes-for-requesting-context-data
import type { ServerResponse } from 'node:http';
import type { AuthorizationCodes } from './authorization-codes';
import type { AuthorizationRequest } from './authorization-request';
import { MAX_TOKEN_LIFETIME_SECONDS, type AuthConfig } from './config';
import { redirect } from './http';
import { OAuthError, redirectWith } from './oauth-error';
import { parseClinicalScope } from './scopes';

/** The context the user's session established for this authorization. */
export interface EstablishedContext {
  /** Set for an EHR launch (from the launch id) or a standalone launch after the picker. */
  readonly patientId?: string;
  readonly fromEhrLaunch: boolean;
  readonly needPatientBanner: boolean;
  readonly smartStyleUrl: string;
  readonly tokenLifetimeSeconds?: number;
}

/**
 * True when the app must have a patient in context: it asked for `launch/patient`, or for any
 * `patient/` scope (SMART: when such a scope is granted "the EHR SHALL establish a patient in
 * context"; the server "MAY infer the launch/patient scope", which this one does).
 */
export function needsPatient(request: AuthorizationRequest): boolean {
  return request.grantableScopes.some((s) => s === 'launch/patient' || parseClinicalScope(s)?.context === 'patient');
}

/** Context scopes are granted only when the context they ask for really exists. */
export function settleScopes(
  request: AuthorizationRequest,
  context: { readonly hasPatient: boolean; readonly fromEhrLaunch: boolean },
): string[] {
  const openid = request.grantableScopes.includes('openid');
  return request.grantableScopes.filter((scope) => {
    if (scope === 'launch') return context.fromEhrLaunch;
    if (scope === 'launch/patient') return context.hasPatient;
    if (scope === 'fhirUser') return openid; // fhirUser is a claim in the id_token, which needs openid
    return true;
  });
}

export function completeAuthorization(
  res: ServerResponse,
  status: 302 | 303,
  parts: { readonly config: AuthConfig; readonly codes: AuthorizationCodes },
  request: AuthorizationRequest,
  context: EstablishedContext,
): void {
  const scopes = settleScopes(request, { hasPatient: context.patientId !== undefined, fromEhrLaunch: context.fromEhrLaunch });
  const { issuer } = parts.config;
  if (scopes.length === 0) {
    const error = new OAuthError('invalid_scope', 'none of the requested scopes apply to this launch');
    redirect(res, status, redirectWith(request.redirectUri, { ...error.toJSON(), state: request.state, iss: issuer }));
    return;
  }
  const code = parts.codes.issue({
    clientId: request.client.clientId,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    scopes,
    requestedScopes: request.requestedScopes,
    ...(context.patientId === undefined ? {} : { patient: context.patientId }),
    needPatientBanner: context.needPatientBanner,
    smartStyleUrl: context.smartStyleUrl,
    tokenLifetimeSeconds: Math.min(
      parts.config.tokenLifetimeSeconds,
      context.tokenLifetimeSeconds ?? MAX_TOKEN_LIFETIME_SECONDS,
    ),
    ...(request.nonce === undefined ? {} : { nonce: request.nonce }),
  });
  // `state` exactly as received; `iss` per RFC 9207 so an app talking to several servers can tell them apart.
  redirect(res, status, redirectWith(request.redirectUri, { code, state: request.state, iss: issuer }));
}
