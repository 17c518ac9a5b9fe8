import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, finding, runWithSources, triggers } from '../../support/evaluate.js';

const RULE = 'lab-low-vitamin-d';
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1949-12-01' });
const vitd = (value: number, unit = 'ng/mL', extra: Record<string, unknown> = {}) =>
  patient().lab({ id: 'vd', loinc: unit === 'nmol/L' ? '14635-7' : '62292-8', value, unit, date: '2026-03-03', ...extra });

describe(RULE, () => {
  it('flags 15 ng/mL as deficient with the result as evidence', () => {
    const f = expectOutcome(vitd(15), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'vd', code: '62292-8', value: 15, unit: 'ng/mL', date: '2026-03-03', note: 'below 20 ng/mL' })]);
    expect(f.summary).toBe('Vitamin D deficiency: 15 ng/mL on 2026-03-03');
    expect(f.grade).toBe('C');
  });

  it('names severe deficiency below 12 ng/mL (30 nmol/L)', () => {
    expect(expectOutcome(vitd(11.9), RULE, 'flagged').summary).toBe('Severe vitamin D deficiency: 11.9 ng/mL on 2026-03-03');
    expect(expectOutcome(vitd(12), RULE, 'flagged').summary).toContain('Vitamin D deficiency');
    expect(expectOutcome(vitd(29, 'nmol/L'), RULE, 'flagged').summary).toContain('Severe');
    expect(expectOutcome(vitd(30, 'nmol/L'), RULE, 'flagged').summary).toMatch(/^Vitamin D deficiency/);
  });

  it('default boundary: 20 ng/mL is not deficient, 19.9 is; 50 nmol/L is not, 49 is', () => {
    expectOutcome(vitd(20), RULE, 'not-flagged');
    expectOutcome(vitd(19.9), RULE, 'flagged');
    expectOutcome(vitd(50, 'nmol/L'), RULE, 'not-flagged');
    expectOutcome(vitd(49, 'nmol/L'), RULE, 'flagged');
  });

  it('follows a lab range of 30–100 ng/mL, and calls 25 "insufficient", not deficient', () => {
    const f = expectOutcome(vitd(25, 'ng/mL', { low: 30, high: 100 }), RULE, 'flagged');
    expect(f.summary).toBe("Vitamin D below the lab's range (insufficient, not deficient): 25 ng/mL on 2026-03-03");
    expect(f.detail).toContain('not deficient by the IOM');
    expect(triggers(f)[0]!.note).toBe("below the lab's lower limit 30 ng/mL");
  });

  it('follows a lab range whose lower limit is under 20: 18 ng/mL with range 15–80 is not flagged', () => {
    expectOutcome(vitd(18, 'ng/mL', { low: 15, high: 80 }), RULE, 'not-flagged');
  });

  it('uses an interpretation code alone when there is no range', () => {
    expectOutcome(vitd(24, 'ng/mL', { interpretation: 'L' }), RULE, 'flagged');
    expectOutcome(vitd(18, 'ng/mL', { interpretation: 'N' }), RULE, 'not-flagged');
  });

  it('reads the D3-only mass code 1989-3', () => {
    expectOutcome(patient().lab({ loinc: '1989-3', value: 9, unit: 'ng/mL', date: '2026-03-03' }), RULE, 'flagged');
  });

  it('refuses a comparator ("<4 ng/mL") and a text value', () => {
    const lt = expectOutcome(vitd(4, 'ng/mL', { comparator: '<' }), RULE, 'insufficient-data');
    expect(lt.missing).toEqual(['no usable 25-OH vitamin D result in the last 12 months; the result "<4 ng/mL" of 2026-03-03 cannot be used: it is a bound, not a value']);
    expectOutcome(patient().lab({ loinc: '62292-8', valueString: 'QNS', date: '2026-03-03' }), RULE, 'insufficient-data');
  });

  it('uses only results within 12 months: 2025-11-21 counts, 2025-11-20 is stale', () => {
    expectOutcome(patient().lab({ loinc: '62292-8', value: 14, unit: 'ng/mL', date: '2025-11-21' }), RULE, 'flagged');
    const stale = expectOutcome(patient().lab({ loinc: '62292-8', value: 14, unit: 'ng/mL', date: '2025-11-20' }), RULE, 'insufficient-data');
    expect(stale.missing).toEqual(['no usable 25-OH vitamin D result in the last 12 months; last one 2025-11-20 (14 ng/mL)']);
  });

  it('ignores a newer result that is only registered', () => {
    expectOutcome(vitd(35).lab({ loinc: '62292-8', value: 8, unit: 'ng/mL', date: '2026-06-01', status: 'registered' }), RULE, 'not-flagged');
  });

  it('is insufficient-data when the source failed', () => {
    const f = finding(runWithSources(vitd(40), { 'Observation:vitamin-d': { state: 'not-authorised' } }), RULE);
    expect(f.outcome).toBe('insufficient-data');
    expect(f.missing).toEqual(['25-OH vitamin D results not authorised: a newer result may be missing']);
  });
});
