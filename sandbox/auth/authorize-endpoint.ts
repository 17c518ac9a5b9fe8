// GET or POST {issuer}/authorize. SMART requires both methods ("Authorization Servers SHALL support
// the use of the HTTP GET and POST methods at the Authorization Endpoint").
// https://hl7.org/fhir/smart-app-launch/app-launch.html#obtain-authorization-code
//
// The sandbox user is always signed in (there is no login page) and consent is auto-approved; what
// remains is the part SMART defines: validate the request, bind the launch context, pick a patient
// when a standalone app needs one, and return a one-time code.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { completeAuthorization, needsPatient } from './authorization-outcome';
import { checkAuthorizationRequest, type AuthorizationRequest } from './authorization-request';
import { sendErrorPage } from './error-page';
import { readForm, redirect, statusFor } from './http';
import { OAuthError, redirectWith } from './oauth-error';
import { showPatientPicker } from './patient-picker';
import type { ServerParts } from './server-parts';

function redirectError(res: ServerResponse, status: 302 | 303, parts: ServerParts, request: AuthorizationRequest, error: OAuthError): void {
  redirect(res, status, redirectWith(request.redirectUri, { ...error.toJSON(), state: request.state, iss: parts.config.issuer }));
}

/** EHR launch: the opaque launch id must be live and, if bound to an app, bound to this one. */
function ehrLaunch(res: ServerResponse, status: 302 | 303, parts: ServerParts, request: AuthorizationRequest, launchId: string): void {
  const found = parts.launches.resolve(launchId);
  if (!found.ok) {
    const why = found.reason === 'expired' ? 'has expired' : 'is not known to this EHR';
    redirectError(res, status, parts, request, new OAuthError('invalid_request', `launch ${why}; relaunch the app from the EHR`));
    return;
  }
  const launch = found.context;
  if (launch.clientId !== undefined && launch.clientId !== request.client.clientId) {
    redirectError(res, status, parts, request, new OAuthError('invalid_request', 'launch was issued for a different app'));
    return;
  }
  completeAuthorization(res, status, parts, request, {
    patientId: launch.patientId,
    fromEhrLaunch: true,
    needPatientBanner: launch.needPatientBanner,
    smartStyleUrl: launch.smartStyleUrl,
    ...(launch.tokenLifetimeSeconds === undefined ? {} : { tokenLifetimeSeconds: launch.tokenLifetimeSeconds }),
  });
}

export async function handleAuthorize(req: IncomingMessage, res: ServerResponse, parts: ServerParts, url: URL): Promise<void> {
  let params: URLSearchParams;
  if (req.method === 'POST') {
    try {
      params = await readForm(req);
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      sendErrorPage(res, statusFor(error, res), error.code, error.description); // no trusted redirect_uri yet
      return;
    }
  } else {
    params = url.searchParams;
  }
  // After a POST the browser must GET the redirect target (303); after a GET, 302 is the RFC 6749 norm.
  const status = req.method === 'POST' ? 303 : 302;
  const check = checkAuthorizationRequest(params, parts.config);
  if (check.kind === 'show-error') {
    sendErrorPage(res, 400, check.error.code, check.error.description);
    return;
  }
  if (check.kind === 'redirect-error') {
    redirect(res, status, redirectWith(check.redirectUri, { ...check.error.toJSON(), state: check.state, iss: parts.config.issuer }));
    return;
  }
  const { request } = check;
  if (request.launch !== undefined) {
    ehrLaunch(res, status, parts, request, request.launch);
  } else if (needsPatient(request)) {
    await showPatientPicker(res, parts, request);
  } else {
    completeAuthorization(res, status, parts, request, {
      fromEhrLaunch: false,
      needPatientBanner: true,
      smartStyleUrl: parts.config.endpoints.smartStyle,
    });
  }
}
