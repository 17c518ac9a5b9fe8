/**
 * The one app registered with the sandbox's SMART server: the leg-cramps app, a public browser client.
 * Its URLs come from where the app's dev server runs (`appUrl`), because SMART compares redirect URIs
 * by exact string (RFC 6749 §3.1.2.3): `${appUrl}/` is where the app finishes the launch, and the launch
 * page `${appUrl}/launch/` is registered too, since fhirclient's default `redirectUri` is `.` relative
 * to the launch page. The EHR page opens the launch page with `iss` and `launch`.
 */
import type { RegisteredClient } from './auth';
import { SandboxStartError } from './start-error';

export const APP_CLIENT_ID = 'leg-cramps-app';
export const DEFAULT_APP_URL = 'http://127.0.0.1:5173';
/**
 * `patient/*.rs` in SMART v2 syntax (the auth server also accepts the v1 form `patient/*.read`), and
 * the two writes of the app's write-back: its chart note (DocumentReference) and its checklist
 * (QuestionnaireResponse), create and update only, for the launch patient (the FHIR server confines
 * `patient/` scopes to the patient in context). Granted only when the app asks for them, which it
 * does when its runtime configuration turns `writeBack` on.
 */
export const APP_SCOPES = ['launch', 'launch/patient', 'openid', 'fhirUser', 'patient/*.rs', 'patient/DocumentReference.cu', 'patient/QuestionnaireResponse.cu'] as const;

export interface AppUrls {
  /** Without a trailing slash. */
  readonly appUrl: string;
  readonly redirectUri: string;
  readonly launchUrl: string;
}

export function appUrls(appUrl = DEFAULT_APP_URL): AppUrls {
  let url: URL;
  try {
    url = new URL(appUrl);
  } catch (cause) {
    throw new SandboxStartError('bad-option', `--app-url must be an absolute URL such as ${DEFAULT_APP_URL}, got ${JSON.stringify(appUrl)}`, { cause });
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
    throw new SandboxStartError('bad-option', `--app-url must be an http(s) URL without query or fragment, got ${JSON.stringify(appUrl)}`);
  }
  const base = url.href.replace(/\/+$/, '');
  return { appUrl: base, redirectUri: `${base}/`, launchUrl: `${base}/launch/` };
}

export function appClient(urls: AppUrls): RegisteredClient {
  return {
    clientId: APP_CLIENT_ID,
    name: 'Nocturnal leg cramps',
    redirectUris: [urls.redirectUri, urls.launchUrl],
    allowedScopes: [...APP_SCOPES],
  };
}
