/**
 * The scenario patients (sandbox/patients) as data: every file is a valid FHIR R4 Bundle for one
 * described Patient, ids are stable and unique across files, the evaluator reads every resource
 * (nothing dropped, except what the hostile-strings scenario drops on purpose), everything is dated
 * as of the anchor day, and expected.json and faults.json name exactly these patients.
 */
import { validateResource } from '@medplum/core';
import type { Observation, Resource } from 'fhir/r4';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE_IDS } from '../../../rules/catalogue.js';
import { parseFaultsFile } from '../../../sandbox/faults/index.js';
import { ensureFhirDefinitions } from '../../../sandbox/fhir/fhir-definitions.js';
import { DESCRIPTION_EXTENSION } from '../../../sandbox/patients/load-scenarios.js';
import { DATE_ELEMENT_NAMES } from '../../../sandbox/patients/shift-dates.js';
import { evaluateBundleJson } from '../../../src/evaluation/evaluate-bundle.js';
import { expected, faults, HOSTILE_SCENARIO, SCENARIO_ANCHOR_DATE, scenarioFiles } from './scenario-files.js';

const RULE_ID = /\b(med|lab|cond|redflag|safety|gap)-[a-z]/;

/** Every date-element value of a resource, with its element name. */
function dates(node: unknown, name?: string, out: { name: string; value: string }[] = []): { name: string; value: string }[] {
  if (typeof node === 'string' && name && DATE_ELEMENT_NAMES.has(name)) out.push({ name, value: node });
  else if (Array.isArray(node)) for (const item of node) dates(item, name, out);
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) dates(v, k, out);
  return out;
}

/** An estimated date of delivery is the one date that lies after the day a record was written. */
const isEddValue = (resource: Resource, name: string) =>
  name === 'valueDateTime' && resource.resourceType === 'Observation' && (resource as Observation).code.coding?.some((c) => ['11778-8', '11779-6', '11780-4'].includes(c.code ?? '')) === true;

it('there are scenario patients, one file each', () => {
  expect(scenarioFiles.length).toBeGreaterThanOrEqual(20);
});

