// Test support for the composed sandbox: start it in process on a free port with this folder's own
// fixture patients, and get tokens through a real SMART launch (authorize with PKCE S256, then the
// token endpoint), the way the app does.
import { createHash, randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../../sandbox/server';

export const FIXTURES = resolve(import.meta.dirname, 'fixtures');
export const APP_URL = 'http://127.0.0.1:5173';
export const REDIRECT_URI = `${APP_URL}/`;

/** The fixture patients (see fixtures/*.json). */
export const PATIENT = {
  thiazide: 'fx-thiazide-low-mg',
  statin: 'fx-statin',
  labOutage: 'fx-lab-outage',
} as const;

/** The fixtures are written for fixed days (tests pin `asOf`), so they load as written unless a test asks. */
export function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return createSandbox({ port: 0, patientsDir: FIXTURES, appUrl: APP_URL, shiftScenarioDates: false, ...options });
}

export interface TokenResponse {
  readonly access_token: string;
  readonly token_type: string;
  readonly expires_in: number;
  readonly scope: string;
  readonly patient: string;
  readonly need_patient_banner?: boolean;
  readonly smart_style_url?: string;
  readonly id_token?: string;
}

/** Exchanges an EHR launch id for a token: authorization request with PKCE S256, code, token request. */
export async function tokenForLaunch(sandbox: Sandbox, launchId: string, scope = 'launch openid fhirUser patient/*.rs'): Promise<TokenResponse> {
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: sandbox.clientId,
    redirect_uri: REDIRECT_URI,
    scope,
    state,
    aud: sandbox.fhirBase,
    launch: launchId,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  });
  const authorize = await fetch(`${sandbox.auth.endpoints.authorize}?${params}`, { redirect: 'manual' });
  const callback = new URL(authorize.headers.get('location') ?? 'http://missing.invalid/');
  if (`${callback.origin}${callback.pathname}` !== REDIRECT_URI || callback.searchParams.get('state') !== state) {
    throw new Error(`authorization did not come back to the app: ${authorize.status} ${callback.href}`);
  }
  const response = await fetch(sandbox.auth.endpoints.token, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code') ?? '',
      redirect_uri: REDIRECT_URI,
      client_id: sandbox.clientId,
      code_verifier: verifier,
    }),
  });
  if (response.status !== 200) throw new Error(`token request failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as TokenResponse;
}

/** An EHR launch made through the API (no page) for one patient, through to a token. */
export async function launch(sandbox: Sandbox, patientId: string, tokenLifetimeSeconds?: number): Promise<TokenResponse> {
  const { launchId } = sandbox.auth.createLaunch({ patientId, ...(tokenLifetimeSeconds ? { tokenLifetimeSeconds } : {}) });
  return tokenForLaunch(sandbox, launchId);
}

export interface FhirAnswer<T> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
  readonly ms: number;
}

/** GET `<fhirBase>/<path>` (or an absolute URL) with a bearer token; parses the JSON body and times the request. */
export async function fhirGet<T = Record<string, unknown>>(sandbox: Sandbox, path: string, token?: string): Promise<FhirAnswer<T>> {
  const started = performance.now();
  const response = await fetch(path.startsWith('http') ? path : `${sandbox.fhirBase}/${path}`, {
    headers: { Accept: 'application/fhir+json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T, ms: performance.now() - started };
}

export interface SearchBundle {
  readonly resourceType: string;
  readonly link?: readonly { relation: string; url: string }[];
  readonly entry?: readonly { resource: { resourceType: string; id: string }; search?: { mode: string } }[];
}

export const linkOf = (bundle: SearchBundle, relation: string): string | undefined => bundle.link?.find((l) => l.relation === relation)?.url;
export const idsOf = (bundle: SearchBundle): string[] => (bundle.entry ?? []).map((e) => `${e.resource.resourceType}/${e.resource.id}`);

/** The admin endpoint, as an out-of-process test would call it. */
export async function admin(sandbox: Sandbox, method: string, body?: unknown, path = ''): Promise<{ status: number; body: Record<string, unknown> | undefined }> {
  const response = await fetch(`${sandbox.adminUrl}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}
