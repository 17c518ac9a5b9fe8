// The fault admin endpoint, as an out-of-process end-to-end test or a demo script uses it.
import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isLoopbackAddress, refuseNonLoopback } from '../../../sandbox/admin/loopback';
import type { Sandbox } from '../../../sandbox/server';
import { PATIENT, admin, fhirGet, launch, startSandbox } from './support';

let sandbox: Sandbox;
let token: string;
const search = () => `Observation?patient=${PATIENT.thiazide}&code=http://loinc.org|2823-3`;

beforeAll(async () => {
  sandbox = await startSandbox();
  token = (await launch(sandbox, PATIENT.thiazide)).access_token;
});
afterAll(() => sandbox.close());
afterEach(() => {
  for (const rule of sandbox.faults.list()) if (rule.source === 'admin') sandbox.faults.remove(rule.id);
});

describe('switching faults over HTTP', () => {
  it('adds a rule, lists it with its count, and removes it by id', async () => {
    const added = await admin(sandbox, 'POST', { id: 'k-busy', patientId: PATIENT.thiazide, resourceType: 'Observation', effect: { type: 'error', status: 503, retryAfterSeconds: 3 }, times: 1 });
    expect(added.status).toBe(201);
    expect(added.body?.rules).toEqual([expect.objectContaining({ id: 'k-busy', source: 'admin', applied: 0, remaining: 1 })]);

    const busy = await fhirGet(sandbox, search(), token);
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('3');

    const listed = await admin(sandbox, 'GET');
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ latencyMs: 0 });
    expect(listed.body?.rules).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'k-busy', applied: 1, remaining: 0 })]));

    expect((await admin(sandbox, 'DELETE', undefined, '/k-busy')).status).toBe(204);
    expect((await admin(sandbox, 'DELETE', undefined, '/k-busy')).status).toBe(404);
  });

  it('adds a list of rules all or nothing', async () => {
    const refused = await admin(sandbox, 'POST', [
      { id: 'ok-one', effect: { type: 'latency', ms: 10 } },
      { id: 'bad-two', effect: { type: 'latency', ms: -1 } },
    ]);
    expect(refused.status).toBe(400);
    expect(refused.body?.problems).toEqual([expect.stringMatching(/^rule 1: latency ms/)]);
    expect(sandbox.faults.list().map((r) => r.id)).not.toContain('ok-one');

    const accepted = await admin(sandbox, 'POST', [
      { id: 'ok-one', effect: { type: 'latency', ms: 10 } },
      { id: 'ok-two', resourceType: 'Condition', effect: { type: 'forbid' } },
    ]);
    expect(accepted.status).toBe(201);
    expect((await fhirGet(sandbox, `Condition?patient=${PATIENT.thiazide}`, token)).status).toBe(403);
  });

  it('clears every rule, faults.json ones included', async () => {
    const own = await startSandbox();
    try {
      await admin(own, 'POST', { effect: { type: 'repeat-next' } });
      const cleared = await admin(own, 'DELETE');
      expect(cleared).toEqual({ status: 200, body: { removed: 2 } });
      expect(own.faults.list()).toEqual([]);
    } finally {
      await own.close();
    }
  });
});

describe('malformed requests', () => {
  it.each([
    ['an unknown field (a typo)', { resourcetype: 'Observation', effect: { type: 'forbid' } }, /unknown field\(s\): resourcetype/],
    ['no effect', { resourceType: 'Observation' }, /effect must be an object/],
    ['an unknown effect', { effect: { type: 'explode' } }, /effect must be an object/],
    ['401 as an error status', { effect: { type: 'error', status: 401 } }, /error status must be one of/],
    ['Retry-After on a 500', { effect: { type: 'error', status: 500, retryAfterSeconds: 1 } }, /retryAfterSeconds/],
    ['times 0', { effect: { type: 'forbid' }, times: 0 }, /times must be a positive integer/],
    ['an unknown interaction', { interaction: 'patch', effect: { type: 'forbid' } }, /interaction must be one of/],
    ['a lower-case resource type', { resourceType: 'observation', effect: { type: 'forbid' } }, /resourceType must be/],
    ['an empty params object', { params: {}, effect: { type: 'forbid' } }, /params must be/],
    ['a foreign origin with a path', { effect: { type: 'foreign-next', origin: 'https://x.example/fhir' } }, /origin/],
    ['a list of nothing', [], /no rule given/],
  ])('refuses %s with 400 and says why', async (_name, body, message) => {
    const answer = await admin(sandbox, 'POST', body);
    expect(answer.status).toBe(400);
    expect(String(answer.body?.error)).toMatch(message);
  });

  it('refuses a duplicate id', async () => {
    expect((await admin(sandbox, 'POST', { id: 'twice', effect: { type: 'forbid' }, resourceType: 'Procedure' })).status).toBe(201);
    const again = await admin(sandbox, 'POST', { id: 'twice', effect: { type: 'forbid' } });
    expect(again.status).toBe(400);
    expect(again.body?.error).toMatch(/already exists/);
  });

  it('refuses a body that is not JSON, or not sent as JSON (so a web page cannot post a simple form)', async () => {
    const notJson = await fetch(sandbox.adminUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{ nope' });
    expect(notJson.status).toBe(400);
    const asText = await fetch(sandbox.adminUrl, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{"effect":{"type":"forbid"}}' });
    expect(asText.status).toBe(415);
    expect(sandbox.faults.list().filter((r) => r.source === 'admin')).toEqual([]);
  });

  it('answers 405 with Allow for other methods, and sends no CORS headers', async () => {
    const put = await fetch(sandbox.adminUrl, { method: 'PUT', headers: { Origin: 'http://127.0.0.1:5173' } });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, POST, DELETE');
    expect(put.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('loopback only', () => {
  it('refuses a request addressed by a non-loopback name (DNS rebinding), over real HTTP', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(sandbox.adminUrl, { method: 'GET', headers: { Host: 'attacker.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('recognises loopback peers and refuses every other address', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(address)).toBe(true);
    for (const address of ['192.0.2.7', '10.0.0.1', '::ffff:192.0.2.7', 'fd00::2', '0.0.0.0', '', undefined]) expect(isLoopbackAddress(address)).toBe(false);
    const from = (remoteAddress: string, host: string) => refuseNonLoopback({ socket: { remoteAddress } as never, headers: { host } });
    expect(from('192.0.2.7', '127.0.0.1:8090')).toMatch(/loopback clients only/);
    expect(from('127.0.0.1', 'localhost:8090')).toBeUndefined();
    expect(from('::1', '[::1]:8090')).toBeUndefined();
    expect(from('127.0.0.1', 'sandbox.example:8090')).toMatch(/loopback name/);
  });
});
