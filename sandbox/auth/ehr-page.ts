// The sandbox's own "EHR": a patient list from which a clinician launches the app, the way a real
// EHR does (SMART EHR launch: open the app's launch URL with `iss` and an opaque `launch`).
// https://hl7.org/fhir/smart-app-launch/app-launch.html#launch-app-ehr-launch
//
// Each patient has a small form rather than a ready-made link: the launch id is minted when the
// clinician clicks, so its lifetime starts then, and merely viewing the list creates nothing.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { closeAfterResponse } from '../http/request-body';
import type { AuthConfig } from './config';
import { sendErrorPage } from './error-page';
import { html, page, sendPage } from './html';
import { param, readForm, redirect } from './http';
import type { LaunchContexts } from './launch-contexts';
import { findPatient, patientDetails } from './patient-list';
import { refuseForeignFormPost } from './form-origin';
import { MAX_QUERY_LENGTH, searchPatients, searchQuery } from './patient-search';
import { savedNotesView } from './saved-notes-view';

type EhrConfig = NonNullable<AuthConfig['ehr']>;

export function launchPath(ehr: EhrConfig): string {
  return `${ehr.path.replace(/\/+$/, '')}/launch`;
}

/** The URL the EHR opens: the app's launch URL with `iss` (the FHIR base) and `launch`. */
export function appLaunchUrl(config: AuthConfig, appUrl: string, launchId: string): string {
  const url = new URL(appUrl);
  url.searchParams.set('iss', config.fhirBaseUrl);
  url.searchParams.set('launch', launchId);
  return url.href;
}

export async function showEhrPage(req: IncomingMessage, res: ServerResponse, config: AuthConfig, ehr: EhrConfig): Promise<void> {
  const all = await config.patients();
  const query = searchQuery(new URL(req.url ?? '/', 'http://ehr.invalid'));
  const patients = searchPatients(all, query);
  const action = launchPath(ehr);
  const body = html`<header><h1>Sandbox EHR</h1></header>
<main>
  <h2>Patients</h2>
  <p>Launch the app for a patient, as a clinician would from the chart. FHIR base: <code>${config.fhirBaseUrl}</code></p>
  <form class="search" method="get" action="${ehr.path}" role="search">
    <label for="patient-search">Search patients</label>
    <input id="patient-search" type="search" name="q" value="${query}" maxlength="${String(MAX_QUERY_LENGTH)}" placeholder="name, description or id">
    <button type="submit">Search</button>
    ${query ? html`<a href="${ehr.path}">Show all</a>` : ''}
  </form>
  <p class="count">${query ? `${patients.length} of ${all.length} patients match.` : `${all.length} patients; the scenario patients (with a description) come first.`}</p>
  ${all.length === 0 ? html`<p>No patients are loaded.</p>` : ''}
  <ul class="patients">
    ${patients.map((p) => html`<li>
      ${patientDetails(p)}
      <form class="inline" method="post" action="${action}">
        <input type="hidden" name="patient" value="${p.id}">
        <label><input type="checkbox" name="need_patient_banner" value="true" checked> app shows patient banner</label>
        <button type="submit" aria-label="Launch app for ${p.name}">Launch app</button>
      </form>
      <a class="open-chart" href="${ehr.path}/chart?patient=${encodeURIComponent(p.id)}" aria-label="Open chart for ${p.name}">Open chart</a>
      ${savedNotesView(p)}
    </li>`)}
  </ul>
</main>`;
  // The form posts here, and its answer redirects to the app: both must be allowed by form-action.
  sendPage(res, 200, page('Sandbox EHR', body), [new URL(ehr.appLaunchUrl).origin]);
}

export async function handleEhrLaunch(
  req: IncomingMessage,
  res: ServerResponse,
  config: AuthConfig,
  ehr: EhrConfig,
  launches: LaunchContexts,
): Promise<void> {
  const refusal = refuseForeignFormPost(req, config.publicOrigin);
  if (refusal) {
    closeAfterResponse(req, res); // decided before reading the body
    sendErrorPage(res, 403, 'invalid_request', `launches must start from the sandbox EHR page: ${refusal}`);
    return;
  }
  const form = await readForm(req);
  const patient = await findPatient(config.patients, param(form, 'patient') ?? '');
  if (!patient) {
    sendErrorPage(res, 400, 'invalid_request', 'that patient is not in this EHR');
    return;
  }
  const launchId = launches.create({
    patientId: patient.id,
    needPatientBanner: param(form, 'need_patient_banner') === 'true',
    ...(ehr.clientId === undefined ? {} : { clientId: ehr.clientId }),
  });
  redirect(res, 303, appLaunchUrl(config, ehr.appLaunchUrl, launchId));
}
