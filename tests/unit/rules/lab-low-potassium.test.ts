import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, finding, runWithSources, triggers } from '../../support/evaluate.js';

const RULE = 'lab-low-potassium';
const patient = () => new BundleBuilder({ gender: 'male', birthDate: '1948-09-12' });
const k = (value: number, unit = 'mmol/L', extra: Record<string, unknown> = {}) =>
  patient().lab({ id: 'k', loinc: unit === 'mg/dL' ? '22760-3' : '2823-3', value, unit, date: '2026-11-10', ...extra });

describe(RULE, () => {
  it('flags 3.1 mmol/L with the result as evidence and names the severity', () => {
    const f = expectOutcome(k(3.1), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ resourceType: 'Observation', id: 'k', code: '2823-3', value: 3.1, unit: 'mmol/L', date: '2026-11-10', note: 'below 3.5 mmol/L' })]);
    expect(f.summary).toBe('Low potassium (mild): 3.1 mmol/L on 2026-11-10');
    expect(f.grade).toBe('B');
  });

  it('names moderate below 3.0 and severe below 2.5', () => {
    expect(expectOutcome(k(2.9), RULE, 'flagged').summary).toContain('(moderate)');
    expect(expectOutcome(k(3.0), RULE, 'flagged').summary).toContain('(mild)');
    expect(expectOutcome(k(2.4), RULE, 'flagged').summary).toContain('(severe)');
    expect(expectOutcome(k(2.5), RULE, 'flagged').summary).toContain('(moderate)');
  });

  it('boundary at the default: 3.5 is not low, 3.49 is, in mmol/L and in mEq/L', () => {
    expectOutcome(k(3.5), RULE, 'not-flagged');
    expectOutcome(k(3.49), RULE, 'flagged');
    expectOutcome(k(3.5, 'mEq/L'), RULE, 'not-flagged');
    expectOutcome(k(3.49, 'meq/L'), RULE, 'flagged');
  });

  it('converts a mass concentration (22760-3, mg/dL): 13.7 mg/dL (3.50 mmol/L) is not low, 13.6 (3.48) is', () => {
    expectOutcome(k(13.7, 'mg/dL'), RULE, 'not-flagged');
    const f = expectOutcome(k(13.6, 'mg/dL'), RULE, 'flagged');
    expect(triggers(f)[0]).toMatchObject({ code: '22760-3', value: 13.6, unit: 'mg/dL', note: expect.stringContaining('= 3.48 mmol/L') });
  });

  it('reads whole-blood potassium (6298-4), as Synthea sends it', () => {
    expectOutcome(patient().lab({ loinc: '6298-4', value: 3.2, unit: 'mmol/L', date: '2026-11-01' }), RULE, 'flagged');
  });

  it("prefers the lab's own lower limit to the default, both ways", () => {
    expectOutcome(k(3.4, 'mmol/L', { low: 3.3, high: 5.1 }), RULE, 'not-flagged');
    expect(expectOutcome(k(3.55, 'mmol/L', { low: 3.6, high: 5.2 }), RULE, 'flagged').summary).toBe('Low potassium (mild): 3.55 mmol/L on 2026-11-10');
  });

  it('uses an interpretation code alone when there is no range', () => {
    expectOutcome(k(3.6, 'mmol/L', { interpretation: 'L' }), RULE, 'flagged');
    expectOutcome(k(3.4, 'mmol/L', { interpretation: 'N' }), RULE, 'not-flagged');
  });

  it('does not call a high potassium low, and says it is not low', () => {
    expect(expectOutcome(k(6.3), RULE, 'not-flagged').summary).toBe('Potassium not low: 6.3 mmol/L on 2026-11-10');
  });

  it('refuses a comparator and a text value: insufficient-data with the reason', () => {
    const lt = expectOutcome(k(2.0, 'mmol/L', { comparator: '<' }), RULE, 'insufficient-data');
    expect(lt.missing).toEqual(['no usable potassium result in the last 3 months; the result "<2 mmol/L" of 2026-11-10 cannot be used: it is a bound, not a value']);
    const text = expectOutcome(patient().lab({ loinc: '2823-3', valueString: 'haemolysed', date: '2026-11-10' }), RULE, 'insufficient-data');
    expect(text.missing[0]).toContain('"haemolysed"');
  });

  it('uses only results within 3 months: 2026-08-21 counts, 2026-08-20 is stale and named', () => {
    expectOutcome(patient().lab({ loinc: '2823-3', value: 3.0, unit: 'mmol/L', date: '2026-08-21' }), RULE, 'flagged');
    const stale = expectOutcome(patient().lab({ loinc: '2823-3', value: 3.0, unit: 'mmol/L', date: '2026-08-20' }), RULE, 'insufficient-data');
    expect(stale.missing).toEqual(['no usable potassium result in the last 3 months; last one 2026-08-20 (3 mmol/L)']);
    expect(stale.summary).toBe('No usable potassium result in the last 3 months');
  });

  it('ignores a newer result entered in error, cancelled or registered', () => {
    for (const status of ['entered-in-error', 'cancelled', 'registered']) {
      const b = patient().lab({ loinc: '2823-3', value: 4.1, unit: 'mmol/L', date: '2026-10-01' }).lab({ loinc: '2823-3', value: 2.9, unit: 'mmol/L', date: '2026-11-12', status });
      expectOutcome(b, RULE, 'not-flagged');
    }
  });

  it('is insufficient-data, never not-flagged, when the potassium source failed', () => {
    const f = finding(runWithSources(k(4.2), { 'Observation:potassium': { state: 'failed', reason: 'HTTP 500' } }), RULE);
    expect(f.outcome).toBe('insufficient-data');
    expect(f.missing).toEqual(['potassium results could not be read (HTTP 500): a newer result may be missing']);
    expect(f.summary).toBe('Potassium could not be fully checked: some laboratory results could not be read');
    const none = finding(runWithSources(patient(), { 'Observation:potassium': { state: 'not-authorised' } }), RULE);
    expect(none.missing).toEqual(['potassium results not authorised']);
  });
});
