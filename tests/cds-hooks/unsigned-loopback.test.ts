/**
 * Without --trust the service accepts unsigned calls from this machine only: not through a web
 * server on this machine, not under a foreign Host name (DNS rebinding), not from a browser page of
 * another origin; and it refuses to start where other machines could reach it.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CdsHooksStartError, type CdsHooksServer } from '../../cds-hooks/server.js';
import { SERVICES } from '../../cds-hooks/services/index.js';
import { BundleBuilder } from '../support/fhir-builder.js';
import { AS_OF, hookBody } from './support/calls.js';
import { prefetchFor } from './support/prefetch.js';
import { startTestServer } from './support/server.js';

let server: CdsHooksServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

/** node:http, not fetch: fetch does not let a test set Host. */
function send(headers: Record<string, string>, method = 'POST'): Promise<{ status: number; body: string }> {
  const b = new BundleBuilder();
  const payload = JSON.stringify(hookBody('patient-view', b.patientId, { prefetch: prefetchFor(b.bundle(), SERVICES[0]!.selection, AS_OF) }));
  const url = new URL(`${server.baseUrl}/cds-services/leg-cramps-review`);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload), ...headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

describe('unsigned calls without --trust', () => {
  it('are accepted from this machine under a loopback name', async () => {
    expect((await send({})).status).toBe(200);
    expect((await send({ Host: `localhost:${new URL(server.baseUrl).port}` })).status).toBe(200);
    expect((await send({ Origin: 'http://127.0.0.1:5173' })).status).toBe(200);
  });

  it.each([
    ['a foreign Host (DNS rebinding)', { Host: 'evil.example' }, /address it as 127\.0\.0\.1 or localhost/],
    ['a call relayed by a web server', { 'X-Forwarded-For': '203.0.113.9' }, /relayed by a web server/],
    ['a Forwarded header', { Forwarded: 'for=203.0.113.9' }, /relayed by a web server/],
    ['a browser page of another site', { Origin: 'https://evil.example' }, /a page from another site/],
  ])('are refused with 401 for %s', async (_what, headers, reason) => {
    const r = await send(headers);
    expect(r.status).toBe(401);
    expect(r.body).toMatch(reason);
  });

  it('do not get CORS headers for another site’s page', async () => {
    const r = await fetch(`${server.baseUrl}/cds-services/leg-cramps-review`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } });
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('where the service may listen', () => {
  it('refuses a non-loopback interface or public URL without --trust', async () => {
    await expect(startTestServer({ host: '0.0.0.0', publicUrl: 'https://cds.hospital.example' })).rejects.toThrow(CdsHooksStartError);
    await expect(startTestServer({ publicUrl: 'https://cds.hospital.example/leg-cramps' })).rejects.toThrow(/must verify its clients: give --trust/);
    await expect(startTestServer({ host: '0.0.0.0' })).rejects.toThrow(/give --public-url/);
  });

  it('serves under a public URL’s path and names itself by it (behind a web server)', async () => {
    const behind = await startTestServer({ publicUrl: 'https://cds.hospital.example/leg-cramps', trust: [{ issuer: 'https://ehr.example', jwksUrl: 'https://ehr.example/jwks.json' }] });
    try {
      expect(behind.baseUrl).toBe('https://cds.hospital.example/leg-cramps');
      expect(behind.discoveryUrl).toBe('https://cds.hospital.example/leg-cramps/cds-services');
      expect(behind.requiresSignedCalls).toBe(true);
    } finally {
      await behind.close();
    }
  });
});
