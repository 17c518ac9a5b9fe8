import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, finding, runWithSources, triggers } from '../../support/evaluate.js';

const RULE = 'lab-hypoglycemia';
/** A woman with type 2 diabetes: the ADA levels apply (rule catalogue, second round). */
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1958-03-03' }).condition({ id: 'dm', icd10: 'E11.9', display: 'Type 2 diabetes mellitus without complications', onset: '2015-01-01' });
/** The same woman without diabetes, treatment or HbA1c: only below 55 mg/dL counts (S41). */
const noDiabetes = () => new BundleBuilder({ gender: 'female', birthDate: '1958-03-03' });
const glu = (value: number, unit = 'mg/dL', loinc = unit === 'mg/dL' ? '2345-7' : '14749-6', extra: Record<string, unknown> = {}) =>
  patient().lab({ id: 'glu', loinc, value, unit, date: '2026-09-15', ...extra });

describe(RULE, () => {
  it('flags a glucose of 62 mg/dL in diabetes as ADA level 1 with the result as evidence and the diabetes beside it', () => {
    const f = expectOutcome(glu(62), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'glu', code: '2345-7', value: 62, unit: 'mg/dL', date: '2026-09-15', note: 'at or below 70 mg/dL; ADA level 1 hypoglycaemia' })]);
    expect(f.evidence).toContainEqual(expect.objectContaining({ id: 'dm', role: 'supporting' }));
    expect(f.summary).toBe('Low glucose, ADA level 1: 62 mg/dL on 2026-09-15');
  });

  it('names level 2 below 54 mg/dL (3.0 mmol/L) in the summary and detail', () => {
    const f = expectOutcome(glu(50), RULE, 'flagged');
    expect(f.summary).toBe('Low glucose, ADA level 2 (clinically significant): 50 mg/dL on 2026-09-15');
    expect(f.detail).toContain('Level 2 hypoglycaemia');
    expect(expectOutcome(glu(54), RULE, 'flagged').summary).toContain('level 1');
    expect(expectOutcome(glu(2.9, 'mmol/L'), RULE, 'flagged').summary).toContain('level 2');
    expect(expectOutcome(glu(3.0, 'mmol/L'), RULE, 'flagged').summary).toContain('level 1');
  });

  it("boundary is 'at or below': 70 mg/dL flags, 71 does not; 3.9 mmol/L flags (although 3.9 × 18.016 > 70), 4.0 does not", () => {
    expectOutcome(glu(70), RULE, 'flagged');
    expectOutcome(glu(71), RULE, 'not-flagged');
    expectOutcome(glu(3.9, 'mmol/L'), RULE, 'flagged');
    expectOutcome(glu(4.0, 'mmol/L'), RULE, 'not-flagged');
  });

  it('reads fasting glucose (1558-6) and whole-blood glucose (15074-8, 2339-0) too', () => {
    expectOutcome(glu(65, 'mg/dL', '1558-6'), RULE, 'flagged');
    expectOutcome(glu(3.5, 'mmol/L', '15074-8'), RULE, 'flagged');
    expectOutcome(glu(68, 'mg/dL', '2339-0'), RULE, 'flagged');
  });

  it('reads the most recent glucose, random or fasting: a newer normal fasting value wins over an older low random one', () => {
    const b = patient().lab({ loinc: '2345-7', value: 60, unit: 'mg/dL', date: '2026-08-01' }).lab({ id: 'f', loinc: '1558-6', value: 92, unit: 'mg/dL', date: '2026-10-01' });
    const f = expectOutcome(b, RULE, 'not-flagged');
    expect(f.summary).toBe('Glucose not low: 92 mg/dL on 2026-10-01');
  });

  it("does not use the lab's glucose range: the ADA threshold is fixed", () => {
    expectOutcome(glu(72, 'mg/dL', '2345-7', { low: 74, high: 106, interpretation: 'L' }), RULE, 'not-flagged');
    expectOutcome(glu(69, 'mg/dL', '2345-7', { low: 60, high: 99, interpretation: 'N' }), RULE, 'flagged');
  });

  it('refuses a comparator and a text value', () => {
    const lt = expectOutcome(glu(40, 'mg/dL', '2345-7', { comparator: '<' }), RULE, 'insufficient-data');
    expect(lt.missing).toEqual(['no usable glucose (random) result in the last 12 months; the result "<40 mg/dL" of 2026-09-15 cannot be used: it is a bound, not a value']);
    expectOutcome(patient().lab({ loinc: '2345-7', valueString: 'LOW', date: '2026-09-15' }), RULE, 'insufficient-data');
  });

  it('uses only results within 12 months: 2025-11-21 counts, 2025-11-20 is stale and named', () => {
    expectOutcome(patient().lab({ loinc: '2345-7', value: 60, unit: 'mg/dL', date: '2025-11-21' }), RULE, 'flagged');
    const stale = expectOutcome(patient().lab({ loinc: '2345-7', value: 60, unit: 'mg/dL', date: '2025-11-20' }), RULE, 'insufficient-data');
    expect(stale.missing).toEqual(['no usable glucose (random) result in the last 12 months; last one 2025-11-20 (60 mg/dL)']);
    expect(expectOutcome(patient(), RULE, 'insufficient-data').missing).toEqual(['no usable glucose (random or fasting) result in the last 12 months; none on record']);
  });

  it('ignores a newer result entered in error', () => {
    const b = patient().lab({ loinc: '2345-7', value: 101, unit: 'mg/dL', date: '2026-09-01' }).lab({ loinc: '2345-7', value: 40, unit: 'mg/dL', date: '2026-10-01', status: 'entered-in-error' });
    expectOutcome(b, RULE, 'not-flagged');
  });

  it('is insufficient-data when a glucose source failed and the value it has is normal', () => {
    const f = finding(runWithSources(glu(101), { 'Observation:glucose-fasting': { state: 'failed', reason: 'HTTP 503' } }), RULE);
    expect(f.outcome).toBe('insufficient-data');
    expect(f.missing).toEqual(['fasting glucose results could not be read (HTTP 503): a newer result may be missing']);
    expect(f.summary).toBe('Glucose could not be fully checked: some laboratory results could not be read');
    expect(finding(runWithSources(glu(61), { 'Observation:glucose-fasting': { state: 'failed' } }), RULE).outcome).toBe('flagged');
    const none = finding(runWithSources(patient(), { 'Observation:glucose': { state: 'not-authorised' } }), RULE);
    expect(none.missing).toEqual(['glucose (random) results not authorised']);
    expect(none.summary).toBe('Glucose could not be fully checked: some laboratory results could not be read');
  });
});

