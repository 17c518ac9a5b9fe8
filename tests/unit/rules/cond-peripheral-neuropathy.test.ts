import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeConditionCases } from './condition-rule-cases.js';

const RULE = 'cond-peripheral-neuropathy';
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1951-02-27' });

describe(RULE, () => {
  activeConditionCases(RULE, {
    icd10: { code: 'G62.9', display: 'Polyneuropathy, unspecified' },
    snomed: { code: '302226006', display: 'Peripheral nerve disease' },
    text: 'Peripheral neuropathy',
    lookAlikes: [
      { icd10: 'H47.019', display: 'Ischemic optic neuropathy, unspecified eye' },
      { text: 'Optic neuropathy' },
      { text: 'Ulnar neuropathy' },
      { icd10: 'G56.00', display: 'Carpal tunnel syndrome, unspecified upper limb' },
      { icd10: 'E11.43', display: 'Type 2 diabetes mellitus with diabetic autonomic (poly)neuropathy' },
    ],
  });

  it('flags diabetic polyneuropathy E11.42, grade B, with neurology (EMG/NCS)', () => {
    const f = expectOutcome(patient().condition({ id: 'n', icd10: 'E11.42', display: 'Type 2 diabetes mellitus with diabetic polyneuropathy', onset: '2018-03-03' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'n', code: 'E11.42', value: 'active', date: '2018-03-03' })]);
    expect(f.summary).toBe('Peripheral neuropathy on record (Type 2 diabetes mellitus with diabetic polyneuropathy): nerve damage is linked to cramps');
    expect(f.grade).toBe('B');
    expect(f.citations.map((c) => c.key)).toEqual(['S35', 'S1']);
    expect(f.nextStep).toMatch(/^Neurology: EMG and nerve conduction studies/);
    expect(f.handoutSections).toEqual(['neuropathy']);
  });

  it('matches G62.0, E11.40 and the Synthea code "Neuropathy due to type 2 diabetes mellitus" (368581000119106)', () => {
    expectOutcome(patient().condition({ icd10: 'G62.0', display: 'Drug-induced polyneuropathy' }), RULE, 'flagged');
    expectOutcome(patient().condition({ icd10: 'E11.40' }), RULE, 'flagged');
    expectOutcome(patient().condition({ snomed: '368581000119106', display: 'Neuropathy due to type 2 diabetes mellitus (disorder)' }), RULE, 'flagged');
  });
});
