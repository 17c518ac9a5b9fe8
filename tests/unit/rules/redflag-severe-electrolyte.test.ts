import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, finding, runWithSources, triggers } from '../../support/evaluate.js';

const RULE = 'redflag-severe-electrolyte';
const DAY = '2026-11-15';
const patient = () => new BundleBuilder({ gender: 'male', birthDate: '1945-05-05' });
interface Panel { k?: number; mg?: number; ca?: number; na?: number }
/** A full panel, normal unless overridden: K 4.1, Mg 2.0 mg/dL, Ca 9.4 mg/dL with albumin 4.0, Na 139. */
const panel = (p: Panel = {}) =>
  patient()
    .lab({ id: 'k', loinc: '2823-3', value: p.k ?? 4.1, unit: 'mmol/L', date: DAY })
    .lab({ id: 'mg', loinc: '19123-9', value: p.mg ?? 2.0, unit: 'mg/dL', date: DAY })
    .lab({ id: 'ca', loinc: '17861-6', value: p.ca ?? 9.4, unit: 'mg/dL', date: DAY })
    .lab({ id: 'alb', loinc: '1751-7', value: 4.0, unit: 'g/dL', date: DAY })
    .lab({ id: 'na', loinc: '2951-2', value: p.na ?? 139, unit: 'mmol/L', date: DAY });

