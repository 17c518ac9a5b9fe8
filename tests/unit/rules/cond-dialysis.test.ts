import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeConditionCases } from './condition-rule-cases.js';

const RULE = 'cond-dialysis';
const patient = () => new BundleBuilder({ gender: 'male', birthDate: '1958-01-09' });

describe(RULE, () => {
  activeConditionCases(RULE, {
    icd10: { code: 'Z99.2', display: 'Dependence on renal dialysis' },
    snomed: { code: '46177005', display: 'End-stage renal disease' },
    text: 'Hemodialysis three times weekly',
    lookAlikes: [
      { icd10: 'N18.4', display: 'Chronic kidney disease, stage 4 (severe)' },
      { text: 'Chronic kidney disease stage 5, not on dialysis' },
      { icd10: 'N17.9', display: 'Acute kidney failure, unspecified' },
    ],
  });

  it('flags end-stage renal disease N18.6, grade A/B, naming the dialysis team, intradialytic hypotension and the fluid limit', () => {
    const f = expectOutcome(patient().condition({ id: 'e', icd10: 'N18.6', display: 'End stage renal disease', onset: '2022-05-05' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'e', code: 'N18.6', value: 'active', date: '2022-05-05' })]);
    expect(f.summary).toBe('On dialysis or end-stage kidney disease (End stage renal disease): cramps are very common; dialysis team');
    expect(f.grade).toBe('A/B');
    expect(f.citations.map((c) => c.key)).toEqual(['S11', 'S23', 'S3']);
    expect(f.nextStep).toMatch(/^Dialysis team or nephrologist/);
    expect(f.nextStep).toContain('same day if cramps come with intradialytic hypotension');
    expect(f.nextStep).toContain('Keep to the fluid limit');
    expect(f.handoutSections).toEqual(['dialysis']);
  });

  it('matches SNOMED "Chronic kidney disease stage 5 on dialysis" (714152005) and a text-only peritoneal dialysis record', () => {
    expectOutcome(patient().condition({ snomed: '714152005', display: 'Chronic kidney disease stage 5 on dialysis' }), RULE, 'flagged');
    expectOutcome(patient().condition({ text: 'ESRD on peritoneal dialysis' }), RULE, 'flagged');
  });

  it('is not fired by a very low eGFR alone (lab findings never fire condition rules)', () => {
    const f = expectOutcome(patient().lab({ loinc: '62238-1', value: 8, unit: 'mL/min/{1.73_m2}', date: '2026-10-20' }), RULE, 'not-flagged');
    expect(f.evidence).toEqual([]);
  });
});
