/**
 * load-scenarios: reads a directory of scenario bundles, skips what is not one, shifts every date by
 * (today − anchor) days; writeShiftedScenarios gives the sandbox FHIR server's loader files it loads
 * without a warning.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFhirServer } from '../../../sandbox/fhir/server.js';
import { loadScenarios, SCENARIO_ANCHOR_DATE, scenarioShiftDays, writeShiftedScenarios } from '../../../sandbox/patients/load-scenarios.js';
import { evaluateBundleJson } from '../../../src/evaluation/evaluate-bundle.js';
import { scenarioFiles } from './scenario-files.js';

const temps: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
  temps.push(dir);
  return dir;
};
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

const bundle = (patientId: string, extra: object[] = []) => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    { resource: { resourceType: 'Patient', id: patientId, birthDate: '1990-06-15', extension: [{ url: 'http://example.org/fhir/StructureDefinition/sandbox-patient-description', valueString: `Patient ${patientId}` }] } },
    ...extra.map((resource) => ({ resource })),
  ],
});

describe('scenarioShiftDays', () => {
  it('counts days from the anchor to today, negative before it', () => {
    expect(scenarioShiftDays(SCENARIO_ANCHOR_DATE)).toBe(0);
    expect(scenarioShiftDays('2026-12-01')).toBe(10);
    expect(scenarioShiftDays('2027-11-21')).toBe(365);
    expect(scenarioShiftDays('2026-11-01')).toBe(-20);
  });

  it('reads a Date as its local calendar day', () => {
    expect(scenarioShiftDays(new Date(2026, 10, 21, 23, 59))).toBe(0);
    expect(scenarioShiftDays(new Date(2026, 10, 22, 0, 1))).toBe(1);
  });

  it('refuses a day it cannot read', () => {
    expect(() => scenarioShiftDays('21/11/2026')).toThrow(RangeError);
    expect(() => scenarioShiftDays('2026-02-30')).toThrow(RangeError);
    expect(() => scenarioShiftDays('2026-11')).toThrow(RangeError);
    expect(() => scenarioShiftDays(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('loadScenarios on a directory with other files in it', () => {
  const dir = tempDir();
  const obs = { resourceType: 'Observation', id: 'a-k', status: 'final', code: { text: 'K' }, effectiveDateTime: '2026-11-12T09:05:00-05:00' };
  writeFileSync(join(dir, 'b-second.json'), JSON.stringify(bundle('b')));
  writeFileSync(join(dir, 'a-first.json'), JSON.stringify(bundle('a', [obs])));
  writeFileSync(join(dir, 'expected.json'), JSON.stringify({ a: { asOf: SCENARIO_ANCHOR_DATE, flagged: [], notFlagged: [], insufficient: [] } }));
  writeFileSync(join(dir, 'faults.json'), JSON.stringify({ a: [{ resourceType: 'Observation', effect: { type: 'error', status: 500 } }] }));
  writeFileSync(join(dir, 'patient-alone.json'), JSON.stringify({ resourceType: 'Patient', id: 'c' }));
  writeFileSync(join(dir, 'two-patients.json'), JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: { resourceType: 'Patient', id: 'd' } }, { resource: { resourceType: 'Patient', id: 'e' } }] }));
  writeFileSync(join(dir, 'broken.json'), '{ "resourceType": "Bundle", ');
  writeFileSync(join(dir, 'notes.txt'), 'not JSON, not even named .json');

  const run = async (today: string) => {
    const skipped: [string, string][] = [];
    const scenarios = await loadScenarios({ dir, today, onSkip: (file, reason) => skipped.push([file, reason]) });
    return { scenarios, skipped };
  };

  it('returns the bundles in file-name order with their patient and description', async () => {
    const { scenarios } = await run(SCENARIO_ANCHOR_DATE);
    expect(scenarios.map((s) => [s.file, s.patientId, s.description])).toEqual([
      ['a-first.json', 'a', 'Patient a'],
      ['b-second.json', 'b', 'Patient b'],
    ]);
  });

  it('skips expected.json and faults.json silently, and reports every other file that is not a scenario bundle', async () => {
    const { skipped } = await run(SCENARIO_ANCHOR_DATE);
    expect(skipped.map(([file]) => file)).toEqual(['broken.json', 'patient-alone.json', 'two-patients.json']);
    expect(skipped[0]![1]).toMatch(/not readable JSON/);
    expect(skipped[1]![1]).toMatch(/not a Bundle/);
    expect(skipped[2]![1]).toMatch(/2 Patient/);
  });

  it('shifts every date by today − anchor days, and not at all on the anchor day', async () => {
    const atAnchor = (await run(SCENARIO_ANCHOR_DATE)).scenarios[0]!;
    expect(atAnchor.shiftedByDays).toBe(0);
    expect(atAnchor.bundle).toEqual(bundle('a', [obs]));

    const later = (await run('2027-01-01')).scenarios[0]!;
    expect(later.shiftedByDays).toBe(41);
    const [patient, observation] = later.bundle.entry!.map((e) => e.resource as unknown as Record<string, unknown>);
    expect(patient!.birthDate).toBe('1990-07-26');
    expect(observation!.effectiveDateTime).toBe('2026-12-23T09:05:00-05:00');

    const earlier = (await run('2026-11-11')).scenarios[0]!;
    expect((earlier.bundle.entry![1]!.resource as unknown as Record<string, unknown>).effectiveDateTime).toBe('2026-11-02T09:05:00-05:00');
  });

  it('writes the shifted bundles as files for a file loader, skipping the same files', async () => {
    const target = join(tempDir(), 'nested', 'shifted');
    const paths = await writeShiftedScenarios(target, { dir, today: '2027-01-01' });
    expect(paths).toEqual([join(target, 'a-first.json'), join(target, 'b-second.json')]);
    const written = JSON.parse(readFileSync(paths[0]!, 'utf8')) as { entry: { resource: Record<string, unknown> }[] };
    expect(written.entry[1]!.resource.effectiveDateTime).toBe('2026-12-23T09:05:00-05:00');
  });
});

describe('loadScenarios on sandbox/patients', () => {
  it('returns every scenario bundle, unchanged on the anchor day, and skips nothing', async () => {
    const skipped: string[] = [];
    const scenarios = await loadScenarios({ today: SCENARIO_ANCHOR_DATE, onSkip: (file) => skipped.push(file) });
    expect(skipped).toEqual([]);
    expect(scenarios.map((s) => s.patientId)).toEqual(scenarioFiles.map((s) => s.name));
    for (const s of scenarios) expect(s.bundle).toEqual(scenarioFiles.find((f) => f.name === s.patientId)!.bundle);
  });

  it('on a later day, gives the same findings on that day as the files give on the anchor day', async () => {
    const today = '2028-03-02';
    for (const s of await loadScenarios({ today })) {
      const original = scenarioFiles.find((f) => f.name === s.patientId)!.bundle;
      const outcomes = (b: unknown, asOf: string) => evaluateBundleJson(b, asOf).findings.map((f) => `${f.ruleId}:${f.outcome}`);
      expect(outcomes(s.bundle, today), s.patientId).toEqual(outcomes(original, SCENARIO_ANCHOR_DATE));
    }
  });

  it('gives the sandbox FHIR server files it loads without a warning, each patient with its description', async () => {
    const paths = await writeShiftedScenarios(tempDir(), { today: '2027-05-17' });
    const fhir = createFhirServer({ baseUrl: 'http://127.0.0.1:9/fhir' });
    const report = await fhir.load(...paths);
    expect(report.warnings).toEqual([]);
    expect(report.bundles).toBe(scenarioFiles.length);
    const listed = fhir.patients();
    expect(listed.map((p) => p.id).sort()).toEqual(scenarioFiles.map((s) => s.name));
    expect(listed.filter((p) => !p.description)).toEqual([]);
  });
});
