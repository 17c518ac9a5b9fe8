import type { Bundle, Condition, OperationOutcome, Patient } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessRequest, FhirHttpResponse } from '../../../sandbox/fhir/server';
import type { Harness } from './harness';
import { fixture, startFhirServer } from './harness';

const ANNA = 'pat-anna';
const seen: AccessRequest[] = [];
let h: Harness;

beforeAll(async () => {
  h = await startFhirServer(
    {
      // A stand-in for the SMART verifier: Ben's data is forbidden, a magic header is "unauthenticated".
      authorize: (req, access) => {
        seen.push(access);
        if (req.headers['x-test-auth'] === 'none') {
          return { ok: false, status: 401, outcome: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'login' }] }, headers: { 'WWW-Authenticate': 'Bearer realm="test"' } };
        }
        if (access.patientIds.includes('pat-cara')) {
          return { ok: false, status: 403, outcome: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'forbidden' }] } };
        }
        return { ok: true };
      },
      // A stand-in for fault injection: a header asks for 429 with Retry-After, after a delay.
      beforeResponse: async (req, response): Promise<FhirHttpResponse | undefined> => {
        if (req.headers['x-test-fault'] !== '429') return undefined;
        await new Promise((done) => setTimeout(done, 30));
        return { status: 429, headers: { 'Retry-After': '2' }, body: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'throttled', diagnostics: `was ${response.status}` }] } };
      },
    },
    fixture('clinic.transaction.json'),
    fixture('child.searchset.json'),
    fixture('child-labs.batch.json'),
  );
});
afterAll(() => h.close());
const lastAccess = (): AccessRequest | undefined => seen.at(-1);

