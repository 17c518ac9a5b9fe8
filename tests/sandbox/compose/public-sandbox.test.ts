// A sandbox other machines can reach: it refuses to start beyond loopback without --public-url, names
// itself by that URL (FHIR base, EHR page, token aud), accepts its forms only under that host, and no
// longer approves a standalone patient choice by itself: the user picks, then confirms.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../../sandbox/server';
import { SandboxStartError } from '../../../sandbox/start-error';
import { hiddenInputs } from '../auth/support';
import { APP_URL, FIXTURES, PATIENT, REDIRECT_URI, fhirGet } from './support';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

describe('starting beyond loopback', () => {
  it('refuses --host 0.0.0.0 without a public URL, before opening any port', async () => {
    const port = await freePort();
    const attempt = createSandbox({ host: '0.0.0.0', port, patientsDir: FIXTURES });
    await expect(attempt).rejects.toThrow(SandboxStartError);
    await expect(attempt).rejects.toThrow(/--host 0\.0\.0\.0 is not a loopback address: give --public-url/);
    await expect(fetch(`http://127.0.0.1:${port}/fhir/metadata`)).rejects.toThrow(); // nothing listens
  });

  it('refuses a public URL with a path, a query or credentials', async () => {
    for (const publicUrl of ['http://sandbox.example/fhir', 'http://sandbox.example/?x=1', 'http://user:pw@sandbox.example', 'ftp://sandbox.example', 'not a url']) {
      await expect(createSandbox({ port: 0, publicUrl, patientsDir: FIXTURES }), publicUrl).rejects.toThrow(/--public-url must be/);
    }
  });
});

describe('a public sandbox', () => {
  let sandbox: Sandbox;
  let publicUrl: string;
  beforeAll(async () => {
    const port = await freePort();
    publicUrl = `http://localhost:${port}`; // a name this machine resolves, standing in for a LAN name
    sandbox = await createSandbox({ port, publicUrl, patientsDir: FIXTURES, appUrl: APP_URL, shiftScenarioDates: false });
  });
  afterAll(() => sandbox.close());

  it('names itself by the public URL: FHIR base, EHR page, discovery', async () => {
    expect(sandbox.fhirBase).toBe(`${publicUrl}/fhir`);
    expect(sandbox.ehrUrl).toBe(`${publicUrl}/ehr`);
    const config = (await (await fetch(`${sandbox.fhirBase}/.well-known/smart-configuration`)).json()) as Record<string, string>;
    expect(config.token_endpoint).toBe(`${publicUrl}/auth/token`);
  });

  it('accepts launches from its page under the public host only', async () => {
    const post = (host: string, origin: string) =>
      new Promise<number>((resolve, reject) => {
        const body = `patient=${PATIENT.statin}`;
        const req = httpRequest(`${sandbox.origin}/ehr/launch`, { method: 'POST', headers: { Host: host, Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': body.length } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end(body);
      });
    const { host } = new URL(publicUrl);
    expect(await post(host, publicUrl)).toBe(303);
    expect(await post(`127.0.0.1:${new URL(publicUrl).port}`, `http://127.0.0.1:${new URL(publicUrl).port}`)).toBe(403);
    expect(await post(host, 'https://evil.example')).toBe(403);
  });

  describe('standalone launch: pick, then confirm', () => {
    const verifier = randomBytes(32).toString('base64url');
    async function openPicker(): Promise<{ pick: string; state: string; html: string }> {
      const state = randomBytes(16).toString('base64url');
      const params = new URLSearchParams({
        response_type: 'code', client_id: sandbox.clientId, redirect_uri: REDIRECT_URI, scope: 'launch/patient openid fhirUser patient/*.rs', state,
        aud: sandbox.fhirBase, code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256',
      });
      const response = await fetch(`${sandbox.auth.endpoints.authorize}?${params}`, { redirect: 'manual' });
      expect(response.status).toBe(200);
      const html = await response.text();
      return { pick: hiddenInputs(html).find((i) => i.name === 'pick')?.value ?? '', state, html };
    }
    const post = (form: Record<string, string>) =>
      fetch(sandbox.auth.endpoints.picker, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: publicUrl },
        body: new URLSearchParams(form),
        redirect: 'manual',
      });

    it('a pick shows a confirmation naming the app, the patient and the scopes; Allow gives a code whose token has aud-bound access', async () => {
      const { pick, state, html } = await openPicker();
      expect(html).toContain('You confirm access on the next page.');
      const picked = await post({ pick, patient: PATIENT.statin });
      expect(picked.status).toBe(200); // no code yet
      expect(picked.headers.get('location')).toBeNull();
      const page = await picked.text();
      expect(page).toContain('Allow');
      expect(page).toContain('Nocturnal leg cramps');
      expect(page).toContain('<code>patient/*.rs</code>');
      const confirm = hiddenInputs(page).find((i) => i.name === 'confirm')?.value ?? '';
      expect(confirm).toMatch(/^[A-Za-z0-9_-]{43}$/);

      const allowed = await post({ confirm, decision: 'allow' });
      expect(allowed.status).toBe(303);
      const callback = new URL(allowed.headers.get('location') ?? '');
      expect(callback.searchParams.get('state')).toBe(state);
      const token = await fetch(sandbox.auth.endpoints.token, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'authorization_code', code: callback.searchParams.get('code') ?? '', redirect_uri: REDIRECT_URI, client_id: sandbox.clientId, code_verifier: verifier }),
      });
      const body = (await token.json()) as { patient: string; access_token: string };
      expect(body.patient).toBe(PATIENT.statin);
      expect((await fhirGet(sandbox, `Patient/${PATIENT.statin}`, body.access_token)).status).toBe(200);

      expect((await post({ confirm, decision: 'allow' })).status).toBe(400); // one-time
    });

    it('Deny sends the app access_denied, and the pick cannot be replayed', async () => {
      const { pick, state } = await openPicker();
      const page = await (await post({ pick, patient: PATIENT.statin })).text();
      const confirm = hiddenInputs(page).find((i) => i.name === 'confirm')?.value ?? '';
      const denied = await post({ confirm, decision: 'deny' });
      expect(denied.status).toBe(303);
      const callback = new URL(denied.headers.get('location') ?? '');
      expect(callback.searchParams.get('error')).toBe('access_denied');
      expect(callback.searchParams.get('state')).toBe(state);
      expect(callback.searchParams.get('code')).toBeNull();
      expect((await post({ pick, patient: PATIENT.statin })).status).toBe(400);
    });

    it('a forged confirmation handle gives nothing', async () => {
      const forged = await post({ confirm: randomBytes(32).toString('base64url'), decision: 'allow' });
      expect(forged.status).toBe(400);
      expect(forged.headers.get('location')).toBeNull();
    });
  });
});
