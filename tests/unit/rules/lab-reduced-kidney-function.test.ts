import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, finding, run, runWithSources, triggers } from '../../support/evaluate.js';

const RULE = 'lab-reduced-kidney-function';
const UNIT = 'mL/min/{1.73_m2}';
const patient = () => new BundleBuilder({ gender: 'male', birthDate: '1940-10-10' });
const egfr = (value: number, date = '2026-10-20', extra: Record<string, unknown> = {}) => patient().lab({ id: 'gfr', loinc: '98979-8', value, unit: UNIT, date, ...extra });

describe(RULE, () => {
  it('flags an eGFR of 38 as KDIGO G3b with the result as evidence; a lab finding, not cond-chronic-kidney-disease', () => {
    const report = run(egfr(38));
    const f = finding(report, RULE);
    expect(f.outcome).toBe('flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'gfr', code: '98979-8', value: 38, unit: 'mL/min/1.73m2', date: '2026-10-20', note: 'below 60 mL/min/1.73m2' })]);
    expect(f.summary).toBe('eGFR 38 mL/min/1.73m2 on 2026-10-20: KDIGO G3b');
    expect(f.detail).toContain('may reflect an acute change');
    expect(finding(report, 'cond-chronic-kidney-disease').outcome).not.toBe('flagged');
  });

  it('names every KDIGO stage at its boundaries: 59 G3a, 45 G3a, 44.9 G3b, 30 G3b, 29 G4, 15 G4, 14 G5', () => {
    const stage = (v: number) => expectOutcome(egfr(v), RULE, 'flagged').summary.replace(/.*KDIGO /, '');
    expect([59, 45, 44.9, 30, 29, 15, 14].map(stage)).toEqual(['G3a', 'G3a', 'G3b', 'G3b', 'G4', 'G4', 'G5']);
  });

  it('threshold boundary: 60 is not reduced, 59.9 is; the same for 33914-3 as Synthea sends it; mL/min is a clearance, not an eGFR', () => {
    expectOutcome(egfr(60), RULE, 'not-flagged');
    expectOutcome(egfr(59.9), RULE, 'flagged');
    const mdrd = (v: number, unit = 'mL/min/{1.73_m2}') => patient().lab({ loinc: '33914-3', value: v, unit, date: '2026-10-20' });
    expectOutcome(mdrd(60), RULE, 'not-flagged');
    expect(expectOutcome(mdrd(59.9), RULE, 'flagged').summary).toBe('eGFR 59.9 mL/min/1.73m2 on 2026-10-20: KDIGO G3a');
    // Rule catalogue, second round: an eGFR whose unit is not per 1.73 m² is unusable.
    const clearance = expectOutcome(mdrd(59.9, 'mL/min'), RULE, 'insufficient-data');
    expect(clearance.missing[0]).toContain('cannot be used: its unit is not per 1.73 m² (a clearance, not an eGFR)');
  });

  it('ignores the lab range and flag: the KDIGO boundary is fixed', () => {
    expectOutcome(egfr(55, '2026-10-20', { low: 50, interpretation: 'N' }), RULE, 'flagged');
    expectOutcome(egfr(75, '2026-10-20', { low: 90, interpretation: 'L' }), RULE, 'not-flagged');
  });

  it('says the pattern is consistent with CKD when two values at least 90 days apart are both below 60', () => {
    const b = egfr(41).lab({ id: 'early', loinc: '62238-1', value: 52, unit: UNIT, date: '2026-07-22' }); // 90 days before 2026-10-20
    const f = expectOutcome(b, RULE, 'flagged');
    expect(f.summary).toBe('eGFR 41 mL/min/1.73m2 on 2026-10-20: KDIGO G3b, below 60 for 90+ days (consistent with CKD)');
    expect(f.detail).toContain('Also below 60 on 2026-07-22 (52 mL/min/1.73m2)');
    expect(f.evidence.find((e) => e.id === 'early')).toMatchObject({ role: 'supporting', value: 52 });
  });

  it('does not call it sustained at 89 days apart, or when a normal value lies between', () => {
    const near = egfr(41).lab({ loinc: '62238-1', value: 52, unit: UNIT, date: '2026-07-23' });
    expect(expectOutcome(near, RULE, 'flagged').summary).not.toContain('consistent with CKD');
    const broken = egfr(41).lab({ loinc: '62238-1', value: 52, unit: UNIT, date: '2026-05-01' }).lab({ loinc: '62238-1', value: 72, unit: UNIT, date: '2026-08-15' });
    expect(expectOutcome(broken, RULE, 'flagged').summary).not.toContain('consistent with CKD');
  });

  it('refuses an eGFR reported as ">60" (comparator) and a text value', () => {
    const gt = expectOutcome(egfr(60, '2026-10-20', { comparator: '>' }), RULE, 'insufficient-data');
    expect(gt.missing).toEqual(['no usable eGFR result in the last 12 months; the result ">60 mL/min/{1.73_m2}" of 2026-10-20 cannot be used: it is a bound, not a value']);
    expectOutcome(patient().lab({ loinc: '98979-8', valueString: '>90', date: '2026-10-20' }), RULE, 'insufficient-data');
  });

  it('uses only results within 12 months: 2025-11-21 counts, 2025-11-20 is stale', () => {
    expectOutcome(egfr(40, '2025-11-21'), RULE, 'flagged');
    const stale = expectOutcome(egfr(40, '2025-11-20'), RULE, 'insufficient-data');
    expect(stale.missing).toEqual(['no usable eGFR result in the last 12 months; last one 2025-11-20 (40 mL/min/1.73m2)']);
  });

  it('reads the most recent usable result, ignoring one entered in error', () => {
    expectOutcome(egfr(72, '2026-09-01').lab({ loinc: '98979-8', value: 25, unit: UNIT, date: '2026-10-01', status: 'entered-in-error' }), RULE, 'not-flagged');
  });

  it('shows creatinine beside the eGFR as supporting evidence', () => {
    const f = expectOutcome(egfr(38).lab({ id: 'cr', loinc: '2160-0', value: 1.9, unit: 'mg/dL', date: '2026-10-20' }), RULE, 'flagged');
    expect(f.evidence.find((e) => e.id === 'cr')).toMatchObject({ role: 'supporting', value: 1.9 });
  });

  it('is insufficient-data when the eGFR source failed and the value it has is normal', () => {
    const f = finding(runWithSources(egfr(80), { 'Observation:egfr': { state: 'failed', reason: 'HTTP 503' } }), RULE);
    expect(f.outcome).toBe('insufficient-data');
    expect(f.missing).toEqual(['eGFR results could not be read (HTTP 503): a newer result may be missing']);
  });
});