describe(`${RULE} outside diabetes (rule catalogue, second round; S41)`, () => {
  const low = (b: BundleBuilder, value: number, unit = 'mg/dL') => b.lab({ id: 'glu', loinc: unit === 'mg/dL' ? '2345-7' : '14749-6', value, unit, date: '2026-09-15' });

  it('does not call a random glucose of 69.9 mg/dL low in someone without diabetes, and says why', () => {
    const f = expectOutcome(low(noDiabetes(), 69.9), RULE, 'not-flagged');
    expect(f.summary).toBe('Glucose 69.9 mg/dL on 2026-09-15: not low without diabetes (only below 55 mg/dL counts)');
    expect(f.evidence).toContainEqual(expect.objectContaining({ id: 'glu', role: 'checked', note: expect.stringContaining('the ADA levels are for people with diabetes') }));
  });

  it('fires below 55 mg/dL without diabetes, compared after converting: 54.9 fires, 55 does not; 3.05 mmol/L (54.95 mg/dL) fires, 3.1 does not', () => {
    const f = expectOutcome(low(noDiabetes(), 54.9), RULE, 'flagged');
    expect(f.summary).toBe("Low glucose below 55 mg/dL without known diabetes: 54.9 mg/dL on 2026-09-15; evaluate (Whipple's triad)");
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'glu', note: expect.stringContaining('Endocrine Society, S41') })]);
    expect(f.citations.map((c) => c.key)).toContain('S41');
    expectOutcome(low(noDiabetes(), 55), RULE, 'not-flagged');
    expectOutcome(low(noDiabetes(), 3.05, 'mmol/L'), RULE, 'flagged');
    expectOutcome(low(noDiabetes(), 3.1, 'mmol/L'), RULE, 'not-flagged');
  });

  it('uses the ADA levels with an HbA1c of 6.5 % within 12 months, not with 6.4 % or an older 6.5 %', () => {
    const hba1c = (value: number, date = '2026-05-01') => low(noDiabetes(), 66).lab({ id: 'a1c', loinc: '4548-4', value, unit: '%', date });
    const f = expectOutcome(hba1c(6.5), RULE, 'flagged');
    expect(f.evidence).toContainEqual(expect.objectContaining({ id: 'a1c', role: 'supporting' }));
    expectOutcome(hba1c(6.4), RULE, 'not-flagged');
    expectOutcome(hba1c(6.5, '2025-11-20'), RULE, 'not-flagged');
  });

  it('uses the ADA levels with a glucose-lowering medicine in use (metformin, a sulfonylurea, insulin) or a diabetes Condition at any date, even resolved', () => {
    for (const b of [
      low(noDiabetes(), 66).medicationRequest({ text: 'Metformin hydrochloride 500 MG Oral Tablet', date: '2026-06-01' }),
      low(noDiabetes(), 66).medicationStatement({ text: 'Glipizide 5 MG', status: 'active', date: '2026-06-01' }),
      low(noDiabetes(), 66).medicationDispense({ text: 'Insulin glargine 100 UNT/ML', date: '2026-10-01' }),
      low(noDiabetes(), 66).condition({ icd10: 'E11.9', display: 'Type 2 diabetes', onset: '1998-02-01', clinicalStatus: 'resolved' }),
    ]) expectOutcome(b, RULE, 'flagged');
  });

  it('asks, rather than decides, when diabetes cannot be ruled out: a stale metformin order, a failed Condition source', () => {
    const stale = expectOutcome(low(noDiabetes(), 66).medicationRequest({ text: 'Metformin 500 MG Oral Tablet', date: '2012-05-30' }), RULE, 'insufficient-data');
    expect(stale.summary).toBe('Glucose 66 mg/dL on 2026-09-15 is low only if diabetic: diabetes or its treatment could not be ruled out');
    expect(stale.missing).toEqual([
      'whether the patient has diabetes or takes a glucose-lowering medicine: glucose 66 mg/dL is at or below 70 mg/dL but not below 55 mg/dL, which counts as low only then',
      'whether the patient still takes metformin (order from 2012 still marked active; nothing since)',
    ]);
    const failed = finding(runWithSources(low(noDiabetes(), 66), { Condition: { state: 'failed', reason: 'HTTP 500' } }), RULE);
    expect(failed.outcome).toBe('insufficient-data');
    // Below 55 is low for anyone: no need to know about diabetes.
    expect(finding(runWithSources(low(noDiabetes(), 50), { Condition: { state: 'failed' } }), RULE).outcome).toBe('flagged');
  });
});