describe('CORS', () => {
  it('answers a preflight from another localhost port, allowing the Authorization header', async () => {
    const response = await fetch(`${h.base}/Observation?patient=${ANNA}`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/\bAuthorization\b/);
    expect(response.headers.get('access-control-allow-methods')).toContain('GET');
    expect(seen.some((a) => a.interaction === 'OPTIONS')).toBe(false); // preflights carry no token: not authorized
  });

  it('exposes Retry-After and WWW-Authenticate on responses to an allowed origin', async () => {
    const response = await fetch(`${h.base}/Patient/${ANNA}`, { headers: { Origin: 'http://127.0.0.1:5173' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    expect(response.headers.get('access-control-expose-headers')).toMatch(/Retry-After.*WWW-Authenticate/);
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('gives no CORS headers to a foreign origin', async () => {
    const response = await fetch(`${h.base}/Patient/${ANNA}`, { headers: { Origin: 'https://evil.example' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${h.base}/Patient/${ANNA}`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('authorize hook', () => {
  it('is told the interaction, type and patient of a search, with its parameters', async () => {
    await h.get(`Observation?patient=${ANNA}&code=2823-3`);
    expect(lastAccess()).toMatchObject({ interaction: 'search-type', resourceType: 'Observation', patientId: ANNA, patientIds: [ANNA] });
    expect(lastAccess()?.searchParams?.get('code')).toBe('2823-3');
  });

  it('is told the compartment of a resource read, and the patient of a Patient read', async () => {
    await h.get('Condition/cond-cramps');
    expect(lastAccess()).toMatchObject({ interaction: 'read', resourceType: 'Condition', id: 'cond-cramps', patientId: ANNA });
    await h.get(`Patient/${ANNA}`);
    expect(lastAccess()).toMatchObject({ interaction: 'read', patientId: ANNA });
    await h.get('Medication/med-spiro');
    expect(lastAccess()).toMatchObject({ interaction: 'read', resourceType: 'Medication', patientId: undefined, patientIds: [] });
    await h.get('metadata');
    expect(lastAccess()).toMatchObject({ interaction: 'capabilities', resourceType: undefined });
  });

  it('passes its 401 and 403 through with the OperationOutcome and headers it chose', async () => {
    const denied = await h.get<OperationOutcome>('Observation?patient=pat-cara');
    expect(denied.status).toBe(403);
    expect(denied.body.issue[0]?.code).toBe('forbidden');
    expect((await h.get('Observation/obs-cara-k')).status).toBe(403); // found through the compartment
    const unauthenticated = await h.get<OperationOutcome>(`Patient/${ANNA}`, { 'X-Test-Auth': 'none' });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('www-authenticate')).toBe('Bearer realm="test"');
  });
});

describe('beforeResponse hook', () => {
  it('can delay a response and replace it (429 with Retry-After)', async () => {
    const started = performance.now();
    const { status, headers, body } = await h.get<OperationOutcome>(`Patient/${ANNA}`, { 'X-Test-Fault': '429', Origin: 'http://localhost:5173' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    expect(status).toBe(429);
    expect(headers.get('retry-after')).toBe('2');
    expect(headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(body.issue[0]?.diagnostics).toBe('was 200');
  });
});

describe('handle()', () => {
  it('leaves requests outside the base path, and .well-known under it, to the rest of the sandbox', async () => {
    const outside = await fetch(`${new URL(h.base).origin}/ehr`);
    expect(outside.status).toBe(418); // the harness' fallback
    const wellKnown = await fetch(`${h.base}/.well-known/smart-configuration`);
    expect(wellKnown.status).toBe(418);
    const prefix = await fetch(`${new URL(h.base).origin}/fhirx/Patient`);
    expect(prefix.status).toBe(418);
  });

  it('answers 405 with Allow for a method a path does not take, and 406 for a client that wants XML', async () => {
    const patch = await h.request<OperationOutcome>(`Patient/${ANNA}`, { method: 'PATCH', body: '[]' });
    expect(patch.status).toBe(405);
    expect(patch.headers.get('allow')).toBe('GET, PUT, DELETE');
    const xml = await h.get(`Patient/${ANNA}`, { Accept: 'application/fhir+xml' });
    expect(xml.status).toBe(406);
    expect((await h.get(`Patient/${ANNA}`, { Accept: 'application/fhir+json' })).status).toBe(200);
  });

  it('refuses operations and system-level search as not supported', async () => {
    const everything = await h.get<OperationOutcome>(`Patient/${ANNA}/$everything`);
    expect(everything.status).toBe(400);
    expect(everything.body.issue[0]?.code).toBe('not-supported');
    expect((await h.get('')).status).toBe(400);
  });
});

describe('read, create, update, delete through Medplum\'s FhirRouter', () => {
  it('reads with ETag and Last-Modified', async () => {
    const { status, headers, body } = await h.get<Patient>(`Patient/${ANNA}`);
    expect(status).toBe(200);
    expect(body.id).toBe(ANNA);
    expect(headers.get('etag')).toBe(`W/"${body.meta?.versionId}"`);
    expect(new Date(headers.get('last-modified') as string).getTime()).toBeGreaterThan(0);
  });

  it('creates with a server id and Location, updates, reads a version, deletes with 410 afterwards', async () => {
    const condition: Condition = {
      resourceType: 'Condition',
      id: 'client-chosen',
      subject: { reference: `Patient/${ANNA}` },
      code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'R25.2' }] },
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
    };
    const json = { 'Content-Type': 'application/fhir+json' };
    const created = await h.request<Condition>('Condition', { method: 'POST', headers: json, body: JSON.stringify(condition) });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(id).not.toBe('client-chosen'); // http://hl7.org/fhir/R4/http.html#create: the server assigns the id
    expect(created.headers.get('location')).toBe(`${h.base}/Condition/${id}/_history/${created.body.meta?.versionId}`);
    const found = await h.get<Bundle>(`Condition?patient=${ANNA}&code=R25.2`);
    expect(found.body.entry?.map((e) => e.resource?.id)).toEqual([id]);

    const updated = await h.request<Condition>(`Condition/${id}`, {
      method: 'PUT',
      headers: json,
      body: JSON.stringify({ ...created.body, clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'resolved' }] } }),
    });
    expect(updated.status).toBe(200);
    expect(Number(updated.body.meta?.versionId)).toBeGreaterThan(Number(created.body.meta?.versionId));
    expect((await h.get<Bundle>(`Condition?patient=${ANNA}&code=R25.2&clinical-status=active`)).body.total).toBe(0);

    const v1 = await h.get<Condition>(`Condition/${id}/_history/${created.body.meta?.versionId}`);
    expect(v1.body.clinicalStatus?.coding?.[0]?.code).toBe('active');
    const history = await h.get<Bundle>(`Condition/${id}/_history`);
    expect(history.body.entry?.map((e) => e.resource?.meta?.versionId)).toEqual([updated.body.meta?.versionId, created.body.meta?.versionId]);

    expect((await h.request(`Condition/${id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await h.get(`Condition/${id}`)).status).toBe(410);
    expect((await h.get<Bundle>(`Condition?patient=${ANNA}&code=R25.2`)).body.total).toBe(0);
  });

  it('an update that creates answers 201; one with a mismatching id 400; an invalid resource 400', async () => {
    const json = { 'Content-Type': 'application/fhir+json' };
    const fresh = await h.request(`Patient/new-by-put`, { method: 'PUT', headers: json, body: JSON.stringify({ resourceType: 'Patient', id: 'new-by-put' }) });
    expect(fresh.status).toBe(201);
    const mismatch = await h.request(`Patient/new-by-put`, { method: 'PUT', headers: json, body: JSON.stringify({ resourceType: 'Patient', id: 'other' }) });
    expect(mismatch.status).toBe(400);
    const invalid = await h.request<OperationOutcome>('Patient', { method: 'POST', headers: json, body: JSON.stringify({ resourceType: 'Patient', gender: 42, bogus: true }) });
    expect(invalid.status).toBe(400);
    expect(invalid.body.resourceType).toBe('OperationOutcome');
    const notJson = await h.request<OperationOutcome>('Patient', { method: 'POST', headers: json, body: '{"resourceType":' });
    expect(notJson.status).toBe(400);
  });

  it('If-Match with a stale version answers 412 and changes nothing', async () => {
    const current = await h.get<Patient>(`Patient/${ANNA}`);
    const stale = await h.request(`Patient/${ANNA}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/fhir+json', 'If-Match': 'W/"0"' },
      body: JSON.stringify({ ...current.body, gender: 'other' }),
    });
    expect(stale.status).toBe(412);
    expect((await h.get<Patient>(`Patient/${ANNA}`)).body.gender).toBe('female');
  });
});
