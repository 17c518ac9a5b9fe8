import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeConditionCases } from './condition-rule-cases.js';

const RULE = 'cond-motor-neuron-disease';
const patient = () => new BundleBuilder({ gender: 'male', birthDate: '1960-12-12' });

describe(RULE, () => {
  activeConditionCases(RULE, {
    icd10: { code: 'G12.21', display: 'Amyotrophic lateral sclerosis' },
    snomed: { code: '86044005', display: 'Amyotrophic lateral sclerosis' },
    text: 'Amyotrophic lateral sclerosis',
    lookAlikes: [
      { icd10: 'G12.9', display: 'Spinal muscular atrophy, unspecified' },
      { icd10: 'G35', display: 'Multiple sclerosis' },
      { text: 'Multiple sclerosis' },
      { text: 'Suspected motor neuron disease' },
      { icd10: 'G70.00', display: 'Myasthenia gravis without (acute) exacerbation' },
    ],
  });

  it('flags ALS as a condition rule (not a red flag), grade B, with prompt neurology for weakness, wasting, fasciculations or bulbar symptoms', () => {
    const f = expectOutcome(patient().condition({ id: 'a', icd10: 'G12.21', display: 'Amyotrophic lateral sclerosis', onset: '2026-03-15' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'a', code: 'G12.21', value: 'active', date: '2026-03-15' })]);
    expect(f.summary).toBe('Motor neuron disease on record (Amyotrophic lateral sclerosis): cramps are part of the disease; neurology');
    expect(f.redFlag).toBe(false);
    expect(f.grade).toBe('B');
    expect(f.citations.map((c) => c.key)).toEqual(['S36', 'S34', 'S7']);
    expect(f.nextStep).toMatch(/^Neurology promptly if there is weakness, wasting, fasciculations or bulbar symptoms/);
    expect(f.handoutSections).toEqual(['weakness-warning']);
  });

  it('matches other motor neuron disease codes (G12.20, G12.23 primary lateral sclerosis) and SNOMED 37340000', () => {
    expectOutcome(patient().condition({ icd10: 'G12.20', display: 'Motor neuron disease, unspecified' }), RULE, 'flagged');
    expectOutcome(patient().condition({ icd10: 'G12.23', display: 'Primary lateral sclerosis' }), RULE, 'flagged');
    expectOutcome(patient().condition({ snomed: '37340000', display: 'Motor neuron disease' }), RULE, 'flagged');
  });
});
