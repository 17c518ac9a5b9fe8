import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, finding, run, runWithSources, triggers } from '../../support/evaluate.js';
import { activeConditionCases } from './condition-rule-cases.js';

const RULE = 'cond-chronic-kidney-disease';
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1949-12-02' });

describe(RULE, () => {
  activeConditionCases(RULE, {
    icd10: { code: 'N18.4', display: 'Chronic kidney disease, stage 4 (severe)' },
    snomed: { code: '709044004', display: 'Chronic kidney disease' },
    text: 'Chronic kidney disease stage 3',
    lookAlikes: [
      { icd10: 'N17.9', display: 'Acute kidney failure, unspecified' },
      { text: 'Acute kidney injury' },
      { icd10: 'N28.9', display: 'Disorder of kidney and ureter, unspecified' },
    ],
    flagsOnPartialRead: false,
  });

  it('is insufficient-data when CKD is seen but the Condition list was only partly read: dialysis cannot be ruled out', () => {
    const f = finding(runWithSources(patient().condition({ id: 'k', icd10: 'N18.4' }), { Condition: { state: 'truncated' } }), RULE);
    expect(f.outcome).toBe('insufficient-data');
    expect(f.missing).toEqual(['conditions only partly read (truncated), so dialysis or end-stage kidney disease cannot be ruled out']);
    expect(f.evidence).toContainEqual(expect.objectContaining({ id: 'k', role: 'supporting' }));
  });

  it('flags CKD stage 3b (N18.32), grade B/C, with nephrology at G4–G5 and no supplements', () => {
    const f = expectOutcome(patient().condition({ id: 'k', icd10: 'N18.32', display: 'Chronic kidney disease, stage 3b', onset: '2021-09-14' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'k', code: 'N18.32', value: 'active', date: '2021-09-14' })]);
    expect(f.summary).toBe('Chronic kidney disease on record (Chronic kidney disease, stage 3b), not on dialysis: a possible contributor');
    expect(f.grade).toBe('B/C');
    expect(f.citations.map((c) => c.key)).toEqual(['S28', 'S33']);
    expect(f.nextStep).toContain('nephrology at stage G4–G5');
    expect(f.nextStep).toContain('No potassium, magnesium or salt supplements');
    expect(f.handoutSections).toEqual(['kidney']);
  });

  it('matches N18.1, N18.2, N18.30, N18.5, N18.9 and the Synthea SNOMED stage code 431855005', () => {
    for (const icd10 of ['N18.1', 'N18.2', 'N18.30', 'N18.5', 'N18.9']) expectOutcome(patient().condition({ icd10 }), RULE, 'flagged');
    expectOutcome(patient().condition({ snomed: '431855005', display: 'Chronic kidney disease stage 1 (disorder)' }), RULE, 'flagged');
  });

  it('leaves N18.6 (end-stage renal disease) to cond-dialysis', () => {
    const report = run(patient().condition({ id: 'esrd', icd10: 'N18.6', display: 'End stage renal disease' }));
    expect(finding(report, RULE).outcome).toBe('not-flagged');
    expect(finding(report, 'cond-dialysis').outcome).toBe('flagged');
  });

  it('is not-flagged when cond-dialysis fires (CKD stage 5 plus Z99.2), showing the dialysis record as context', () => {
    const b = patient()
      .condition({ id: 'ckd', icd10: 'N18.5', display: 'Chronic kidney disease, stage 5' })
      .condition({ id: 'hd', icd10: 'Z99.2', display: 'Dependence on renal dialysis' });
    const report = run(b);
    const f = finding(report, RULE);
    expect(f.outcome).toBe('not-flagged');
    expect(f.evidence).toContainEqual(expect.objectContaining({ id: 'hd', role: 'supporting', code: 'Z99.2' }));
    expect(finding(report, 'cond-dialysis').outcome).toBe('flagged');
  });

  it('is not-flagged for SNOMED "CKD stage 5 on dialysis", which belongs to cond-dialysis', () => {
    expectOutcome(patient().condition({ snomed: '714152005', display: 'Chronic kidney disease stage 5 on dialysis' }), RULE, 'not-flagged');
  });

  it('flags CKD again once the dialysis record is resolved (e.g. after a transplant)', () => {
    const b = patient()
      .condition({ id: 'ckd', icd10: 'N18.4' })
      .condition({ id: 'hd', icd10: 'Z99.2', clinicalStatus: 'resolved', abatement: '2025-03-01' });
    const f = expectOutcome(b, RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'ckd' })]);
  });

  it('is not fired by an eGFR of 38 (that is lab-reduced-kidney-function, not a coded condition)', () => {
    const b = patient()
      .lab({ loinc: '62238-1', value: 38, unit: 'mL/min/{1.73_m2}', date: '2026-10-01' })
      .lab({ loinc: '62238-1', value: 41, unit: 'mL/min/{1.73_m2}', date: '2026-05-01' });
    expect(expectOutcome(b, RULE, 'not-flagged').evidence).toEqual([]);
  });
});
