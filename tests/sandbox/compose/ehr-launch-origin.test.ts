// POST /ehr/launch (and the picker) as the faults endpoint is guarded: from this machine, under a
// loopback name, and from the sandbox's own page. A launch mints a context for any patient, so a web
// page elsewhere (DNS rebinding, another site, the app itself on another port) must not start one.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../sandbox/server';
import { APP_URL, PATIENT, startSandbox } from './support';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

/** POSTs the launch form with chosen Host and Origin headers (fetch cannot set Host). */
function postLaunch(headers: Record<string, string>, path = '/ehr/launch'): Promise<{ status: number; location: string | undefined; text: string }> {
  const body = new URLSearchParams({ patient: PATIENT.thiazide }).toString();
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${sandbox.origin}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const port = () => new URL(sandbox.origin).port;

describe('POST /ehr/launch', () => {
  it('launches from the sandbox\'s own page, under 127.0.0.1 or localhost alike', async () => {
    const asIp = await postLaunch({ Host: `127.0.0.1:${port()}`, Origin: sandbox.origin });
    expect(asIp.status).toBe(303);
    expect(asIp.location).toMatch(new RegExp(`^${APP_URL}/launch/\\?`));
    const asName = await postLaunch({ Host: `localhost:${port()}`, Origin: `http://localhost:${port()}` });
    expect(asName.status).toBe(303);
  });

  it('launches for a non-browser client that sends no Origin (curl, a test script)', async () => {
    expect((await postLaunch({ Host: `127.0.0.1:${port()}` })).status).toBe(303);
  });

  it('refuses a DNS-rebinding page: loopback socket, foreign Host', async () => {
    const answer = await postLaunch({ Host: `rebind.attacker.example:${port()}`, Origin: `http://rebind.attacker.example:${port()}` });
    expect(answer.status).toBe(403);
    expect(answer.location).toBeUndefined();
    expect(answer.text).toContain('loopback');
  });

  it('refuses another site, the app\'s own origin, and an opaque origin', async () => {
    for (const origin of ['https://evil.example', APP_URL, 'null', `http://127.0.0.1:${Number(port()) + 1}`]) {
      const answer = await postLaunch({ Host: `127.0.0.1:${port()}`, Origin: origin });
      expect(answer.status, origin).toBe(403);
      expect(answer.location).toBeUndefined();
    }
  });

  it('refuses before reading the form: a refused launch with a huge announced body is answered at once', async () => {
    const answer = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${sandbox.origin}/ehr/launch`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': 1_000_000_000, Origin: 'https://evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', (err) => reject(err));
      req.flushHeaders();
    });
    expect(answer).toBe(403);
  });
});

describe('POST /auth/select-patient (the standalone picker)', () => {
  it('is guarded the same way', async () => {
    const rebinding = await postLaunch({ Host: `rebind.attacker.example:${port()}` }, '/auth/select-patient');
    expect(rebinding.status).toBe(403);
    const crossSite = await postLaunch({ Host: `127.0.0.1:${port()}`, Origin: 'https://evil.example' }, '/auth/select-patient');
    expect(crossSite.status).toBe(403);
  });
});
