import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeConditionCases } from './condition-rule-cases.js';

const RULE = 'cond-parathyroid-disease';
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1958-09-09' });

describe(RULE, () => {
  activeConditionCases(RULE, {
    icd10: { code: 'E21.0', display: 'Primary hyperparathyroidism' },
    snomed: { code: '66999008', display: 'Hyperparathyroidism' },
    text: 'Primary hyperparathyroidism',
    lookAlikes: [
      { icd10: 'E83.52', display: 'Hypercalcemia' },
      { text: 'Hypercalcemia' },
      { icd10: 'E89.0', display: 'Postprocedural hypothyroidism' },
      { icd10: 'E55.9', display: 'Vitamin D deficiency, unspecified' },
    ],
  });

  it('flags hypoparathyroidism E20.9, grade C, with endocrinology and calcium, PTH and vitamin D', () => {
    const f = expectOutcome(patient().condition({ id: 'p', icd10: 'E20.9', display: 'Hypoparathyroidism, unspecified', onset: '2024-08-08' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'p', code: 'E20.9', value: 'active', date: '2024-08-08' })]);
    expect(f.summary).toBe('Parathyroid disorder on record (Hypoparathyroidism, unspecified): check calcium, PTH and vitamin D');
    expect(f.grade).toBe('C');
    expect(f.citations.map((c) => c.key)).toEqual(['S14', 'S7']);
    expect(f.nextStep).toMatch(/^Endocrinology\. Check calcium .*PTH, 25-OH vitamin D/);
    expect(f.handoutSections).toEqual(['parathyroid']);
  });

  it('never says hyperparathyroidism causes low calcium (KB section 8), and says which way each one goes', () => {
    const f = expectOutcome(patient().condition({ icd10: 'E21.0' }), RULE, 'flagged');
    const text = `${f.summary} ${f.detail} ${f.nextStep}`;
    expect(text).not.toMatch(/hyperparathyroidism (causes|lowers|leads to) (low|hypo)/i);
    expect(f.detail).toContain('Hypoparathyroidism causes low calcium');
    expect(f.detail).toContain('Primary hyperparathyroidism raises calcium');
  });

  it('matches secondary hyperparathyroidism of renal origin N25.81, E21.3 and SNOMED 36976004 (hypoparathyroidism)', () => {
    expectOutcome(patient().condition({ icd10: 'N25.81', display: 'Secondary hyperparathyroidism of renal origin' }), RULE, 'flagged');
    expectOutcome(patient().condition({ icd10: 'E21.3', display: 'Hyperparathyroidism, unspecified' }), RULE, 'flagged');
    expectOutcome(patient().condition({ snomed: '36976004', display: 'Hypoparathyroidism' }), RULE, 'flagged');
  });
});

describe('cond-parathyroid-disease in kidney disease (rule catalogue, second round)', () => {
  const person = () => new BundleBuilder({ gender: 'male', birthDate: '1955-02-02' });

  it('sends secondary hyperparathyroidism of renal origin (N25.81) to the kidney team, on screen and in the handout', () => {
    const f = expectOutcome(person().condition({ icd10: 'N25.81', display: 'Secondary hyperparathyroidism of renal origin', onset: '2020-01-01' }), 'cond-parathyroid-disease', 'flagged');
    expect(f.nextStep).toMatch(/^Kidney team \(nephrology\)/);
    expect(f.handoutSections).toEqual(['parathyroid-kidney']);
  });

  it('sends a parathyroid disorder beside dialysis to the kidney team, with the dialysis shown beside it; without kidney disease, endocrinology', () => {
    const f = expectOutcome(person().condition({ icd10: 'E21.1', display: 'Secondary hyperparathyroidism, not elsewhere classified', onset: '2020-01-01' }).condition({ id: 'dial', icd10: 'Z99.2', display: 'Dependence on renal dialysis', onset: '2019-01-01' }), 'cond-parathyroid-disease', 'flagged');
    expect(f.nextStep).toMatch(/^Kidney team/);
    expect(f.evidence).toContainEqual(expect.objectContaining({ id: 'dial', role: 'supporting' }));
    const g = expectOutcome(person().condition({ icd10: 'E21.0', display: 'Primary hyperparathyroidism', onset: '2020-01-01' }), 'cond-parathyroid-disease', 'flagged');
    expect(g.nextStep).toMatch(/^Endocrinology/);
    expect(g.handoutSections).toEqual(['parathyroid']);
  });
});
