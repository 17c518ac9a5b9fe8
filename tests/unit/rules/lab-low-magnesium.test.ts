import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';

const RULE = 'lab-low-magnesium';
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1955-06-01' });
const mg = (value: number, unit: string, extra: Record<string, unknown> = {}) =>
  patient().lab({ id: 'mg', loinc: unit === 'mg/dL' ? '19123-9' : '2601-3', value, unit, date: '2026-11-09', ...extra });

describe(RULE, () => {
  it('flags 0.62 mmol/L with the result, value, unit and date as evidence', () => {
    const f = expectOutcome(mg(0.62, 'mmol/L'), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ resourceType: 'Observation', id: 'mg', code: '2601-3', value: 0.62, unit: 'mmol/L', date: '2026-11-09' })]);
    expect(triggers(f)[0]!.note).toContain('= 1.51 mg/dL');
    expect(f.summary).toBe('Low magnesium: 0.62 mmol/L on 2026-11-09');
  });

  it('uses the default limit in the unit it was stated in: 0.70 mmol/L and 1.7 mg/dL are not low, just below is', () => {
    expectOutcome(mg(0.7, 'mmol/L'), RULE, 'not-flagged');
    expectOutcome(mg(0.69, 'mmol/L'), RULE, 'flagged');
    expectOutcome(mg(1.7, 'mg/dL'), RULE, 'not-flagged');
    expectOutcome(mg(1.69, 'mg/dL'), RULE, 'flagged');
    expectOutcome(mg(1.4, 'mEq/L'), RULE, 'not-flagged');
    expectOutcome(mg(1.39, 'mEq/L'), RULE, 'flagged');
  });

  it("prefers the lab's own lower limit to the default", () => {
    expectOutcome(mg(1.6, 'mg/dL', { low: 1.5, high: 2.5 }), RULE, 'not-flagged');
    expectOutcome(mg(1.8, 'mg/dL', { low: 1.9, high: 2.7 }), RULE, 'flagged');
  });

  it("uses the lab's interpretation code when there is no range", () => {
    expectOutcome(mg(1.75, 'mg/dL', { interpretation: 'L' }), RULE, 'flagged');
    expectOutcome(mg(1.65, 'mg/dL', { interpretation: 'N' }), RULE, 'not-flagged');
  });

  it('accepts the lower-case UCUM spelling meq/L', () => {
    expectOutcome(mg(1.2, 'meq/L'), RULE, 'flagged');
  });

  it('refuses a comparator, a text value and an unknown unit, and says why (insufficient-data, never not-flagged)', () => {
    const lt = expectOutcome(mg(0.5, 'mmol/L', { comparator: '<' }), RULE, 'insufficient-data');
    expect(lt.missing.join(' ')).toMatch(/"<0.5 mmol\/L".*cannot be used: it is a bound/);
    const text = expectOutcome(patient().lab({ loinc: '2601-3', valueString: 'haemolysed', date: '2026-11-09' }), RULE, 'insufficient-data');
    expect(text.missing.join(' ')).toContain('haemolysed');
    expectOutcome(mg(0.6, 'mg/L/h'), RULE, 'insufficient-data');
    expectOutcome(mg(0.6, 'mmol/L', { ucum: null, unit: undefined }), RULE, 'insufficient-data');
  });

  it('uses only results within 3 months: 2026-08-21 counts, 2026-08-20 is stale and named', () => {
    expectOutcome(patient().lab({ loinc: '2601-3', value: 0.6, unit: 'mmol/L', date: '2026-08-21' }), RULE, 'flagged');
    const stale = expectOutcome(patient().lab({ loinc: '2601-3', value: 0.6, unit: 'mmol/L', date: '2026-08-20' }), RULE, 'insufficient-data');
    expect(stale.missing).toEqual(['no usable magnesium result in the last 3 months; last one 2026-08-20 (0.6 mmol/L)']);
  });

  it('reads the latest usable result, ignoring one entered in error', () => {
    const b = patient()
      .lab({ loinc: '2601-3', value: 0.9, unit: 'mmol/L', date: '2026-10-01' })
      .lab({ id: 'err', loinc: '2601-3', value: 0.4, unit: 'mmol/L', date: '2026-11-10', status: 'entered-in-error' });
    expectOutcome(b, RULE, 'not-flagged');
  });

  it('says what is missing when there is no magnesium at all', () => {
    const f = expectOutcome(patient(), RULE, 'insufficient-data');
    expect(f.missing).toEqual(['no usable magnesium result in the last 3 months; none on record']);
  });
});