describe.each(scenarioFiles.map((s) => [s.name, s] as const))('%s', (name, { bundle, patient }) => {
  it('is a transaction or collection Bundle of one Patient whose id is the file name', () => {
    expect(bundle.resourceType).toBe('Bundle');
    expect(['transaction', 'collection']).toContain(bundle.type);
    expect(bundle.entry?.filter((e) => e.resource?.resourceType === 'Patient')).toHaveLength(1);
    expect(patient?.id).toBe(name);
  });

  it('has a one-line description in plain clinical words, without rule ids', () => {
    const description = patient?.extension?.find((e) => e.url === DESCRIPTION_EXTENSION)?.valueString ?? '';
    expect(description.length).toBeGreaterThan(10);
    expect(description.length).toBeLessThanOrEqual(180);
    expect(description).not.toMatch(/[\r\n]/);
    expect(description).not.toMatch(RULE_ID);
  });

  it('has a name, a gender and a birth date', () => {
    expect(patient?.name?.[0]?.family).toBeTruthy();
    expect(patient?.name?.[0]?.given?.length).toBeGreaterThan(0);
    expect(['male', 'female']).toContain(patient?.gender);
    expect(patient?.birthDate).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
  });

  it('prefixes every resource id with the patient id and gives each entry a urn:uuid fullUrl', () => {
    for (const entry of bundle.entry ?? []) {
      expect(entry.resource?.id?.startsWith(name), `${entry.resource?.resourceType}/${entry.resource?.id}`).toBe(true);
      expect(entry.resource?.id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
      expect(entry.fullUrl).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      if (bundle.type === 'transaction') expect(entry.request).toEqual({ method: 'POST', url: entry.resource?.resourceType });
      else expect(entry.request).toBeUndefined();
    }
  });

  it('is dated as of the anchor day: nothing after it except an estimated delivery date', () => {
    for (const resource of (bundle.entry ?? []).map((e) => e.resource!)) {
      for (const d of dates(resource)) {
        if (isEddValue(resource, d.name)) continue;
        expect(d.value.slice(0, 10) <= SCENARIO_ANCHOR_DATE, `${resource.resourceType}/${resource.id} ${d.name} ${d.value}`).toBe(true);
      }
    }
  });

  it('is read by the evaluator without dropping anything (the hostile and old-records scenarios drop one item each on purpose)', () => {
    const report = evaluateBundleJson(bundle, SCENARIO_ANCHOR_DATE);
    expect(report.patient.id).toBe(name);
    if (name === HOSTILE_SCENARIO) {
      expect(report.dataStatus.dropped).toEqual({ 'MedicationStatement: medicationReference not resolved (kept by its display text only)': 1 });
    } else if (name === 'old-records-woman') {
      expect(Object.values(report.dataStatus.dropped)).toEqual([1]);
      expect(Object.keys(report.dataStatus.dropped)[0]).toMatch(/unit/);
    } else {
      expect(report.dataStatus.dropped).toEqual({});
    }
  });
});

describe('FHIR R4 structure (Medplum validator, as the sandbox server validates writes)', () => {
  beforeAll(() => ensureFhirDefinitions());

  it.each(scenarioFiles.map((s) => [s.name, s.bundle] as const))('%s: the bundle and every resource in it are valid', (_name, bundle) => {
    expect(() => validateResource(bundle as Parameters<typeof validateResource>[0])).not.toThrow();
    for (const entry of bundle.entry ?? []) {
      expect(() => validateResource(entry.resource as Parameters<typeof validateResource>[0]), `${entry.resource?.resourceType}/${entry.resource?.id}`).not.toThrow();
    }
  });
});

describe('across files', () => {
  it('every resource id is unique across all scenario files', () => {
    const seen = new Map<string, string>();
    for (const { name, bundle } of scenarioFiles) {
      for (const entry of bundle.entry ?? []) {
        const id = entry.resource!.id!;
        expect(seen.get(id), `${id} in ${name}`).toBeUndefined();
        seen.set(id, name);
      }
    }
  });

  it('every fullUrl is unique across all scenario files', () => {
    const urls = scenarioFiles.flatMap((s) => (s.bundle.entry ?? []).map((e) => e.fullUrl));
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('both bundle types are used', () => {
    expect(new Set(scenarioFiles.map((s) => s.bundle.type))).toEqual(new Set(['transaction', 'collection']));
  });

  it('expected.json has an entry for every scenario and none for anything else', () => {
    expect(Object.keys(expected).sort()).toEqual(scenarioFiles.map((s) => s.name));
  });

  it('expected.json names only catalogue rules, each at most once per scenario, as of the anchor day', () => {
    const known = new Set<string>(CATALOGUE_IDS);
    for (const [name, e] of Object.entries(expected)) {
      expect(e.asOf, name).toBe(SCENARIO_ANCHOR_DATE);
      const all = [...e.flagged, ...e.notFlagged, ...e.insufficient];
      expect(all.filter((id) => !known.has(id)), name).toEqual([]);
      expect(new Set(all).size, `${name} lists a rule twice`).toBe(all.length);
    }
  });

  it('faults.json holds valid fault rules for two or three scenario patients', () => {
    const names = new Set(scenarioFiles.map((s) => s.name));
    expect(Object.keys(faults).length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(faults).length).toBeLessThanOrEqual(3);
    for (const id of Object.keys(faults)) expect(names.has(id), id).toBe(true);
    const parsed = parseFaultsFile(faults);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rules.map((r) => r.patientId).sort()).toEqual(Object.keys(faults).sort());
  });

  it('each fault patient says in its description what fails', () => {
    for (const id of Object.keys(faults)) {
      const patient = scenarioFiles.find((s) => s.name === id)?.patient;
      const description = patient?.extension?.find((e) => e.url === DESCRIPTION_EXTENSION)?.valueString ?? '';
      expect(description, id).toMatch(/fail|not authorised|not authorized/);
    }
  });
});

