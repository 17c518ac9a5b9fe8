import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, finding, runWithSources, triggers } from '../../support/evaluate.js';

const RULE = 'lab-hypoglycemia';
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1958-03-03' });
const glu = (value: number, unit = 'mg/dL', loinc = unit === 'mg/dL' ? '2345-7' : '14749-6', extra: Record<string, unknown> = {}) =>
  patient().lab({ id: 'glu', loinc, value, unit, date: '2026-09-15', ...extra });

describe(RULE, () => {
  it('flags a glucose of 62 mg/dL as ADA level 1 with the result as evidence', () => {
    const f = expectOutcome(glu(62), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'glu', code: '2345-7', value: 62, unit: 'mg/dL', date: '2026-09-15', note: 'at or below 70 mg/dL; ADA level 1 hypoglycaemia' })]);
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
