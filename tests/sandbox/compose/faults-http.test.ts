// Every fault type, switched programmatically and observed over HTTP the way the app sees it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../sandbox/server';
import { PATIENT, fhirGet, launch, linkOf, idsOf, startSandbox, type SearchBundle } from './support';

let sandbox: Sandbox;
/** One token per patient, from real launches; tests that end tokens make their own. */
let thiazide: string;
let statin: string;
const MG = 'http://loinc.org|19123-9';
const labs = (patient: string, extra = '') => `Observation?patient=${patient}&code=${MG},http://loinc.org|2823-3${extra}`;

beforeAll(async () => {
  sandbox = await startSandbox();
  thiazide = (await launch(sandbox, PATIENT.thiazide)).access_token;
  statin = (await launch(sandbox, PATIENT.statin)).access_token;
});
afterAll(() => sandbox.close());
/** Leaves the faults.json rule of the fixture directory in place: only this file's rules go. */
afterEach(() => {
  for (const rule of sandbox.faults.list()) if (rule.source === 'api') sandbox.faults.remove(rule.id);
});

describe('latency', () => {
  it('delays only the matching requests by the rule\'s milliseconds', async () => {
    const before = await fhirGet(sandbox, labs(PATIENT.thiazide), thiazide);
    sandbox.faults.add({ resourceType: 'Observation', effect: { type: 'latency', ms: 400 } });
    const slow = await fhirGet(sandbox, labs(PATIENT.thiazide), thiazide);
    const other = await fhirGet(sandbox, `Condition?patient=${PATIENT.thiazide}`, thiazide);
    expect(slow.status).toBe(200);
    expect(slow.ms).toBeGreaterThanOrEqual(395); // timers may fire a hair early
    expect(slow.ms).toBeGreaterThan(before.ms + 300);
    expect(other.ms).toBeLessThan(slow.ms - 200); // relative, so a busy test machine does not fail it
  });

  it('adds the global --latency to every FHIR response, even the CapabilityStatement', async () => {
    const slowSandbox = await startSandbox({ latencyMs: 250 });
    try {
      const metadata = await fhirGet(slowSandbox, 'metadata');
      expect(metadata.status).toBe(200);
      expect(metadata.ms).toBeGreaterThanOrEqual(245);
      expect(slowSandbox.faults.latencyMs).toBe(250);
    } finally {
      await slowSandbox.close();
    }
  });
});

