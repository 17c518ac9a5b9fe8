// Standalone launch: the app asked for `launch/patient` (or patient-level data) without an EHR
// `launch`, so the server "may provide the end-user with a patient selection widget".
// https://hl7.org/fhir/smart-app-launch/app-launch.html#obtain-authorization-code
//
// Consent: on this machine the sandbox auto-approves (the clinician is the developer) but lists the
// scopes it is about to grant, so nothing is hidden. A public sandbox (`publicOrigin`) asks, as a real
// EHR does: after the pick, a confirmation page names the app, the patient and the scopes, and only
// "Allow" there issues the code.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { completeAuthorization, settleScopes } from './authorization-outcome';
import type { AuthorizationRequest } from './authorization-request';
import { sendErrorPage } from './error-page';
import { html, page, sendPage } from './html';
import { param, readForm, redirect } from './http';
import { OAuthError, redirectWith } from './oauth-error';
import { findPatient, patientDetails } from './patient-list';
import type { PatientSummary } from './types';
import { randomToken } from './random';
import { closeAfterResponse } from '../http/request-body';
import { refuseForeignFormPost } from './form-origin';
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
  <p class="meta">${parts.config.confirmPatientChoice ? 'You confirm access on the next page.' : 'Sandbox: access is approved automatically.'} Scopes ${parts.config.confirmPatientChoice ? 'asked for' : 'granted'}: ${scopes.map((s) => html`<code>${s}</code> `)}</p>
</main>`;
  sendPage(res, 200, page('Choose a patient', body), redirectOrigins(request));
}

/** The confirmation a public sandbox asks for: which app, which patient, which scopes; Allow or Deny. */
async function showConfirmation(res: ServerResponse, parts: ServerParts, pick: string, request: AuthorizationRequest, patient: PatientSummary): Promise<void> {
  const confirm = randomToken();
  parts.pendingConfirms.set(confirm, { pick, patientId: patient.id }, PICK_LIFETIME_MS);
  const scopes = settleScopes(request, { hasPatient: true, fromEhrLaunch: false });
  const appName = request.client.name ?? request.client.clientId;
  const action = parts.config.endpoints.picker;
  const body = html`<header><h1>Sandbox EHR: confirm access</h1></header>
<main>
  <p>Allow <strong>${appName}</strong> to open this patient's record?</p>
  <ul class="patients"><li>${patientDetails(patient)}</li></ul>
  <p>Scopes: ${scopes.map((s) => html`<code>${s}</code> `)}</p>
  <form class="inline" method="post" action="${action}">
    <input type="hidden" name="confirm" value="${confirm}">
    <button type="submit" name="decision" value="allow">Allow</button>
    <button type="submit" name="decision" value="deny" class="secondary">Deny</button>
  </form>
</main>`;
  sendPage(res, 200, page('Confirm access', body), redirectOrigins(request));
}

function deny(res: ServerResponse, parts: ServerParts, request: AuthorizationRequest, why: string): void {
  // RFC 6749 §4.1.2.1: the resource owner denied the request.
  const error = new OAuthError('access_denied', why);
  redirect(res, 303, redirectWith(request.redirectUri, { ...error.toJSON(), state: request.state, iss: parts.config.issuer }));
}

function complete(res: ServerResponse, parts: ServerParts, request: AuthorizationRequest, patientId: string): void {
  completeAuthorization(res, 303, parts, request, {
    patientId,
    fromEhrLaunch: false,
    // Opened outside the EHR, there is no EHR banner around the app: the app must show one.
    needPatientBanner: true,
    smartStyleUrl: parts.config.endpoints.smartStyle,
  });
}

/** The answer on the confirmation page (public sandbox). */
async function handleConfirmation(res: ServerResponse, parts: ServerParts, form: URLSearchParams, handle: string): Promise<void> {
  const pending = parts.pendingConfirms.get(handle);
  const request = pending && parts.pendingPicks.get(pending.pick);
  if (!pending || !request) {
    sendErrorPage(res, 400, 'invalid_request', 'this confirmation has expired or was already used');
    return;
  }
  // One-time, both of them: a second submit cannot mint a second code.
  parts.pendingConfirms.delete(handle);
  parts.pendingPicks.delete(pending.pick);
  if (param(form, 'decision') !== 'allow') {
    deny(res, parts, request, 'the user did not allow access');
    return;
  }
  complete(res, parts, request, pending.patientId);
}

export async function handlePatientPick(req: IncomingMessage, res: ServerResponse, parts: ServerParts): Promise<void> {
  const refusal = refuseForeignFormPost(req, parts.config.publicOrigin);
  if (refusal) {
    closeAfterResponse(req, res); // decided before reading the body
    sendErrorPage(res, 403, 'invalid_request', `the patient choice must come from the sandbox's own picker page: ${refusal}`);
    return;
  }
  const form = await readForm(req);
  const confirmation = param(form, 'confirm');
  if (confirmation !== undefined) {
    await handleConfirmation(res, parts, form, confirmation);
    return;
  }
  const handle = param(form, 'pick') ?? '';
  const request = parts.pendingPicks.get(handle);
  if (!request) {
    sendErrorPage(res, 400, 'invalid_request', 'this patient choice has expired or was already used');
    return;
  }
  if (param(form, 'cancel')) {
    parts.pendingPicks.delete(handle);
    deny(res, parts, request, 'the user cancelled patient selection');
    return;
  }
  const patient = await findPatient(parts.config.patients, param(form, 'patient') ?? '');
  if (!patient) {
    // Keep the handle: the user can go back and pick again.
    sendErrorPage(res, 400, 'invalid_request', 'that patient is not in this EHR; go back and choose again');
    return;
  }
  if (parts.config.confirmPatientChoice) {
    await showConfirmation(res, parts, handle, request, patient); // the pick stays open until confirmed
    return;
  }
  parts.pendingPicks.delete(handle); // one-time: a second submit cannot mint a second code
  complete(res, parts, request, patient.id);
}