describe(RULE, () => {
  it('fires on one severe potassium alone, with the result as evidence, as an urgent red flag', () => {
    const f = expectOutcome(patient().lab({ id: 'k', loinc: '2823-3', value: 2.3, unit: 'mmol/L', date: DAY }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'k', code: '2823-3', value: 2.3, unit: 'mmol/L', date: DAY, note: 'below 2.5 mmol/L' })]);
    expect(f.summary).toBe('Dangerous electrolyte level: low potassium 2.3 mmol/L on 2026-11-15');
    expect(f.redFlag).toBe(true);
    expect(f.urgency).toBe('urgent');
  });

  it('is not-flagged only when all four were available and none is dangerous', () => {
    const f = expectOutcome(panel(), RULE, 'not-flagged');
    expect(f.evidence.map((e) => e.id).sort()).toEqual(['alb', 'ca', 'k', 'mg', 'na']);
    expect(f.summary).toBe('No dangerous potassium, magnesium, calcium or sodium level in the last 3 months');
  });

  it('is insufficient-data, naming what it could not check, when some are missing and the rest normal', () => {
    const f = expectOutcome(patient().lab({ loinc: '2823-3', value: 4.0, unit: 'mmol/L', date: DAY }), RULE, 'insufficient-data');
    expect(f.summary).toBe('No dangerous level found, but not checked: magnesium, calcium, sodium');
    expect(f.missing).toEqual([
      'no usable magnesium result in the last 3 months; none on record',
      'no usable calcium (total, albumin-corrected or ionised) result in the last 3 months; none on record',
      'no usable sodium result in the last 3 months; none on record',
    ]);
  });

  it('potassium boundaries: 2.5 and 6.0 are not dangerous, 2.49 and 6.01 are; in mEq/L and in mg/dL (22760-3)', () => {
    expectOutcome(panel({ k: 2.5 }), RULE, 'not-flagged');
    expectOutcome(panel({ k: 2.49 }), RULE, 'flagged');
    expectOutcome(panel({ k: 6.0 }), RULE, 'not-flagged');
    expect(expectOutcome(panel({ k: 6.01 }), RULE, 'flagged').summary).toContain('high potassium 6.01 mmol/L');
    const alt = (v: number, unit: string, loinc = '2823-3') => patient().lab({ loinc, value: v, unit, date: DAY });
    expectOutcome(alt(2.49, 'meq/L'), RULE, 'flagged');
    expectOutcome(alt(9.7, 'mg/dL', '22760-3'), RULE, 'flagged'); // 2.48 mmol/L
    expectOutcome(alt(24, 'mg/dL', '22760-3'), RULE, 'flagged'); // 6.14 mmol/L
  });

  it('magnesium boundary: 1.2 mg/dL is not dangerous, 1.19 is; 0.5 mmol/L is not, 0.49 is', () => {
    expectOutcome(panel({ mg: 1.2 }), RULE, 'not-flagged');
    expectOutcome(panel({ mg: 1.19 }), RULE, 'flagged');
    expectOutcome(patient().lab({ loinc: '2601-3', value: 0.49, unit: 'mmol/L', date: DAY }), RULE, 'flagged');
    const b = panel().lab({ loinc: '2601-3', value: 0.5, unit: 'mmol/L', date: '2026-11-16' });
    expectOutcome(b, RULE, 'not-flagged');
  });

  it('corrected calcium boundary: 7.5 mg/dL is not dangerous, 7.49 is; a low total with low albumin is corrected first', () => {
    expectOutcome(panel({ ca: 7.5 }), RULE, 'not-flagged');
    const f = expectOutcome(panel({ ca: 7.49 }), RULE, 'flagged');
    // The panel's albumin is not below 4.0 g/dL: the calcium is used as measured, the albumin shown as checked.
    expect(triggers(f).map((e) => e.id)).toEqual(['ca']);
    const lowAlbumin = (alb: number) =>
      patient()
        .lab({ loinc: '17861-6', value: 6.9, unit: 'mg/dL', date: DAY })
        .lab({ loinc: '1751-7', value: alb, unit: 'g/dL', date: DAY });
    expect(expectOutcome(lowAlbumin(2.0), RULE, 'insufficient-data').summary).toBe('No dangerous level found, but not checked: potassium, magnesium, sodium'); // 6.9 + 1.6 = 8.5
    expectOutcome(lowAlbumin(3.8), RULE, 'flagged'); // 6.9 + 0.16 = 7.06
  });

  it('ionised calcium boundary: 0.90 mmol/L is not dangerous, 0.89 is; 3.6 mg/dL is not, 3.59 is', () => {
    const ion = (v: number, unit: string, loinc: string) => panel().lab({ id: 'ion', loinc, value: v, unit, date: DAY });
    expectOutcome(ion(0.9, 'mmol/L', '1995-0'), RULE, 'not-flagged');
    expect(triggers(expectOutcome(ion(0.89, 'mmol/L', '1994-3'), RULE, 'flagged')).map((e) => e.id)).toEqual(['ion']);
    expectOutcome(ion(3.6, 'mg/dL', '17864-0'), RULE, 'not-flagged');
    expectOutcome(ion(3.59, 'mg/dL', '17864-0'), RULE, 'flagged');
  });

  it('sodium boundary: 125 is not dangerous, 124.9 is', () => {
    expectOutcome(panel({ na: 125 }), RULE, 'not-flagged');
    expectOutcome(panel({ na: 124.9 }), RULE, 'flagged');
    expect(expectOutcome(panel({ na: 124 }), RULE, 'flagged').summary).toBe('Dangerous electrolyte level: sodium 124 mmol/L on 2026-11-15');
  });

  it("uses fixed thresholds, not the lab's range or its critical flags", () => {
    const b = patient()
      .lab({ loinc: '2823-3', value: 2.6, unit: 'mmol/L', date: DAY, interpretation: 'LL' })
      .lab({ loinc: '19123-9', value: 1.3, unit: 'mg/dL', date: DAY, low: 1.6, high: 2.6 })
      .lab({ loinc: '1995-0', value: 0.95, unit: 'mmol/L', date: DAY, low: 1.15, high: 1.3 })
      .lab({ loinc: '2951-2', value: 126, unit: 'mmol/L', date: DAY, interpretation: 'LL' });
    expectOutcome(b, RULE, 'not-flagged');
    expectOutcome(panel().lab({ loinc: '2951-2', value: 123, unit: 'mmol/L', date: '2026-11-16', low: 120, high: 140 }), RULE, 'flagged');
  });

  it('names every dangerous analyte when several are', () => {
    const f = expectOutcome(panel({ k: 2.2, na: 121 }), RULE, 'flagged');
    expect(f.summary).toBe('Dangerous electrolyte level: low potassium 2.2 mmol/L on 2026-11-15; sodium 121 mmol/L on 2026-11-15');
  });

  it('uses only results within 3 months: 2026-08-21 counts, 2026-08-20 does not', () => {
    expectOutcome(patient().lab({ loinc: '2823-3', value: 2.3, unit: 'mmol/L', date: '2026-08-21' }), RULE, 'flagged');
    const stale = expectOutcome(patient().lab({ loinc: '2823-3', value: 2.3, unit: 'mmol/L', date: '2026-08-20' }), RULE, 'insufficient-data');
    expect(stale.missing[0]).toBe('no usable potassium result in the last 3 months; last one 2026-08-20 (2.3 mmol/L)');
    expect(stale.summary).toBe('Electrolytes not checked for dangerous levels: no usable results in the last 3 months');
  });

  it('ignores a newer dangerous result entered in error, cancelled or registered, and refuses a comparator', () => {
    for (const status of ['entered-in-error', 'cancelled', 'registered']) {
      expectOutcome(panel().lab({ loinc: '2823-3', value: 1.9, unit: 'mmol/L', date: '2026-11-20', status }), RULE, 'not-flagged');
    }
    const lt = expectOutcome(patient().lab({ loinc: '2823-3', value: 2.0, comparator: '<', unit: 'mmol/L', date: DAY }), RULE, 'insufficient-data');
    expect(lt.missing[0]).toContain('"<2 mmol/L" of 2026-11-15 cannot be used: it is a bound, not a value');
  });

  it('is insufficient-data, never not-flagged, when one source failed; still fires on what it has', () => {
    const f = finding(runWithSources(panel(), { 'Observation:magnesium': { state: 'failed', reason: 'HTTP 503' } }), RULE);
    expect(f.outcome).toBe('insufficient-data');
    expect(f.missing).toEqual(['magnesium results could not be read (HTTP 503): a newer result may be missing']);
    expect(f.summary).toBe('No dangerous level found, but not checked: magnesium');
    expect(finding(runWithSources(panel({ na: 120 }), { 'Observation:magnesium': { state: 'not-authorised' } }), RULE).outcome).toBe('flagged');
  });
});
