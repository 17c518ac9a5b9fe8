import type { Bundle, BundleEntry, FhirResource, MedicationRequest, Observation, OperationOutcome, Patient } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { fixture, ids, startFhirServer } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startFhirServer({}, fixture('clinic.transaction.json'));
});
afterAll(() => h.close());

const post = <T = Bundle>(bundle: Bundle) =>
  h.request<T>('', { method: 'POST', headers: { 'Content-Type': 'application/fhir+json' }, body: JSON.stringify(bundle) });
const tx = (type: 'transaction' | 'batch', entry: BundleEntry[]): Bundle => ({ resourceType: 'Bundle', type, entry });
const create = (fullUrl: string | undefined, resource: FhirResource, extra: Partial<NonNullable<BundleEntry['request']>> = {}): BundleEntry => ({
  ...(fullUrl ? { fullUrl } : {}),
  resource,
  request: { method: 'POST', url: resource.resourceType, ...extra },
});
const countOf = async (path: string): Promise<number> => (await h.get<Bundle>(`${path}&_summary=count`)).body.total ?? -1;
const potassium = (subject: string, extra: Partial<Observation> = {}): Observation => ({
  resourceType: 'Observation',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '2823-3' }] },
  subject: { reference: subject },
  effectiveDateTime: '2025-11-21T10:00:00Z',
  ...extra,
});

