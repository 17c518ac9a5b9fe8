/**
 * What the launch page does with the URL it was opened with, decided before anything is sent
 * anywhere (architecture, "SMART launch"):
 * - an EHR launch (`iss` + `launch`) goes ahead only when `iss` is exactly on the allowlist;
 * - a standalone launch (no `launch`) goes to the configured standalone server, or to an
 *   allowlisted `iss`;
 * - an unknown `iss` is refused before any redirect, so the app never sends a user, a launch id
 *   or a PKCE challenge to a server the site did not approve;
 * - in production builds the development parameters `fhirServiceUrl`, `patientId` and `clientId`
 *   (which make fhirclient skip authorization or change the client) are refused outright.
 */
import { isAllowedIssuer, normaliseIssuer, type RuntimeConfig } from '../src/config/runtime-config.js';

export type LaunchDecision =
  | { readonly kind: 'authorize'; readonly iss: string; readonly launch?: string; readonly scope: string; readonly standalone: boolean }
  | { readonly kind: 'refuse'; readonly reason: RefusalReason; readonly message: string };

export type RefusalReason = 'unknown-issuer' | 'no-issuer' | 'development-parameter' | 'malformed-launch';

const DEV_PARAMETERS = ['fhirServiceUrl', 'patientId', 'clientId'] as const;
const LAUNCH_RE = /^[\x21-\x7e]{1,2048}$/;

export function decideLaunch(url: URL, config: RuntimeConfig, options: { production: boolean }): LaunchDecision {
  const refuse = (reason: RefusalReason, message: string): LaunchDecision => ({ kind: 'refuse', reason, message });
  const devParameter = DEV_PARAMETERS.find((p) => url.searchParams.has(p));
  if (devParameter && options.production) {
    return refuse('development-parameter', `This address carries the development parameter "${devParameter}", which this installation does not accept. Open the app from your EHR.`);
  }
  const iss = url.searchParams.get('iss');
  const launch = url.searchParams.get('launch');
  if (launch !== null && !LAUNCH_RE.test(launch)) return refuse('malformed-launch', 'The launch request from the EHR is malformed. Open the app from your EHR again.');
  if (launch !== null && !iss) return refuse('no-issuer', 'The EHR did not say which FHIR server to use (no "iss"). Open the app from your EHR again.');
  if (iss) {
    if (!isAllowedIssuer(config, iss)) {
      return refuse('unknown-issuer', 'This app was opened by a FHIR server it is not configured to trust. Nothing was sent to it. Ask your administrator to add it to the app configuration.');
    }
    return launch !== null
      ? { kind: 'authorize', iss: normaliseIssuer(iss), launch, scope: config.scope, standalone: false }
      : { kind: 'authorize', iss: normaliseIssuer(iss), scope: config.standaloneScope, standalone: true };
  }
  if (config.standaloneIssuer && isAllowedIssuer(config, config.standaloneIssuer)) {
    return { kind: 'authorize', iss: config.standaloneIssuer, scope: config.standaloneScope, standalone: true };
  }
  return refuse('no-issuer', 'Open this app from your EHR: no FHIR server was given.');
}