describe('429 and 503 with Retry-After', () => {
  it.each([429, 503] as const)('answers %i a limited number of times, then normally', async (status) => {
    const rule = sandbox.faults.add({ patientId: PATIENT.thiazide, resourceType: 'Observation', effect: { type: 'error', status, retryAfterSeconds: 2 }, times: 2 });
    for (let i = 0; i < 2; i++) {
      const busy = await fhirGet<{ resourceType: string; issue: { code: string; diagnostics: string }[] }>(sandbox, labs(PATIENT.thiazide), thiazide);
      expect(busy.status).toBe(status);
      expect(busy.headers.get('retry-after')).toBe('2');
      expect(busy.body.resourceType).toBe('OperationOutcome');
      expect(busy.body.issue[0]).toMatchObject({ code: status === 429 ? 'throttled' : 'transient', diagnostics: expect.stringContaining(rule.id) });
    }
    const recovered = await fhirGet<SearchBundle>(sandbox, labs(PATIENT.thiazide), thiazide);
    expect(recovered.status).toBe(200);
    expect(idsOf(recovered.body)).toHaveLength(2);
    expect(sandbox.faults.list().find((r) => r.id === rule.id)).toMatchObject({ applied: 2, remaining: 0 });
  });

  it('answers 503 always when no times are given, with Retry-After 1 by default', async () => {
    sandbox.faults.add({ resourceType: 'Observation', effect: { type: 'error', status: 503 } });
    for (let i = 0; i < 4; i++) {
      const busy = await fhirGet(sandbox, labs(PATIENT.thiazide), thiazide);
      expect(busy.status).toBe(503);
      expect(busy.headers.get('retry-after')).toBe('1');
    }
  });

  it('exposes Retry-After to a browser app on another origin (CORS)', async () => {
    sandbox.faults.add({ resourceType: 'Observation', effect: { type: 'error', status: 429 } });
    const response = await fetch(`${sandbox.fhirBase}/${labs(PATIENT.thiazide)}`, {
      headers: { Accept: 'application/fhir+json', Authorization: `Bearer ${thiazide}`, Origin: 'http://127.0.0.1:5173' },
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('access-control-expose-headers')).toContain('Retry-After');
  });
});

describe('500', () => {
  it('answers 500 without Retry-After for the matching search parameter only', async () => {
    sandbox.faults.add({ resourceType: 'Observation', params: { code: '19123-9' }, effect: { type: 'error', status: 500 } });
    const failed = await fhirGet(sandbox, labs(PATIENT.thiazide), thiazide);
    expect(failed.status).toBe(500);
    expect(failed.headers.get('retry-after')).toBeNull();
    // Another panel (no magnesium code in it) is untouched.
    expect((await fhirGet(sandbox, `Observation?patient=${PATIENT.thiazide}&code=http://loinc.org|2823-3`, thiazide)).status).toBe(200);
  });
});

describe('forbidden query', () => {
  it('refuses one resource type of one patient with 403 insufficient_scope, and nothing else', async () => {
    sandbox.faults.add({ patientId: PATIENT.thiazide, resourceType: 'Observation', effect: { type: 'forbid' } });
    const refused = await fhirGet(sandbox, labs(PATIENT.thiazide), thiazide);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer .*error="insufficient_scope"/);
    expect((await fhirGet(sandbox, `Condition?patient=${PATIENT.thiazide}`, thiazide)).status).toBe(200);
    expect((await fhirGet(sandbox, `Patient/${PATIENT.thiazide}`, thiazide)).status).toBe(200);
    expect((await fhirGet(sandbox, labs(PATIENT.statin), statin)).status).toBe(200);
  });

  it('is lifted when the rule is removed, and counts its refusals when limited', async () => {
    const rule = sandbox.faults.add({ patientId: PATIENT.statin, resourceType: 'MedicationRequest', interaction: 'search', effect: { type: 'forbid' }, times: 1 });
    expect(rule.interaction).toBe('search-type');
    expect((await fhirGet(sandbox, `MedicationRequest?patient=${PATIENT.statin}`, statin)).status).toBe(403);
    expect((await fhirGet(sandbox, `MedicationRequest?patient=${PATIENT.statin}`, statin)).status).toBe(200);
    expect(sandbox.faults.list().find((r) => r.id === rule.id)).toMatchObject({ applied: 1, remaining: 0 });

    const always = sandbox.faults.add({ resourceType: 'Condition', effect: { type: 'forbid' } });
    expect((await fhirGet(sandbox, `Condition?patient=${PATIENT.statin}`, statin)).status).toBe(403);
    expect(sandbox.faults.remove(always.id)).toBe(true);
    expect((await fhirGet(sandbox, `Condition?patient=${PATIENT.statin}`, statin)).status).toBe(200);
  });

  it('still answers 401 first for a request without a token', async () => {
    sandbox.faults.add({ resourceType: 'Observation', effect: { type: 'forbid' } });
    expect((await fhirGet(sandbox, labs(PATIENT.thiazide))).status).toBe(401);
  });
});

