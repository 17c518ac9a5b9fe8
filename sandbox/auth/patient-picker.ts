// Standalone launch: the app asked for `launch/patient` (or patient-level data) without an EHR
// `launch`, so the server "may provide the end-user with a patient selection widget".
// https://hl7.org/fhir/smart-app-launch/app-launch.html#obtain-authorization-code
//
// Consent: a real EHR would ask the user to approve the scopes here. The sandbox auto-approves
// (the clinician is the developer) but lists the scopes it is about to grant, so nothing is hidden.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { completeAuthorization, settleScopes } from './authorization-outcome';
import type { AuthorizationRequest } from './authorization-request';
import { sendErrorPage } from './error-page';
import { html, page, sendPage } from './html';
import { param, readForm, redirect } from './http';
import { OAuthError, redirectWith } from './oauth-error';
import { findPatient, patientDetails } from './patient-list';
import { randomToken } from './random';
import { isSameOriginPost } from './same-origin';
import type { ServerParts } from './server-parts';

/** How long the picker page stays usable: long enough to read a list, short enough to not linger. */
const PICK_LIFETIME_MS = 10 * 60 * 1000;

function redirectOrigins(request: AuthorizationRequest): string[] {
  return [new URL(request.redirectUri).origin];
}

export async function showPatientPicker(res: ServerResponse, parts: ServerParts, request: AuthorizationRequest): Promise<void> {
  const handle = randomToken();
  parts.pendingPicks.set(handle, request, PICK_LIFETIME_MS);
  const patients = await parts.config.patients();
  const action = parts.config.endpoints.picker;
  const scopes = settleScopes(request, { hasPatient: true, fromEhrLaunch: false });
  const appName = request.client.name ?? request.client.clientId;
  const body = html`<header><h1>Sandbox EHR: choose a patient</h1></header>
<main>
  <p><strong>${appName}</strong> is being opened outside the EHR and needs a patient. Choose one.</p>
  <ul class="patients">
    ${patients.map((p) => html`<li>
      ${patientDetails(p)}
      <form class="inline" method="post" action="${action}">
        <input type="hidden" name="pick" value="${handle}">
        <input type="hidden" name="patient" value="${p.id}">
        <button type="submit" aria-label="Select ${p.name}">Select</button>
      </form>
    </li>`)}
  </ul>
  <form method="post" action="${action}">
    <input type="hidden" name="pick" value="${handle}">
    <input type="hidden" name="cancel" value="1">
    <button type="submit" class="secondary">Cancel</button>
  </form>
  <p class="meta">Sandbox: access is approved automatically. Scopes granted: ${scopes.map((s) => html`<code>${s}</code> `)}</p>
</main>`;
  sendPage(res, 200, page('Choose a patient', body), redirectOrigins(request));
}

export async function handlePatientPick(req: IncomingMessage, res: ServerResponse, parts: ServerParts): Promise<void> {
  if (!isSameOriginPost(req)) {
    req.resume();
    sendErrorPage(res, 403, 'invalid_request', 'the patient choice must come from the sandbox\'s own picker page');
    return;
  }
  const form = await readForm(req);
  const handle = param(form, 'pick') ?? '';
  const request = parts.pendingPicks.get(handle);
  if (!request) {
    sendErrorPage(res, 400, 'invalid_request', 'this patient choice has expired or was already used');
    return;
  }
  if (param(form, 'cancel')) {
    parts.pendingPicks.delete(handle);
    // RFC 6749 §4.1.2.1: the resource owner denied the request.
    const error = new OAuthError('access_denied', 'the user cancelled patient selection');
    redirect(res, 303, redirectWith(request.redirectUri, { ...error.toJSON(), state: request.state, iss: parts.config.issuer }));
    return;
  }
  const patient = await findPatient(parts.config.patients, param(form, 'patient') ?? '');
  if (!patient) {
    // Keep the handle: the user can go back and pick again.
    sendErrorPage(res, 400, 'invalid_request', 'that patient is not in this EHR; go back and choose again');
    return;
  }
  parts.pendingPicks.delete(handle); // one-time: a second submit cannot mint a second code
  completeAuthorization(res, 303, parts, request, {
    patientId: patient.id,
    fromEhrLaunch: false,
    // Opened outside the EHR, there is no EHR banner around the app: the app must show one.
    needPatientBanner: true,
    smartStyleUrl: parts.config.endpoints.smartStyle,
  });
}
