import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bundle, Observation, Practitioner } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadReport } from '../../../sandbox/fhir/server';
import type { Harness } from './harness';
import { FIXTURES, fixture, ids, startFhirServer } from './harness';

// Ben's Patient has no id in the bundle, only the fullUrl urn:uuid:6f1c2a9e-0b7d-4c1e-9a51-1d2e3f4a5b02.
const BEN = '6f1c2a9e-0b7d-4c1e-9a51-1d2e3f4a5b02';
let h: Harness;
let report: LoadReport;
let scratch: string;
const observation = (id: string, subject: string): Observation => ({ resourceType: 'Observation', id, status: 'final', code: { text: 'x' }, subject: { reference: subject } });

beforeAll(async () => {
  h = await startFhirServer();
  report = await h.fhir.load(FIXTURES); // a whole directory: transaction, collection, searchset, batch, side file
  scratch = await mkdtemp(join(tmpdir(), 'fhir-load-'));
});
afterAll(async () => {
  await h.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('loading bundles from a directory', () => {
  it('reads every bundle type and reports what it did', () => {
    expect(report.files).toBe(5);
    expect(report.bundles).toBe(4);
    expect(report.resources).toBe(31); // 27 + 2 + 1 + 1: the searchset's OperationOutcome is not data
    expect(report.warnings).toEqual([]);
    expect(report.milliseconds).toBeGreaterThanOrEqual(0);
  });

  it('keeps the ids the resources have, and takes a missing id from the urn:uuid fullUrl', async () => {
    expect((await h.get('Patient/pat-anna')).status).toBe(200);
    expect((await h.get('Observation/obs-k-1')).status).toBe(200);
    expect((await h.get(`Patient/${BEN}`)).status).toBe(200);
    expect((await h.get('Patient/pat-cara')).status).toBe(200); // from the searchset
    expect((await h.get('Observation/obs-cara-k')).status).toBe(200); // from the batch's PUT
  });

  it('rewrites urn:uuid references to Type/id of the stored resource', async () => {
    const anna = (await h.get<Observation>('Observation/obs-k-1')).body;
    expect(anna.subject?.reference).toBe('Patient/pat-anna');
    const ben = (await h.get<Observation>('Observation/obs-ben-k')).body;
    expect(ben.subject?.reference).toBe(`Patient/${BEN}`);
    expect(ids((await h.get<Bundle>(`Observation?patient=${BEN}`)).body)).toEqual(['obs-ben-k']);
  });

  it('rewrites references to another bundle entry\'s absolute fullUrl too', async () => {
    const practitioner = (await h.get<Practitioner>('Practitioner/prac-1')).body;
    expect(practitioner.qualification?.[0]?.issuer?.reference).toBe('Organization/org-clinic');
  });

  it('summarises patients for the EHR page, with descriptions from the extension or the side file', () => {
    expect(h.fhir.patients()).toEqual([
      { id: 'pat-anna', name: 'Anna Test', gender: 'female', birthDate: '1990-05-17', description: 'woman, 35, potassium and magnesium results' },
      { id: BEN, name: 'Ben Test', gender: 'male', birthDate: '1950-01-02', description: undefined },
      { id: 'pat-cara', name: 'Cara Test', gender: 'female', birthDate: '2015-03-01', description: 'girl, 10, one potassium result' },
    ]);
  });

  it('loading the same bundle again replaces rather than duplicates', async () => {
    const before = (await h.get<Bundle>('Observation?patient=pat-anna&_summary=count')).body.total;
    await h.fhir.load(fixture('clinic.transaction.json'));
    expect((await h.get<Bundle>('Observation?patient=pat-anna&_summary=count')).body.total).toBe(before);
    expect(h.fhir.patients()).toHaveLength(3);
  });

  it('skips, with a warning, entries whose urn:uuid reference names nothing, and files that are not FHIR', async () => {
    const broken: Bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { resource: observation('dangling', 'urn:uuid:00000000-0000-4000-8000-000000000000') },
        { resource: observation('fine', 'Patient/pat-anna') },
      ],
    };
    await writeFile(join(scratch, 'broken.json'), JSON.stringify(broken));
    await writeFile(join(scratch, 'notes.json'), JSON.stringify({ hello: 'world' }));
    await writeFile(join(scratch, 'truncated.json'), '{"resourceType": "Bund');
    const result = await h.fhir.load(scratch);
    expect(result.resources).toBe(1);
    expect(result.warnings).toHaveLength(3);
    expect(result.warnings.join('\n')).toMatch(/broken\.json: entry 0 skipped: .*urn:uuid:00000000-0000-4000-8000-000000000000/);
    expect(result.warnings.join('\n')).toMatch(/notes\.json: not a FHIR resource/);
    expect(result.warnings.join('\n')).toMatch(/truncated\.json: unreadable/);
    expect((await h.get('Observation/dangling')).status).toBe(404);
    expect((await h.get('Observation/fine')).status).toBe(200);
  });

  it('rejects a path that does not exist', async () => {
    await expect(h.fhir.load(join(scratch, 'missing'))).rejects.toThrow(/ENOENT/);
  });
});