describe('paging links', () => {
  it('repeat-next: the page names its own URL as next, even for a one-page result', async () => {
    sandbox.faults.add({ resourceType: 'Observation', effect: { type: 'repeat-next' } });
    const page = await fhirGet<SearchBundle>(sandbox, labs(PATIENT.thiazide), thiazide);
    expect(page.status).toBe(200);
    expect(linkOf(page.body, 'next')).toBeDefined();
    expect(linkOf(page.body, 'next')).toBe(linkOf(page.body, 'self'));
    // Following it gives the same page with the same link again: a client that does not check loops.
    const again = await fhirGet<SearchBundle>(sandbox, linkOf(page.body, 'next') ?? '', thiazide);
    expect(idsOf(again.body)).toEqual(idsOf(page.body));
    expect(linkOf(again.body, 'next')).toBe(linkOf(page.body, 'next'));
  });

  it('foreign-next: the real next page moved to another origin, path and query kept', async () => {
    const real = await fhirGet<SearchBundle>(sandbox, labs(PATIENT.thiazide, '&_count=1'), thiazide);
    const realNext = new URL(linkOf(real.body, 'next') ?? '');
    sandbox.faults.add({ patientId: PATIENT.thiazide, effect: { type: 'foreign-next', origin: 'https://other.example' } });
    const page = await fhirGet<SearchBundle>(sandbox, labs(PATIENT.thiazide, '&_count=1'), thiazide);
    const next = new URL(linkOf(page.body, 'next') ?? '');
    expect(next.origin).toBe('https://other.example');
    expect(`${next.pathname}${next.search}`).toBe(`${realNext.pathname}${realNext.search}`);
    expect(linkOf(page.body, 'self')).toBe(linkOf(real.body, 'self'));
  });

  it('leaves reads alone and does not count them', async () => {
    const rule = sandbox.faults.add({ patientId: PATIENT.thiazide, effect: { type: 'repeat-next' } });
    const read = await fhirGet<{ resourceType: string }>(sandbox, `Patient/${PATIENT.thiazide}`, thiazide);
    expect(read.body.resourceType).toBe('Patient');
    expect(sandbox.faults.list().find((r) => r.id === rule.id)?.applied).toBe(0);
  });
});

describe('token expiry mid-session', () => {
  it('a short-lived launch: the token works, then 401 invalid_token once its lifetime is over', async () => {
    const token = (await launch(sandbox, PATIENT.statin, 1)).access_token;
    expect((await fhirGet(sandbox, `Patient/${PATIENT.statin}`, token)).status).toBe(200);
    await new Promise((done) => setTimeout(done, 1100));
    const expired = await fhirGet<{ issue: { code: string }[] }>(sandbox, `Patient/${PATIENT.statin}`, token);
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
    expect(expired.body.issue[0]?.code).toBe('expired');
  });

  it('expire-token: the token dies on the first matching request, and stays dead for every other one', async () => {
    const token = (await launch(sandbox, PATIENT.statin)).access_token;
    sandbox.faults.add({ patientId: PATIENT.statin, resourceType: 'Observation', effect: { type: 'expire-token' }, times: 1 });
    expect((await fhirGet(sandbox, `Patient/${PATIENT.statin}`, token)).status).toBe(200);
    expect((await fhirGet(sandbox, labs(PATIENT.statin), token)).status).toBe(401);
    expect((await fhirGet(sandbox, `Patient/${PATIENT.statin}`, token)).status).toBe(401);
    // A relaunch gets a new token, which lives: the rule was used once.
    const fresh = (await launch(sandbox, PATIENT.statin)).access_token;
    expect((await fhirGet(sandbox, labs(PATIENT.statin), fresh)).status).toBe(200);
    // Other patients' sessions were never touched.
    expect((await fhirGet(sandbox, labs(PATIENT.thiazide), thiazide)).status).toBe(200);
  });
});

describe('several rules', () => {
  it('adds latency from every matching rule but replaces a response at most once, first rule first', async () => {
    sandbox.faults.add({ resourceType: 'Observation', effect: { type: 'latency', ms: 150 } });
    sandbox.faults.add({ resourceType: 'Observation', effect: { type: 'latency', ms: 150 } });
    const first = sandbox.faults.add({ resourceType: 'Observation', effect: { type: 'error', status: 502 } });
    const second = sandbox.faults.add({ resourceType: 'Observation', effect: { type: 'error', status: 504 } });
    const answer = await fhirGet(sandbox, labs(PATIENT.thiazide), thiazide);
    expect(answer.status).toBe(502);
    expect(answer.ms).toBeGreaterThanOrEqual(295);
    const counts = Object.fromEntries(sandbox.faults.list().map((r) => [r.id, r.applied]));
    expect(counts[first.id]).toBe(1);
    expect(counts[second.id]).toBe(0);
  });
});
