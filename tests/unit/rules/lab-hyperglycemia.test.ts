import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, finding, run, runWithSources, triggers } from '../../support/evaluate.js';

const RULE = 'lab-hyperglycemia';
const patient = () => new BundleBuilder({ gender: 'male', birthDate: '1961-05-05' });
const a1c = (value: number, unit = '%', extra: Record<string, unknown> = {}) => patient().lab({ id: 'a1c', loinc: '4548-4', value, unit, date: '2026-10-02', ...extra });
const fpg = (value: number, unit = 'mg/dL') => patient().lab({ id: 'fpg', loinc: unit === 'mg/dL' ? '1558-6' : '14771-0', value, unit, date: '2026-10-02' });
const rpg = (value: number, unit = 'mg/dL') => patient().lab({ id: 'rpg', loinc: unit === 'mg/dL' ? '2345-7' : '14749-6', value, unit, date: '2026-10-02' });

describe(RULE, () => {
  it('flags an HbA1c of 8.1 % with the result as evidence; it is a lab finding, not cond-diabetes', () => {
    const report = run(a1c(8.1));
    const f = finding(report, RULE);
    expect(f.outcome).toBe('flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'a1c', code: '4548-4', value: 8.1, unit: '%', date: '2026-10-02', note: 'at or above 6.5 %' })]);
    expect(f.summary).toBe('Diabetes range: HbA1c 8.1 % on 2026-10-02');
    expect(finding(report, 'cond-diabetes').outcome).not.toBe('flagged');
  });

  it('HbA1c boundary: 6.5 % flags, 6.4 % does not; 48 mmol/mol flags, 47 does not', () => {
    expectOutcome(a1c(6.5), RULE, 'flagged');
    expectOutcome(a1c(6.4), RULE, 'not-flagged');
    expectOutcome(a1c(48, 'mmol/mol'), RULE, 'flagged');
    expectOutcome(a1c(47, 'mmol/mol'), RULE, 'not-flagged');
  });

  it('fasting glucose boundary: 126 mg/dL flags, 125 does not; 7.0 mmol/L flags, 6.9 does not', () => {
    expectOutcome(fpg(126), RULE, 'flagged');
    expectOutcome(fpg(125), RULE, 'not-flagged');
    expectOutcome(fpg(7.0, 'mmol/L'), RULE, 'flagged');
    expectOutcome(fpg(6.9, 'mmol/L'), RULE, 'not-flagged');
  });

  it('random glucose boundary: 200 mg/dL flags, 199 does not; 11.1 mmol/L flags, 11.0 does not; and says it needs confirming', () => {
    const f = expectOutcome(rpg(200), RULE, 'flagged');
    expect(f.summary).toBe('Diabetes range: random glucose 200 mg/dL on 2026-10-02 (random: confirm, or symptoms needed)');
    expect(f.detail).toContain('only with classic symptoms');
    expectOutcome(rpg(199), RULE, 'not-flagged');
    expectOutcome(rpg(11.1, 'mmol/L'), RULE, 'flagged');
    expectOutcome(rpg(11.0, 'mmol/L'), RULE, 'not-flagged');
  });

  it('reads Synthea\'s whole-blood glucose 2339-0 as a random glucose', () => {
    expectOutcome(patient().lab({ loinc: '2339-0', value: 243.7, unit: 'mg/dL', date: '2026-06-01' }), RULE, 'flagged');
  });

  it('ignores the lab\'s own HbA1c range and flag: a diagnostic cut-off is fixed', () => {
    expectOutcome(a1c(6.0, '%', { low: 4.0, high: 5.6, interpretation: 'H' }), RULE, 'not-flagged');
    expectOutcome(a1c(6.6, '%', { low: 4.0, high: 7.0, interpretation: 'N' }), RULE, 'flagged');
  });

  it('names prediabetes in the not-flagged summary without flagging it', () => {
    const f = expectOutcome(a1c(6.1), RULE, 'not-flagged');
    expect(f.summary).toBe('Not in the diabetes range; prediabetes range: HbA1c 6.1 %');
    expect(f.evidence).toEqual([expect.objectContaining({ id: 'a1c', role: 'checked' })]);
  });

  it('flags on one diabetes-range value even when another measure is normal, and shows both', () => {
    const b = a1c(5.4).lab({ id: 'fpg', loinc: '1558-6', value: 131, unit: 'mg/dL', date: '2026-11-01' });
    const f = expectOutcome(b, RULE, 'flagged');
    expect(triggers(f).map((e) => e.id)).toEqual(['fpg']);
  });

  it('is not-flagged on one normal measure, naming it', () => {
    expect(expectOutcome(rpg(96), RULE, 'not-flagged').summary).toBe('Not in the diabetes range: random glucose 96 mg/dL on 2026-10-02');
  });

  it('refuses a comparator and a text value', () => {
    const lt = expectOutcome(a1c(14, '%', { comparator: '>' }), RULE, 'insufficient-data');
    expect(lt.missing).toContain('no usable HbA1c result in the last 12 months; the result ">14 %" of 2026-10-02 cannot be used: it is a bound, not a value');
    expectOutcome(patient().lab({ loinc: '4548-4', valueString: 'variant haemoglobin', date: '2026-10-02' }), RULE, 'insufficient-data');
  });

  it('uses only results within 12 months: 2025-11-21 counts, 2025-11-20 is stale and named', () => {
    expectOutcome(patient().lab({ loinc: '4548-4', value: 7.2, unit: '%', date: '2025-11-21' }), RULE, 'flagged');
    const stale = expectOutcome(patient().lab({ loinc: '4548-4', value: 7.2, unit: '%', date: '2025-11-20' }), RULE, 'insufficient-data');
    expect(stale.missing).toEqual([
      'no usable HbA1c result in the last 12 months; last one 2025-11-20 (7.2 %)',
      'no usable fasting glucose result in the last 12 months; none on record',
      'no usable glucose (random) result in the last 12 months; none on record',
    ]);
    expect(stale.summary).toBe('No usable HbA1c or glucose result in the last 12 months');
  });

  it('ignores a result entered in error, cancelled or registered', () => {
    for (const status of ['entered-in-error', 'cancelled', 'registered']) {
      expectOutcome(a1c(5.2).lab({ loinc: '4548-4', value: 9.0, unit: '%', date: '2026-11-01', status }), RULE, 'not-flagged');
    }
  });

  it('is insufficient-data, not not-flagged, when a glucose source failed and what it has is normal; flags on what it has', () => {
    const f = finding(runWithSources(a1c(5.4), { 'Observation:glucose-fasting': { state: 'failed', reason: 'HTTP 502' } }), RULE);
    expect(f.outcome).toBe('insufficient-data');
    expect(f.missing).toEqual(['fasting glucose results could not be read (HTTP 502)']);
    expect(f.summary).toBe('HbA1c and glucose could not be fully checked: some laboratory results could not be read');
    expect(finding(runWithSources(a1c(7.0), { 'Observation:glucose': { state: 'not-authorised' } }), RULE).outcome).toBe('flagged');
  });
});
