import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeConditionCases } from './condition-rule-cases.js';

const RULE = 'cond-coded-electrolyte-disorder';
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1948-07-17' });

describe(RULE, () => {
  activeConditionCases(RULE, {
    icd10: { code: 'E83.42', display: 'Hypomagnesemia' },
    snomed: { code: '43339004', display: 'Hypokalemia' },
    text: 'Hyponatraemia',
    lookAlikes: [
      { icd10: 'E87.5', display: 'Hyperkalemia' },
      { icd10: 'E83.52', display: 'Hypercalcemia' },
      { icd10: 'E87.0', display: 'Hyperosmolality and hypernatremia' },
      { text: 'Hyperkalaemia' },
      { icd10: 'E55.0', display: 'Rickets, active' },
      { snomed: '80394007', display: 'Hyperglycemia (disorder)' },
    ],
  });

  it('flags coded hypocalcaemia E83.51, grade B/C, naming the disorder and asking for a current result', () => {
    const f = expectOutcome(patient().condition({ id: 'ca', icd10: 'E83.51', display: 'Hypocalcemia', onset: '2026-10-30' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'ca', code: 'E83.51', value: 'active', date: '2026-10-30' })]);
    expect(f.summary).toBe('Electrolyte or metabolic disorder on record (Hypocalcemia): confirm with a current result');
    expect(f.grade).toBe('B/C');
    expect(f.citations.map((c) => c.key)).toEqual(['S12', 'S13', 'S14', 'S23', 'S15', 'S31', 'S16']);
    expect(f.nextStep).toContain('replace only a measured deficiency');
    expect(f.handoutSections).toEqual(['medicines']);
  });

  it('matches every ICD-10-CM code of row C23: E87.6, E87.1, E55.9, E16.2', () => {
    for (const icd10 of ['E87.6', 'E87.1', 'E55.9', 'E16.2']) {
      expect(triggers(expectOutcome(patient().condition({ icd10 }), RULE, 'flagged'))[0]!.code).toBe(icd10);
    }
  });

  it('matches every SNOMED code of row C23: 190855004, 5291005, 89627008, 34713006, 302866003', () => {
    for (const snomed of ['190855004', '5291005', '89627008', '34713006', '302866003']) {
      expect(triggers(expectOutcome(patient().condition({ snomed }), RULE, 'flagged'))[0]!.code).toBe(snomed);
    }
  });

  it('lists every coded disorder as evidence when there are several', () => {
    const b = patient().condition({ id: 'mg', icd10: 'E83.42' }).condition({ id: 'k', icd10: 'E87.6' });
    expect(triggers(expectOutcome(b, RULE, 'flagged')).map((e) => e.id)).toEqual(['mg', 'k']);
  });

  it('is not fired by a low potassium result without a coded disorder (that is lab-low-potassium)', () => {
    expect(expectOutcome(patient().lab({ loinc: '2823-3', value: 2.9, unit: 'mmol/L', date: '2026-11-15' }), RULE, 'not-flagged').evidence).toEqual([]);
  });
});
