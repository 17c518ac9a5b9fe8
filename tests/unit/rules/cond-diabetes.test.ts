import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeConditionCases } from './condition-rule-cases.js';

const RULE = 'cond-diabetes';
const patient = () => new BundleBuilder({ gender: 'male', birthDate: '1955-11-30' });

describe(RULE, () => {
  activeConditionCases(RULE, {
    icd10: { code: 'E11.9', display: 'Type 2 diabetes mellitus without complications' },
    snomed: { code: '44054006', display: 'Diabetes' },
    text: 'Type 2 diabetes mellitus',
    lookAlikes: [
      { snomed: '15777000', display: 'Prediabetes' },
      { icd10: 'R73.03', display: 'Prediabetes' },
      { text: 'Prediabetes' },
      { icd10: 'E23.2', display: 'Diabetes insipidus' },
      { snomed: '15771004', display: 'Diabetes insipidus' },
      { text: 'Nephrogenic diabetes insipidus' },
      { icd10: 'O24.419', display: 'Gestational diabetes mellitus in pregnancy, unspecified control' },
      { snomed: '80394007', display: 'Hyperglycemia (disorder)' },
    ],
  });

  it('flags type 1 diabetes E10.9, grade B, with a foot and neuropathy check and a night-hypoglycaemia question', () => {
    const f = expectOutcome(patient().condition({ id: 'd', icd10: 'E10.9', display: 'Type 1 diabetes mellitus without complications', onset: '1990-01-01' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'd', code: 'E10.9', value: 'active', date: '1990-01-01' })]);
    expect(f.summary).toBe('Diabetes on record (Type 1 diabetes mellitus without complications): linked to cramps via neuropathy; check feet and night hypos');
    expect(f.grade).toBe('B');
    expect(f.citations.map((c) => c.key)).toEqual(['S20', 'S28', 'S19', 'S23']);
    expect(f.nextStep).toContain('neuropathy and foot examination');
    expect(f.nextStep).toContain('insulin or a sulfonylurea');
    expect(f.handoutSections).toEqual(['diabetes']);
  });

  it('matches SNOMED 46635009 (type 1), 73211009 (diabetes mellitus) and E11.65', () => {
    expectOutcome(patient().condition({ snomed: '46635009', display: 'Diabetes mellitus type 1' }), RULE, 'flagged');
    expectOutcome(patient().condition({ snomed: '73211009', display: 'Diabetes mellitus' }), RULE, 'flagged');
    expectOutcome(patient().condition({ icd10: 'E11.65', display: 'Type 2 diabetes mellitus with hyperglycemia' }), RULE, 'flagged');
  });

  it('is not fired by an HbA1c of 8.1% without a diabetes Condition (that is lab-hyperglycemia)', () => {
    const f = expectOutcome(patient().lab({ loinc: '4548-4', value: 8.1, unit: '%', date: '2026-10-12' }), RULE, 'not-flagged');
    expect(f.evidence).toEqual([]);
  });
});
