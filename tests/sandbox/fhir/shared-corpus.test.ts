import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Bundle, Observation, Patient, Resource } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadReport } from '../../../sandbox/fhir/server';
import type { Harness } from './harness';
import { ids, link, startFhirServer } from './harness';

// The real corpus from ../shared (never copied into the repository): 122 Synthea transaction bundles.
const SYNTHEA = resolve(import.meta.dirname, '../../../../shared/data/synthea-r4');
const ABDUL = { id: '018f428e-34f6-4707-8009-5ad742f901e7', file: 'Abdul_Koepp_e925b0f3-8006-43f6-aa31-94bd215e55e7.json' };
const LOINC = 'http://loinc.org';
const LABS = ['2339-0', '6298-4', '49765-1', '38483-4', '2947-0', '2069-3', '20565-8', '6299-2', '4548-4', '33914-3'];

let h: Harness;
let report: LoadReport;
beforeAll(async () => {
  h = await startFhirServer();
  report = await h.fhir.load(SYNTHEA);
});
afterAll(() => h.close());

/** Every match of a search, following next links. */
async function everything(path: string): Promise<string[]> {
  const found: string[] = [];
  let url: string | undefined = path;
  while (url) {
    const { status, body } = await h.get<Bundle>(url);
    expect(status).toBe(200);
    found.push(...ids(body));
    url = link(body, 'next');
  }
  return found;
}

/** The patient's resources straight from the file, with urn:uuid references as written. */
async function fromFile(file: string): Promise<{ patientId: string; resources: Resource[] }> {
  const bundle = JSON.parse(await readFile(resolve(SYNTHEA, file), 'utf8')) as Bundle;
  const resources = (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
  const patient = resources.find((r) => r.resourceType === 'Patient');
  return { patientId: patient?.id as string, resources };
}

const codesOf = (o: Observation): string[] => (o.code.coding ?? []).filter((c) => c.system === LOINC).map((c) => c.code ?? '');

describe('the Synthea corpus', () => {
  it('loads every bundle, keeping every id', () => {
    expect(report.files).toBe(122);
    expect(report.resources).toBe(42053); // entries in the files, shared organisations counted once per bundle
    expect(report.warnings).toEqual([]);
    expect(h.fhir.patients()).toHaveLength(122);
    console.info(`Synthea load: ${report.resources} resources in ${report.milliseconds} ms`);
  });

  it('serves a known patient with the counts in its file', async () => {
    const { patientId, resources } = await fromFile(ABDUL.file);
    expect(patientId).toBe(ABDUL.id);
    const byType = new Map<string, number>();
    for (const r of resources) byType.set(r.resourceType, (byType.get(r.resourceType) ?? 0) + 1);
    expect(byType.get('Observation')).toBe(94); // anchors the file-derived counts below
    for (const type of ['Observation', 'Condition', 'MedicationRequest', 'Procedure', 'Encounter', 'Immunization', 'DiagnosticReport', 'CarePlan']) {
      const { body } = await h.get<Bundle>(`${type}?patient=${patientId}&_summary=count`);
      expect(body.total, type).toBe(byType.get(type) ?? 0);
    }
    expect((await h.get(`Patient/${patientId}`)).status).toBe(200);
  });

  it('answers code-list and date searches exactly as a scan of the files does', async () => {
    // Files are named after the Synthea identifier, which the Patient carries.
    const fileOf = new Map((await readdir(SYNTHEA)).map((name) => [/_([0-9a-f-]{36})\.json$/.exec(name)?.[1], name]));
    const codeList = LABS.map((c) => `${LOINC}|${c}`).join(',');
    const floor = Date.parse('2019-01-01T00:00:00Z');
    const isLab = (o: Observation): boolean => o.category?.some((c) => c.coding?.some((k) => k.code === 'laboratory')) ?? false;
    for (const summary of h.fhir.patients().filter((_, i) => i % 10 === 0)) {
      const patient = (await h.get<Patient>(`Patient/${summary.id}`)).body;
      const syntheaId = patient.identifier?.find((i) => i.system === 'https://github.com/synthetichealth/synthea')?.value;
      const { resources } = await fromFile(fileOf.get(syntheaId) as string);
      const observations = resources.filter((r): r is Observation => r.resourceType === 'Observation');

      const withCodes = observations.filter((o) => codesOf(o).some((c) => LABS.includes(c))).map((o) => o.id as string);
      expect((await everything(`Observation?patient=${summary.id}&code=${codeList}`)).sort(), summary.name).toEqual(withCodes.sort());

      const recentLabs = observations.filter((o) => isLab(o) && Date.parse(o.effectiveDateTime ?? '') >= floor).map((o) => o.id as string);
      expect((await everything(`Observation?patient=${summary.id}&category=laboratory&date=ge2019-01-01`)).sort(), summary.name).toEqual(recentLabs.sort());
    }
  });

  it('answers the app\'s searches in well under 50 ms (median) with every patient loaded', async () => {
    const codes = LABS.map((c) => `${LOINC}|${c}`).join(',');
    const timings: number[] = [];
    for (const patient of h.fhir.patients().filter((_, i) => i % 4 === 0)) {
      for (const path of [
        `Patient/${patient.id}`,
        `Observation?patient=${patient.id}&code=${codes}&date=ge2015-01-01&_sort=-date&_count=100`,
        `Observation?patient=${patient.id}&category=laboratory&date=ge2019-01-01`,
        `MedicationRequest?patient=${patient.id}&intent=order,plan&status=active,on-hold,stopped,completed&_include=MedicationRequest:medication`,
        `Condition?patient=${patient.id}&category=problem-list-item&clinical-status=active,recurrence,relapse`,
        `Condition?patient=${patient.id}`,
        `Procedure?patient=${patient.id}&code=http://snomed.info/sct|302497006,http://snomed.info/sct|265764009`,
      ]) {
        const started = performance.now();
        const { status } = await h.get(path);
        timings.push(performance.now() - started);
        expect(status).toBe(200);
      }
    }
    timings.sort((a, b) => a - b);
    const median = timings[Math.floor(timings.length / 2)] as number;
    console.info(`Synthea search median: ${median.toFixed(1)} ms over ${timings.length} requests`);
    expect(median).toBeLessThan(50);
  });
});
