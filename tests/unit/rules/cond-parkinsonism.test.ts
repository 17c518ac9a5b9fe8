import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeConditionCases } from './condition-rule-cases.js';

const RULE = 'cond-parkinsonism';
const patient = () => new BundleBuilder({ gender: 'male', birthDate: '1944-06-06' });

describe(RULE, () => {
  activeConditionCases(RULE, {
    icd10: { code: 'G20.A1', display: "Parkinson's disease without dyskinesia, without mention of fluctuations" },
    snomed: { code: '49049000', display: "Parkinson's disease" },
    text: "Parkinson's disease",
    lookAlikes: [
      { icd10: 'G25.81', display: 'Restless legs syndrome' },
      { icd10: 'G25.0', display: 'Essential tremor' },
      { text: 'Essential tremor' },
      { text: 'Restless legs syndrome' },
    ],
  });

  it('flags legacy G20, grade B/C, naming early-morning "off" dystonia as the mimic', () => {
    const f = expectOutcome(patient().condition({ id: 'pd', icd10: 'G20', display: "Parkinson's disease", onset: '2017-01-01' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'pd', code: 'G20', value: 'active', date: '2017-01-01' })]);
    expect(f.summary).toBe(`Parkinson's or parkinsonism on record (Parkinson's disease): consider early-morning "off" dystonia`);
    expect(f.grade).toBe('B/C');
    expect(f.citations.map((c) => c.key)).toEqual(['S28', 'S19', 'S32', 'S7']);
    expect(f.nextStep).toContain('early-morning "off" dystonia');
    expect(f.handoutSections).toEqual(['parkinsons']);
  });

  it('matches every FY2024 code G20.A2, G20.B1, G20.B2, G20.C and secondary parkinsonism G21.11', () => {
    for (const icd10 of ['G20.A2', 'G20.B1', 'G20.B2', 'G20.C', 'G21.11']) {
      expect(triggers(expectOutcome(patient().condition({ icd10 }), RULE, 'flagged'))[0]!.code).toBe(icd10);
    }
  });
});
