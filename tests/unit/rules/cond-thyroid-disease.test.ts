import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeConditionCases } from './condition-rule-cases.js';

const RULE = 'cond-thyroid-disease';
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1970-04-04' });

describe(RULE, () => {
  activeConditionCases(RULE, {
    icd10: { code: 'E03.9', display: 'Hypothyroidism, unspecified' },
    snomed: { code: '40930008', display: 'Hypothyroidism' },
    text: 'Hypothyroidism',
    lookAlikes: [
      { icd10: 'E04.1', display: 'Nontoxic single thyroid nodule' },
      { text: 'Thyroid nodule' },
      { icd10: 'C73', display: 'Malignant neoplasm of thyroid gland' },
      { icd10: 'E21.0', display: 'Primary hyperparathyroidism' },
    ],
  });

  it('flags hyperthyroidism E05.90, grade B/C, with endocrinology and a current TSH', () => {
    const f = expectOutcome(patient().condition({ id: 'h', icd10: 'E05.90', display: 'Thyrotoxicosis, unspecified without thyrotoxic crisis or storm', onset: '2026-02-01' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'h', code: 'E05.90', value: 'active', date: '2026-02-01' })]);
    expect(f.summary).toBe('Thyroid disease on record (Thyrotoxicosis, unspecified without thyrotoxic crisis or storm): can cause cramps; check it is controlled');
    expect(f.grade).toBe('B/C');
    expect(f.citations.map((c) => c.key)).toEqual(['S7', 'S28']);
    expect(f.nextStep).toContain('endocrinology: confirm control with a current TSH');
    expect(f.handoutSections).toEqual(['thyroid']);
  });

  it('matches SNOMED 34486009 (hyperthyroidism) and the Synthea code 83664006', () => {
    expectOutcome(patient().condition({ snomed: '34486009', display: 'Hyperthyroidism' }), RULE, 'flagged');
    expectOutcome(patient().condition({ snomed: '83664006', display: 'Idiopathic atrophic hypothyroidism' }), RULE, 'flagged');
  });

  it('is not fired by a raised TSH alone (lab-thyroid-dysfunction)', () => {
    expect(expectOutcome(patient().lab({ loinc: '3016-3', value: 9.8, unit: 'm[IU]/L', date: '2026-09-01', high: 4.5 }), RULE, 'not-flagged').evidence).toEqual([]);
  });
});
