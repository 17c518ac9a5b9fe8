import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, finding, runWithSources, triggers } from '../../support/evaluate.js';

const RULE = 'lab-parathyroid-calcium-axis';
const DAY = '2026-10-12';
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1952-08-08' });
/** Total calcium (mg/dL) with albumin 4.0 g/dL (no correction) and an intact PTH. */
const pair = (ca: number, pth: number, pthExtra: Record<string, unknown> = {}) =>
  patient()
    .lab({ id: 'ca', loinc: '17861-6', value: ca, unit: 'mg/dL', date: DAY })
    .lab({ id: 'alb', loinc: '1751-7', value: 4.0, unit: 'g/dL', date: DAY })
    .lab({ id: 'pth', loinc: '2731-8', value: pth, unit: 'pg/mL', date: DAY, ...pthExtra });

describe(RULE, () => {
  it('flags high calcium with high PTH as primary hyperparathyroidism, with PTH and calcium as triggers and the albumin checked', () => {
    const f = expectOutcome(pair(11.2, 88), RULE, 'flagged');
    // Albumin 4.0 g/dL is not below 4.0: the calcium is read as measured (second round).
    expect(triggers(f).map((e) => [e.id, e.value, e.unit])).toEqual([['pth', 88, 'pg/mL'], ['ca', 11.2, 'mg/dL']]);
    expect(f.evidence).toContainEqual(expect.objectContaining({ id: 'alb', role: 'checked' }));
    expect(triggers(f)[0]!.note).toBe('above 65 pg/mL');
    expect(f.summary).toBe('Pattern of primary hyperparathyroidism: high calcium with high PTH (88 pg/mL)');
    expect(f.detail).toContain('it is not a cause of low calcium');
    expect(f.nextStep).toContain('Do not give calcium supplements when calcium is high');
  });

  it('counts a high-normal PTH (upper half of 10–65, from 37.5) with high calcium as primary; a low-normal one is not a parathyroid pattern', () => {
    expect(expectOutcome(pair(11.0, 37.5), RULE, 'flagged').summary).toBe('Pattern of primary hyperparathyroidism: high calcium with high-normal PTH (37.5 pg/mL)');
    const f = expectOutcome(pair(11.0, 37.4), RULE, 'not-flagged');
    expect(f.summary).toBe('High calcium with suppressed PTH: not parathyroid-driven, look for other causes (PTH 37.4 pg/mL)');
  });

  it('flags low calcium with low PTH as hypoparathyroidism, and never calls it hyperparathyroidism', () => {
    const f = expectOutcome(pair(7.6, 6), RULE, 'flagged');
    expect(f.summary).toBe('Pattern of hypoparathyroidism: low calcium with low PTH (6 pg/mL)');
    expect(f.summary.toLowerCase()).not.toContain('hyperparathyroidism');
    expect(f.detail).toContain('tetany');
  });

  it('flags a high PTH with normal or low calcium as secondary, showing 25-OH vitamin D and eGFR beside it', () => {
    const b = pair(9.1, 120)
      .lab({ id: 'vd', loinc: '62292-8', value: 11, unit: 'ng/mL', date: '2026-09-01' })
      .lab({ id: 'gfr', loinc: '98979-8', value: 75, unit: 'mL/min/{1.73_m2}', date: '2026-09-01' });
    const f = expectOutcome(b, RULE, 'flagged');
    expect(f.summary).toBe('Pattern of secondary hyperparathyroidism: normal calcium with high PTH (120 pg/mL)');
    expect(f.evidence.filter((e) => e.role === 'supporting').map((e) => e.id)).toEqual(['vd', 'gfr']);
    expect(f.detail).toContain('25-OH vitamin D 11 ng/mL on 2026-09-01; eGFR 75 mL/min/1.73m2 on 2026-09-01');
    expect(f.handoutSections).toEqual(['parathyroid']);
    expect(expectOutcome(pair(8.0, 110), RULE, 'flagged').summary).toContain('secondary hyperparathyroidism: low calcium');
  });

  it('calls a high PTH in kidney disease secondary hyperparathyroidism of kidney disease, for the kidney team, on screen and in the handout (second round)', () => {
    const egfr = (value: number) => pair(9.1, 120).lab({ id: 'gfr', loinc: '98979-8', value, unit: 'mL/min/{1.73_m2}', date: '2026-09-01' });
    const f = expectOutcome(egfr(59), RULE, 'flagged');
    expect(f.summary).toBe('Secondary hyperparathyroidism of kidney disease: normal calcium with high PTH (120 pg/mL)');
    expect(f.nextStep).toMatch(/^Kidney team \(nephrology\)/);
    expect(f.nextStep).not.toContain('Endocrinology');
    expect(f.detail).toContain('managed by the kidney team, not endocrinology');
    expect(f.handoutSections).toEqual(['parathyroid-kidney']);
    expect(f.evidence).toContainEqual(expect.objectContaining({ id: 'gfr', role: 'supporting' }));
    // eGFR 60 is not kidney disease by this rule: the general wording stays.
    expect(expectOutcome(egfr(60), RULE, 'flagged').summary).toMatch(/^Pattern of secondary hyperparathyroidism/);
    // A dialysis or CKD Condition is enough without an eGFR; a high PTH with high calcium too.
    for (const c of [{ icd10: 'Z99.2', display: 'Dependence on renal dialysis' }, { icd10: 'N18.4', display: 'Chronic kidney disease, stage 4' }]) {
      const g = expectOutcome(pair(9.1, 140).condition({ ...c, onset: '2019-03-01' }), RULE, 'flagged');
      expect(g.summary).toMatch(/^Secondary hyperparathyroidism of kidney disease/);
      expect(g.handoutSections).toEqual(['parathyroid-kidney']);
    }
    expect(expectOutcome(pair(11.2, 140).condition({ icd10: 'Z99.2', display: 'Dependence on renal dialysis', onset: '2019-03-01' }), RULE, 'flagged').nextStep).toMatch(/^Kidney team/);
  });

  it('calcium upper boundary decides primary vs secondary: 10.5 mg/dL is normal, 10.51 is high (2.62 / 2.63 mmol/L)', () => {
    expect(expectOutcome(pair(10.5, 80), RULE, 'flagged').summary).toContain('secondary');
    expect(expectOutcome(pair(10.51, 80), RULE, 'flagged').summary).toContain('primary');
    const si = (ca: number) => patient().lab({ loinc: '2000-8', value: ca, unit: 'mmol/L', date: DAY }).lab({ loinc: '1751-7', value: 40, unit: 'g/L', date: DAY }).lab({ loinc: '2731-8', value: 80, unit: 'pg/mL', date: DAY });
    expect(expectOutcome(si(2.62), RULE, 'flagged').summary).toContain('secondary');
    expect(expectOutcome(si(2.63), RULE, 'flagged').summary).toContain('primary');
  });

  it('PTH boundary at the default upper limit: 65 pg/mL with normal calcium is not flagged, 65.1 is; also in pmol/L (× 9.43)', () => {
    expect(expectOutcome(pair(9.4, 65), RULE, 'not-flagged').summary).toBe('Calcium and PTH within range (PTH 65 pg/mL)');
    expectOutcome(pair(9.4, 65.1), RULE, 'flagged');
    const pmol = (v: number) => patient().lab({ loinc: '17861-6', value: 9.4, unit: 'mg/dL', date: DAY }).lab({ loinc: '2731-8', value: v, unit: 'pmol/L', date: DAY });
    expectOutcome(pmol(6.8), RULE, 'not-flagged'); // 64.1 pg/mL
    expectOutcome(pmol(7.0), RULE, 'flagged'); // 66.0 pg/mL
  });

  it("prefers the lab's own PTH range to the default, both ways", () => {
    expectOutcome(pair(9.4, 66, { low: 15, high: 68 }), RULE, 'not-flagged');
    expectOutcome(pair(9.4, 60, { low: 10, high: 55 }), RULE, 'flagged');
  });

  it('reads calcium corrected for albumin: a low total with low albumin is normal, so a high PTH is secondary with normal calcium', () => {
    const b = patient()
      .lab({ loinc: '17861-6', value: 7.9, unit: 'mg/dL', date: DAY })
      .lab({ loinc: '1751-7', value: 2.6, unit: 'g/dL', date: DAY })
      .lab({ loinc: '2731-8', value: 95, unit: 'pg/mL', date: DAY });
    expect(expectOutcome(b, RULE, 'flagged').summary).toContain('normal calcium with high PTH');
  });

  it('needs both: no PTH, or no calcium, is insufficient-data naming what is missing', () => {
    const noPth = expectOutcome(patient().lab({ loinc: '17861-6', value: 11.5, unit: 'mg/dL', date: DAY }), RULE, 'insufficient-data');
    expect(noPth.missing).toEqual(['no usable parathyroid hormone (PTH) result in the last 12 months; none on record']);
    expect(noPth.summary).toBe('Parathyroid pattern not assessable: no usable PTH in the last 12 months');
    const noCa = expectOutcome(patient().lab({ loinc: '2731-8', value: 120, unit: 'pg/mL', date: DAY }), RULE, 'insufficient-data');
    expect(noCa.missing).toEqual(['no usable calcium (total, albumin-corrected or ionised) result in the last 3 months; none on record']);
    expect(noCa.summary).toBe('Parathyroid pattern not assessable: no usable calcium in the last 3 months');
  });

  it('lookbacks: PTH within 12 months (2025-11-21 in, 2025-11-20 out), calcium within 3 months (2026-08-21 in, 2026-08-20 out)', () => {
    const b = (pthDate: string, caDate: string) => patient().lab({ loinc: '17861-6', value: 11.4, unit: 'mg/dL', date: caDate }).lab({ loinc: '2731-8', value: 90, unit: 'pg/mL', date: pthDate });
    expectOutcome(b('2025-11-21', '2026-08-21'), RULE, 'flagged');
    expect(expectOutcome(b('2025-11-20', '2026-08-21'), RULE, 'insufficient-data').missing).toEqual(['no usable parathyroid hormone (PTH) result in the last 12 months; last one 2025-11-20 (90 pg/mL)']);
    expect(expectOutcome(b('2025-11-21', '2026-08-20'), RULE, 'insufficient-data').missing).toEqual(['no usable calcium result in the last 3 months; last one 2026-08-20 (11.4 mg/dL)']);
  });

  it('refuses a PTH comparator and ignores a PTH entered in error', () => {
    expect(expectOutcome(pair(7.6, 3, { comparator: '<' }), RULE, 'insufficient-data').missing[0]).toContain('it is a bound, not a value');
    expectOutcome(pair(9.4, 30).lab({ loinc: '2731-8', value: 150, unit: 'pg/mL', date: '2026-11-01', status: 'entered-in-error' }), RULE, 'not-flagged');
  });

  it('is insufficient-data, not not-flagged, when the PTH source failed and the pair it has is normal', () => {
    const f = finding(runWithSources(pair(9.4, 30), { 'Observation:pth': { state: 'failed', reason: 'HTTP 503' } }), RULE);
    expect(f.outcome).toBe('insufficient-data');
    expect(f.missing).toEqual(['PTH results could not be read (HTTP 503): a newer result may be missing']);
    expect(f.summary).toBe('Parathyroid pattern not fully assessable: some laboratory results could not be read');
  });
});

describe('lab-parathyroid-calcium-axis with a broken PTH range (second round)', () => {
  it('ignores a PTH range far from the default when splitting the range in halves: PTH 40 with high calcium is high-normal against 10–65, whatever the lab range 400–900 says', () => {
    const b = new BundleBuilder({ gender: 'female', birthDate: '1955-05-05' })
      .lab({ id: 'ca', loinc: '17861-6', value: 11.0, unit: 'mg/dL', date: '2026-11-09' })
      .lab({ id: 'pth', loinc: '2731-8', value: 40, unit: 'pg/mL', low: 400, high: 900, date: '2026-11-09' });
    const f = expectOutcome(b, 'lab-parathyroid-calcium-axis', 'flagged');
    expect(f.summary).toBe('Pattern of primary hyperparathyroidism: high calcium with high-normal PTH (40 pg/mL)');
  });
});
