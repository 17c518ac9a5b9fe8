// The FHIR server's own compartment wall, tested without the token verifier in front of it: the
// authorization hook lets every request through and only says "confined to the attacker", as if the
// verifier had misread every parameter. Nothing of the victim's may come out all the same.
import type { Bundle } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACKER, PROBES, TWO_PATIENTS_DIR, VICTIM, expectNothingOfTheVictim } from './compartment-probes';
import { ids, startFhirServer, type Harness } from './harness';

let h: Harness;
/** Who requests are confined to; undefined lets a test write as an unconfined (user-level) client. */
let confinedTo: string | undefined = ATTACKER;
beforeAll(async () => {
  h = await startFhirServer({ authorize: () => (confinedTo ? { ok: true, compartment: { patientId: confinedTo } } : { ok: true }) }, TWO_PATIENTS_DIR);
});
afterAll(() => h.close());

async function raw(path: string, init?: RequestInit): Promise<{ status: number; text: string }> {
  const response = await fetch(`${h.base}/${path}`, init);
  return { status: response.status, text: await response.text() };
}

describe('a request confined to one patient, with nothing refused before it runs', () => {
  for (const path of PROBES) {
    it(`GET ${path}: nothing of the victim's`, async () => {
      expectNothingOfTheVictim(await raw(path));
    });
  }

  it('a bare search is pinned to the patient: her Patient alone, her Observations alone, totals counted after the wall', async () => {
    const patients = await h.get<Bundle>('Patient');
    expect(ids(patients.body)).toEqual([ATTACKER]);
    expect(patients.body.total).toBe(1);
    const observations = await h.get<Bundle>('Observation?_count=1');
    expect(observations.body.total).toBe(2); // att-obs-panel and att-obs-na; not hers-but-names-the-victim
    expect(ids(observations.body)).toHaveLength(1);
  });

  it('reads of resources outside every compartment still work (Medication, Practitioner)', async () => {
    expect((await h.get('Medication/shared-med')).status).toBe(200);
    expect((await h.get('Practitioner/dr-public')).status).toBe(200);
  });

  it('writes must stay inside the compartment, and batches are refused', async () => {
    const json = { 'Content-Type': 'application/fhir+json' };
    const foreign = { resourceType: 'Observation', status: 'final', code: { text: 'x' }, subject: { reference: `Patient/${VICTIM}` } };
    expect((await raw('Observation', { method: 'POST', headers: json, body: JSON.stringify(foreign) })).status).toBe(403);
    expect((await raw(`Observation/vic-obs-k`, { method: 'PUT', headers: json, body: JSON.stringify({ ...foreign, id: 'vic-obs-k' }) })).status).toBe(403);
    const own = { ...foreign, subject: { reference: `Patient/${ATTACKER}` } };
    expect((await raw('Observation', { method: 'POST', headers: json, body: JSON.stringify(own) })).status).toBe(201);
    const batch = { resourceType: 'Bundle', type: 'batch', entry: [] };
    expect((await raw('', { method: 'POST', headers: json, body: JSON.stringify(batch) })).status).toBe(403);
  });

  it('cannot take over, delete or probe another patient\'s resource by writing', async () => {
    const json = { 'Content-Type': 'application/fhir+json' };
    const hijack = { resourceType: 'Observation', id: 'vic-obs-k', status: 'final', code: { text: 'mine now' }, subject: { reference: `Patient/${ATTACKER}` } };
    expect((await raw('Observation/vic-obs-k', { method: 'PUT', headers: json, body: JSON.stringify(hijack) })).status).toBe(403);
    expect((await raw('Observation/vic-obs-k', { method: 'DELETE' })).status).toBe(403);
    expect(h.fhir.read('Observation', 'vic-obs-k')).toMatchObject({ subject: { reference: `Patient/${VICTIM}` } });
    // If-None-Exist would answer "exists" (200) or "created" (201) for a query over everyone's data.
    const own = { resourceType: 'Observation', status: 'final', code: { text: 'x' }, subject: { reference: `Patient/${ATTACKER}` } };
    const probe = await raw('Observation', { method: 'POST', headers: { ...json, 'If-None-Exist': 'code=http://loinc.org|2823-3' }, body: JSON.stringify(own) });
    expect(probe.status).toBe(403);
  });

  it('a history keeps the versions that were hers and drops the one that also named someone else', async () => {
    const put = (body: object) => raw('Observation/moving-obs', { method: 'PUT', headers: { 'Content-Type': 'application/fhir+json' }, body: JSON.stringify(body) });
    const base = { resourceType: 'Observation', id: 'moving-obs', status: 'final', code: { text: 'moving' }, subject: { reference: `Patient/${ATTACKER}` } };
    expect((await put(base)).status).toBe(201);
    confinedTo = undefined; // another client adds the victim as performer, then takes her out again
    try {
      expect((await put({ ...base, performer: [{ reference: `Patient/${VICTIM}` }], note: [{ text: 'Victimsecret was here' }] })).status).toBe(200);
      expect((await put({ ...base, note: [{ text: 'corrected' }] })).status).toBe(200);
    } finally {
      confinedTo = ATTACKER;
    }
    const history = await raw('Observation/moving-obs/_history');
    expect(history.status).toBe(200);
    expectNothingOfTheVictim(history);
    expect((JSON.parse(history.text) as Bundle).entry).toHaveLength(2);
    const versions = (JSON.parse(history.text) as Bundle).entry?.map((e) => Number(e.resource?.meta?.versionId)) ?? [];
    const [newest = 0, oldest = 0] = versions;
    expect((await raw(`Observation/moving-obs/_history/${newest - 1}`)).status).toBe(403);
    expect((await raw(`Observation/moving-obs/_history/${oldest}`)).status).toBe(200);
  });
});