describe('transaction', () => {
  it('creates every entry with server ids, rewrites urn:uuid references, answers in request order', async () => {
    const patient = 'urn:uuid:a1b2c3d4-0000-4000-8000-000000000001';
    const medication = 'urn:uuid:a1b2c3d4-0000-4000-8000-000000000002';
    const { status, body } = await post(
      tx('transaction', [
        create(undefined, potassium(patient)),
        create(patient, { resourceType: 'Patient', id: 'client-id', name: [{ family: 'Tx' }] }),
        create(medication, { resourceType: 'Medication', code: { text: 'Furosemide 40 MG' } }),
        create(undefined, { resourceType: 'MedicationRequest', status: 'active', intent: 'order', subject: { reference: patient }, medicationReference: { reference: medication } } as MedicationRequest),
      ]),
    );
    expect(status).toBe(200);
    expect(body.type).toBe('transaction-response');
    expect(body.entry?.map((e) => e.response?.status)).toEqual(['201 Created', '201 Created', '201 Created', '201 Created']);
    const [obs, pat, med, request] = body.entry?.map((e) => e.resource) ?? [];
    expect(pat?.resourceType).toBe('Patient');
    expect(pat?.id).not.toBe('client-id');
    expect((obs as Observation).subject?.reference).toBe(`Patient/${pat?.id}`);
    expect((request as MedicationRequest).medicationReference?.reference).toBe(`Medication/${med?.id}`);
    expect(body.entry?.[1]?.response?.location).toBe(`Patient/${pat?.id}/_history/${pat?.meta?.versionId}`);

    const found = await h.get<Bundle>(`MedicationRequest?patient=${pat?.id}&_include=MedicationRequest:medication`);
    expect(ids(found.body, 'include')).toEqual([med?.id]);
  });

  it('is all or nothing: one invalid entry fails the whole transaction with 400 and writes nothing', async () => {
    const before = await countOf('Observation?patient=pat-anna');
    const { status, body } = await post<OperationOutcome>(
      tx('transaction', [
        create(undefined, potassium('Patient/pat-anna')),
        create(undefined, potassium('Patient/pat-anna')),
        create(undefined, { ...potassium('Patient/pat-anna'), valueQuantity: { value: 'low' } } as unknown as Observation),
      ]),
    );
    expect(status).toBe(400);
    expect(body.resourceType).toBe('OperationOutcome');
    expect(body.issue[0]?.diagnostics).toContain('Bundle.entry[2]');
    expect(await countOf('Observation?patient=pat-anna')).toBe(before);
  });

  it('refuses a reference to a urn:uuid that no entry has, and the same resource twice', async () => {
    const dangling = await post<OperationOutcome>(tx('transaction', [create(undefined, potassium('urn:uuid:a1b2c3d4-0000-4000-8000-00000000dead'))]));
    expect(dangling.status).toBe(400);
    expect(dangling.body.issue[0]?.diagnostics).toContain('urn:uuid:a1b2c3d4-0000-4000-8000-00000000dead');
    const twice = await post(
      tx('transaction', [
        { resource: { resourceType: 'Patient', id: 'dup' }, request: { method: 'PUT', url: 'Patient/dup' } },
        { resource: { resourceType: 'Patient', id: 'dup' }, request: { method: 'PUT', url: 'Patient/dup' } },
      ]),
    );
    expect(twice.status).toBe(400);
    expect((await h.get('Patient/dup')).status).toBe(404);
  });

  it('is never seen half-applied by a concurrent search', async () => {
    const entries = Array.from({ length: 400 }, () => create(undefined, potassium('Patient/pat-anna', { code: { coding: [{ system: 'urn:test', code: 'atomic' }] } })));
    const pending = post(tx('transaction', entries));
    const totals: number[] = [];
    for (let i = 0; i < 20; i++) totals.push(await countOf('Observation?patient=pat-anna&code=urn:test|atomic'));
    expect((await pending).status).toBe(200);
    totals.push(await countOf('Observation?patient=pat-anna&code=urn:test|atomic'));
    expect(totals.every((t) => t === 0 || t === 400)).toBe(true);
    expect(totals.at(-1)).toBe(400);
  });

  it('PUT creates or replaces by id, DELETE removes, ifNoneExist reuses a match, conditional references resolve', async () => {
    const putMe: Patient = { resourceType: 'Patient', id: 'put-me', identifier: [{ system: 'urn:mrn', value: 'M-77' }] };
    const { status, body } = await post(
      tx('transaction', [
        { resource: putMe, request: { method: 'PUT', url: 'Patient/put-me' } },
        { request: { method: 'DELETE', url: 'Condition/cond-resolved' } },
        create('urn:uuid:a1b2c3d4-0000-4000-8000-000000000010', { resourceType: 'Medication', code: { text: 'again' } }, { ifNoneExist: '_id=med-spiro' }),
        create(undefined, { resourceType: 'MedicationDispense', status: 'completed', subject: { reference: 'Patient?identifier=urn:mrn|M-77' }, medicationReference: { reference: 'urn:uuid:a1b2c3d4-0000-4000-8000-000000000010' } } as FhirResource),
      ]),
    );
    expect(status, JSON.stringify(body)).toBe(400); // the conditional reference names a patient created in the same transaction: not yet stored
    const first = await post(tx('transaction', [{ resource: putMe, request: { method: 'PUT', url: 'Patient/put-me' } }]));
    expect(first.body.entry?.[0]?.response?.status).toBe('201 Created');
    const second = await post(
      tx('transaction', [
        { request: { method: 'DELETE', url: 'Condition/cond-resolved' } },
        create('urn:uuid:a1b2c3d4-0000-4000-8000-000000000010', { resourceType: 'Medication', code: { text: 'again' } }, { ifNoneExist: '_id=med-spiro' }),
        create(undefined, { resourceType: 'MedicationDispense', status: 'completed', subject: { reference: 'Patient?identifier=urn:mrn|M-77' }, medicationReference: { reference: 'urn:uuid:a1b2c3d4-0000-4000-8000-000000000010' } } as FhirResource),
      ]),
    );
    expect(second.status).toBe(200);
    expect(second.body.entry?.map((e) => e.response?.status)).toEqual(['204 No Content', '200 OK', '201 Created']);
    expect(second.body.entry?.[1]?.resource?.id).toBe('med-spiro');
    const dispense = second.body.entry?.[2]?.resource as { subject?: { reference?: string }; medicationReference?: { reference?: string } };
    expect(dispense.subject?.reference).toBe('Patient/put-me');
    expect(dispense.medicationReference?.reference).toBe('Medication/med-spiro');
    expect((await h.get('Condition/cond-resolved')).status).toBe(410);
  });

  it('refuses GET entries, conditional PUT and bundles that are not transactions or batches', async () => {
    expect((await post(tx('transaction', [{ request: { method: 'GET', url: 'Patient/pat-anna' } }]))).status).toBe(400);
    expect((await post(tx('transaction', [{ resource: { resourceType: 'Patient' }, request: { method: 'PUT', url: 'Patient?identifier=x' } }]))).status).toBe(400);
    expect((await post({ resourceType: 'Bundle', type: 'collection', entry: [] })).status).toBe(400);
  });
});

describe('batch', () => {
  it('applies the entries that pass and reports the others in their own response', async () => {
    const { status, body } = await post(
      tx('batch', [
        create(undefined, potassium('Patient/pat-anna', { code: { coding: [{ system: 'urn:test', code: 'batch' }] } })),
        create(undefined, { resourceType: 'Observation', status: 'final' } as Observation), // no code: invalid
      ]),
    );
    expect(status).toBe(200);
    expect(body.type).toBe('batch-response');
    expect(body.entry?.[0]?.response?.status).toBe('201 Created');
    expect(body.entry?.[1]?.response?.status).toBe('400');
    expect(body.entry?.[1]?.response?.outcome?.resourceType).toBe('OperationOutcome');
    expect(await countOf('Observation?patient=pat-anna&code=urn:test|batch')).toBe(1);
  });
});
