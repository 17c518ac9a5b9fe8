// Interoperability with the real SMART client library the app uses (fhirclient 2.6.3, its Node
// adapter, PKCE required): the EHR page launches a tiny app server, fhirclient discovers the endpoints,
// sends the authorization request, exchanges the code and reads the launch context back.
// This is the app side of issue 5 point 1 meeting this server, without a browser.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import smart from 'fhirclient/lib/entry/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthServer, type AuthServer } from '../../../sandbox/auth';
import { PATIENTS } from './support';

const SCOPE = 'launch openid fhirUser patient/*.rs';

interface Running {
  readonly server: Server;
  readonly origin: string;
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>): Promise<Running> {
  const server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(error instanceof Error ? error.message : 'error');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function stop({ server }: Running): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

let ehr: Running;
let app: Running;
let auth: AuthServer | undefined;
// fhirclient keeps its launch state in a server-side session; one test app, one session.
const session = new Map<string, unknown>();
const storage = {
  get: async (key: string) => session.get(key),
  set: async (key: string, value: unknown) => {
    session.set(key, value);
    return value;
  },
  unset: async (key: string) => session.delete(key),
};

beforeAll(async () => {
  ehr = await listen(async (req, res) => {
    if (!auth || !(await auth.handle(req, res))) {
      res.writeHead(404);
      res.end();
    }
  });
  app = await listen(async (req, res) => {
    const path = new URL(req.url ?? '/', app.origin).pathname;
    if (path === '/launch') {
      await smart(req, res, storage).authorize({ clientId: 'fhirclient-app', scope: SCOPE, redirectUri: '/redirect', pkceMode: 'required' });
    } else if (path === '/redirect') {
      const client = await smart(req, res, storage).ready();
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ tokenResponse: client.state.tokenResponse, patientId: client.getPatientId(), user: client.getFhirUser() }));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  auth = createAuthServer({
    issuer: `${ehr.origin}/auth`,
    fhirBaseUrl: `${ehr.origin}/fhir`,
    clients: [{ clientId: 'fhirclient-app', redirectUris: [`${app.origin}/redirect`], allowedScopes: SCOPE.split(' ') }],
    patients: () => PATIENTS,
    ehr: { appLaunchUrl: `${app.origin}/launch`, clientId: 'fhirclient-app' },
  });
});

afterAll(async () => {
  await stop(app);
  await stop(ehr);
});

/** Follows redirects by hand, as a browser would, and returns the final response. */
async function browse(url: string, init: RequestInit = {}): Promise<{ response: Response; visited: string[] }> {
  const visited: string[] = [];
  let response = await fetch(url, { ...init, redirect: 'manual' });
  visited.push(url);
  while (response.status >= 300 && response.status < 400) {
    const next = new URL(response.headers.get('location') ?? '', visited.at(-1)).href;
    visited.push(next);
    response = await fetch(next, { redirect: 'manual' });
  }
  return { response, visited };
}

describe('fhirclient 2.6.3 against the sandbox authorization server', () => {
  it('completes an EHR launch with PKCE S256 and receives the patient context', async () => {
    const { response, visited } = await browse(`${ehr.origin}/ehr/launch`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ patient: 'preg-32w', need_patient_banner: 'true' }),
    });
    expect(response.status).toBe(200);

    // The authorization request fhirclient built: aud = iss, launch echoed, S256.
    const authorizeUrl = new URL(visited.find((u) => u.startsWith(`${ehr.origin}/auth/authorize`)) ?? '');
    expect(authorizeUrl.searchParams.get('aud')).toBe(`${ehr.origin}/fhir`);
    expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorizeUrl.searchParams.get('launch')).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const result = (await response.json()) as {
      tokenResponse: Record<string, unknown>;
      patientId: string;
      user: string;
    };
    expect(result.patientId).toBe('preg-32w');
    // From the id_token's fhirUser claim (fhirclient keeps the last two path segments).
    expect(result.user).toBe('Practitioner/sandbox-clinician');
    expect(result.tokenResponse).toMatchObject({
      token_type: 'Bearer',
      scope: SCOPE,
      patient: 'preg-32w',
      need_patient_banner: true,
      expires_in: 3600,
    });
  });
});
