// Test support: a real node:http server on loopback running createAuthServer, plus the steps of a
// SMART launch done the way an app does them (fetch with manual redirects, PKCE from node:crypto).
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAuthServer, type AuthServer, type AuthServerOptions, type PatientSummary } from '../../../sandbox/auth';

export const PATIENTS: readonly PatientSummary[] = [
  { id: 'preg-32w', name: 'Amara Okafor', gender: 'female', birthDate: '1993-02-14', description: 'woman, 32 weeks pregnant, low magnesium' },
  { id: 'statin-70', name: 'George Hill', gender: 'male', birthDate: '1954-09-30', description: 'man, 70, on simvastatin' },
  {
    id: 'hostile',
    name: '<script>alert("x")</script> O\'Brien & Sons',
    gender: 'other',
    birthDate: '1980-01-01',
    description: '<img src=x onerror=alert(1)> "quoted" description',
  },
];

export const APP_ORIGIN = 'http://app.test:5173';
export const REDIRECT_URI = `${APP_ORIGIN}/launch/redirect.html`;
export const LAUNCH_URL = `${APP_ORIGIN}/launch/index.html`;
export const CLIENT_ID = 'leg-cramps-app';

export const APP_SCOPES = [
  'launch',
  'launch/patient',
  'openid',
  'fhirUser',
  'patient/*.rs',
  'patient/Patient.r',
] as const;

export interface TestSandbox {
  readonly origin: string;
  readonly auth: AuthServer;
  /** Moves the server's clock forward. */
  advance(ms: number): void;
  close(): Promise<void>;
}

/** Starts a loopback server; `overrides` change the default options (one client, three patients). */
export async function startSandbox(overrides: Partial<AuthServerOptions> = {}): Promise<TestSandbox> {
  let offset = 0;
  let auth: AuthServer | undefined;
  const server: Server = createServer((req, res) => {
    void (async () => {
      if (auth && (await auth.handle(req, res))) return;
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    });
  try {
    auth = createAuthServer({
      issuer: `${origin}/auth`,
      fhirBaseUrl: `${origin}/fhir`,
      clients: [
        { clientId: CLIENT_ID, name: 'Leg cramps app', redirectUris: [REDIRECT_URI], allowedScopes: [...APP_SCOPES] },
        { clientId: 'other-app', redirectUris: [`${APP_ORIGIN}/other`], allowedScopes: ['launch', 'patient/Observation.rs'] },
      ],
      patients: () => PATIENTS,
      ehr: { appLaunchUrl: LAUNCH_URL, clientId: CLIENT_ID },
      now: () => Date.now() + offset,
      ...overrides,
    });
  } catch (error) {
    await close();
    throw error;
  }
  return {
    origin,
    auth,
    advance: (ms) => {
      offset += ms;
    },
    close,
  };
}

export interface Pkce {
  readonly verifier: string;
  readonly challenge: string;
}

export function makePkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function makeState(): string {
  return randomBytes(16).toString('base64url'); // 128 bits, above SMART's 122
}

export interface AuthorizeParams {
  readonly [name: string]: string | undefined;
}

/** The app's authorization request parameters, with every SMART-required field filled in. */
export function authorizeParams(sandbox: TestSandbox, pkce: Pkce, overrides: AuthorizeParams = {}): URLSearchParams {
  const params: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    scope: 'launch openid fhirUser patient/*.rs',
    state: makeState(),
    aud: sandbox.auth.fhirBaseUrl,
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
    ...overrides,
  };
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, value);
  return search;
}

/** GET /authorize without following the redirect. */
export async function authorize(sandbox: TestSandbox, params: URLSearchParams): Promise<Response> {
  return fetch(`${sandbox.auth.endpoints.authorize}?${params}`, { redirect: 'manual' });
}

/** The query of a redirect to the app, asserting it is one. */
export function redirectParams(response: Response, expectedTarget = REDIRECT_URI): URLSearchParams {
  const location = response.headers.get('location');
  if (!location) throw new Error(`expected a redirect, got ${response.status}`);
  const url = new URL(location);
  if (`${url.origin}${url.pathname}` !== expectedTarget) throw new Error(`redirected to ${url.origin}${url.pathname}`);
  return url.searchParams;
}

export async function exchangeCode(
  sandbox: TestSandbox,
  fields: Record<string, string | undefined>,
  headers: Record<string, string> = {},
): Promise<Response> {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) body.append(key, value);
  return fetch(sandbox.auth.endpoints.token, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
}

/** A full EHR launch through the API (no page): returns the code redirect's params. */
export async function ehrLaunchCode(
  sandbox: TestSandbox,
  pkce: Pkce,
  patientId = 'preg-32w',
  overrides: AuthorizeParams = {},
): Promise<URLSearchParams> {
  const { launchId } = sandbox.auth.createLaunch({ patientId });
  const response = await authorize(sandbox, authorizeParams(sandbox, pkce, { launch: launchId, ...overrides }));
  return redirectParams(response);
}

export interface TokenBody {
  readonly access_token: string;
  readonly token_type: string;
  readonly expires_in: number;
  readonly scope: string;
  readonly patient?: string;
  readonly need_patient_banner?: boolean;
  readonly smart_style_url?: string;
  readonly id_token?: string;
  readonly error?: string;
  readonly error_description?: string;
}

/** Launch + authorize + token exchange; the token response body. */
export async function launchAndGetToken(
  sandbox: TestSandbox,
  patientId = 'preg-32w',
  overrides: AuthorizeParams = {},
): Promise<TokenBody> {
  const pkce = makePkce();
  const code = (await ehrLaunchCode(sandbox, pkce, patientId, overrides)).get('code') ?? undefined;
  const response = await exchangeCode(sandbox, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT_URI,
    client_id: CLIENT_ID,
    code_verifier: pkce.verifier,
  });
  if (response.status !== 200) throw new Error(`token exchange failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as TokenBody;
}

/** Hidden input values of a rendered form, by name (the pages are ours, so a regex is enough). */
export function hiddenInputs(html: string): { name: string; value: string }[] {
  return [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => ({
    name: m[1] ?? '',
    value: (m[2] ?? '').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
  }));
}
