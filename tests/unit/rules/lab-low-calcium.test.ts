import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, finding, runWithSources, triggers } from '../../support/evaluate.js';

const RULE = 'lab-low-calcium';
const DAY = '2026-11-09';
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1950-02-01' });
/** Synthea's encoding: calcium 49765-1 in mg/dL, albumin 1751-7 in g/dL. */
const caAlb = (ca: number, alb: number, extra: { caDate?: string; albDate?: string } = {}) =>
  patient()
    .lab({ id: 'ca', loinc: '49765-1', value: ca, unit: 'mg/dL', date: extra.caDate ?? DAY })
    .lab({ id: 'alb', loinc: '1751-7', value: alb, unit: 'g/dL', date: extra.albDate ?? DAY });

describe(RULE, () => {
  it('flags a low albumin-corrected calcium, showing the calcium, the albumin and the corrected value', () => {
    const f = expectOutcome(caAlb(7.5, 3.5), RULE, 'flagged');
    expect(triggers(f)).toEqual([
      expect.objectContaining({ resourceType: 'Observation', id: 'ca', code: '49765-1', value: 7.5, unit: 'mg/dL', date: DAY }),
      expect.objectContaining({ resourceType: 'Observation', id: 'alb', code: '1751-7', value: 3.5, unit: 'g/dL', date: DAY }),
    ]);
    expect(triggers(f)[0]!.note).toContain('albumin-corrected 7.9 mg/dL = Ca + 0.8 × (4 − albumin g/dL) with albumin 3.5 g/dL');
    expect(triggers(f)[0]!.note).toContain('below 8.5 mg/dL');
    expect(f.summary).toBe('Low calcium: albumin-corrected calcium 7.9 mg/dL (measured 7.5 mg/dL, albumin 3.5 g/dL) on 2026-11-09');
    expect(f.grade).toBe('B/C');
    expect(f.citations.map((c) => c.key)).toEqual(['S14', 'S7']);
  });

  it('does not call a low total calcium low once a low albumin corrects it (7.8 with albumin 2.5 → 9.0), even if the lab flagged the total L', () => {
    const b = patient()
      .lab({ id: 'ca', loinc: '17861-6', value: 7.8, unit: 'mg/dL', date: DAY, interpretation: 'L' })
      .lab({ id: 'alb', loinc: '1751-7', value: 2.5, unit: 'g/dL', date: DAY });
    const f = expectOutcome(b, RULE, 'not-flagged');
    expect(f.summary).toBe('Calcium not low: albumin-corrected calcium 9 mg/dL (measured 7.8 mg/dL, albumin 2.5 g/dL) on 2026-11-09');
    expect(f.evidence.map((e) => [e.id, e.role])).toEqual([['ca', 'checked'], ['alb', 'checked']]);
  });

  it('never corrects downward: a normal calcium of 8.85 mg/dL with albumin 5.3 g/dL stays 8.85 and is not low (second round)', () => {
    const f = expectOutcome(caAlb(8.85, 5.3), RULE, 'not-flagged');
    expect(f.summary).toBe('Calcium not low: calcium 8.85 mg/dL (albumin 5.3 g/dL: not corrected, only a low albumin is corrected for) on 2026-11-09');
    expect(f.evidence).toEqual([
      expect.objectContaining({ id: 'ca', role: 'checked', value: 8.85, note: expect.stringContaining('albumin 5.3 g/dL of 2026-11-09 is not below 4.0 g/dL (40 g/L): the correction is only applied upward') }),
      expect.objectContaining({ id: 'alb', role: 'checked', note: expect.stringContaining('used as measured') }),
    ]);
  });

  it('corrects below 4.0 g/dL only: albumin 3.99 corrects, 4.0 (and 40 g/L) leaves the calcium as measured', () => {
    expect(expectOutcome(caAlb(8.45, 3.9), RULE, 'not-flagged').summary).toContain('albumin-corrected calcium 8.53 mg/dL');
    expect(expectOutcome(caAlb(8.45, 3.99), RULE, 'flagged').summary).toContain('albumin-corrected calcium 8.46 mg/dL');
    expect(expectOutcome(caAlb(8.45, 4.0), RULE, 'flagged').summary).toBe('Low calcium: calcium 8.45 mg/dL (albumin 4 g/dL: not corrected, only a low albumin is corrected for) on 2026-11-09');
    const si = patient().lab({ id: 'ca', loinc: '2000-8', value: 2.1, unit: 'mmol/L', date: DAY }).lab({ id: 'alb', loinc: '1751-7', value: 40, unit: 'g/L', date: DAY });
    expect(expectOutcome(si, RULE, 'flagged').summary).toContain('not corrected, only a low albumin is corrected for');
  });

  it('calls the estimate unreliable and asks for ionised calcium when albumin is below 2.5 g/dL; 2.5 is not', () => {
    const f = expectOutcome(caAlb(6.0, 2.4), RULE, 'flagged'); // 6.0 + 1.28 = 7.28
    expect(f.summary).toBe('Low calcium, unreliable estimate: albumin-corrected calcium 7.28 mg/dL (measured 6 mg/dL, albumin 2.4 g/dL) on 2026-11-09');
    expect(f.detail).toContain('the estimate is unreliable: measure ionised calcium');
    expect(triggers(f)[0]!.note).toContain('unreliable estimate; measure ionised calcium');
    expect(expectOutcome(caAlb(6.0, 2.5), RULE, 'flagged').summary).toMatch(/^Low calcium: albumin-corrected/);
  });

  it('corrected total boundary: 8.5 mg/dL is not low, 8.49 is; 2.12 mmol/L is not, 2.11 is; 4.24 mEq/L is not, 4.23 is', () => {
    expectOutcome(caAlb(8.5, 4.0), RULE, 'not-flagged');
    expectOutcome(caAlb(8.49, 4.0), RULE, 'flagged');
    const si = (ca: number, unit = 'mmol/L') => patient().lab({ loinc: '2000-8', value: ca, unit, date: DAY }).lab({ loinc: '1751-7', value: 40, unit: 'g/L', date: DAY });
    expectOutcome(si(2.12), RULE, 'not-flagged');
    expectOutcome(si(2.11), RULE, 'flagged');
    expectOutcome(si(4.24, 'meq/L'), RULE, 'not-flagged');
    expectOutcome(si(4.23, 'meq/L'), RULE, 'flagged');
  });

  it('uses the SI form of the correction for a calcium in mmol/L: 2.00 + 0.02 × (40 − 30 g/L) = 2.20 is normal, with 35 g/L 2.10 is low', () => {
    const si = (alb: number) => patient().lab({ id: 'ca', loinc: '2000-8', value: 2.0, unit: 'mmol/L', date: DAY }).lab({ loinc: '1751-7', value: alb, unit: 'g/L', date: DAY });
    expect(expectOutcome(si(30), RULE, 'not-flagged').summary).toContain('albumin-corrected calcium 2.2 mmol/L');
    const f = expectOutcome(si(35), RULE, 'flagged');
    expect(triggers(f)[0]!.note).toContain('Ca + 0.02 × (40 − albumin g/L)');
  });

  it('prefers a low measured ionised calcium over a normal corrected total', () => {
    const b = caAlb(9.2, 4.0).lab({ id: 'ion', loinc: '1995-0', value: 1.05, unit: 'mmol/L', date: DAY });
    const f = expectOutcome(b, RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'ion', code: '1995-0', value: 1.05, unit: 'mmol/L' })]);
    expect(f.evidence.find((e) => e.id === 'ca')).toMatchObject({ role: 'checked', note: expect.stringContaining('ionised calcium is preferred') });
    expect(f.summary).toBe('Low calcium: ionised calcium 1.05 mmol/L on 2026-11-09');
  });

  it('prefers a normal measured ionised calcium over a low uncorrected total of the same week', () => {
    const b = patient()
      .lab({ id: 'ca', loinc: '17861-6', value: 7.9, unit: 'mg/dL', date: DAY })
      .lab({ id: 'ion', loinc: '1994-3', value: 1.2, unit: 'mmol/L', date: '2026-11-05' });
    expect(expectOutcome(b, RULE, 'not-flagged').summary).toBe('Calcium not low: ionised calcium 1.2 mmol/L on 2026-11-05');
  });

  it('lets a total calcium drawn more than 7 days after the ionised one decide', () => {
    const b = caAlb(7.9, 4.0, { caDate: '2026-11-09', albDate: '2026-11-09' }).lab({ id: 'ion', loinc: '1995-0', value: 1.2, unit: 'mmol/L', date: '2026-11-01' });
    const f = expectOutcome(b, RULE, 'flagged');
    expect(f.evidence.find((e) => e.id === 'ion')).toMatchObject({ role: 'checked', note: expect.stringContaining('more than 7 days after') });
    const sameWeek = caAlb(7.9, 4.0).lab({ loinc: '1995-0', value: 1.2, unit: 'mmol/L', date: '2026-11-02' });
    expectOutcome(sameWeek, RULE, 'not-flagged');
  });

  it('ionised boundary: 1.12 mmol/L is not low, 1.11 is; 4.5 mg/dL (17864-0) is not, 4.49 is', () => {
    const ion = (value: number, unit: string, loinc = '1995-0') => patient().lab({ loinc, value, unit, date: DAY });
    expectOutcome(ion(1.12, 'mmol/L'), RULE, 'not-flagged');
    expectOutcome(ion(1.11, 'mmol/L'), RULE, 'flagged');
    expectOutcome(ion(4.5, 'mg/dL', '17864-0'), RULE, 'not-flagged');
    expectOutcome(ion(4.49, 'mg/dL', '17864-0'), RULE, 'flagged');
  });

  it('uses a corrected calcium the lab reported (29265-6) as it is, over a same-day total', () => {
    const b = patient()
      .lab({ id: 'corr', loinc: '29265-6', value: 2.05, unit: 'mmol/L', date: DAY })
      .lab({ id: 'ca', loinc: '2000-8', value: 2.3, unit: 'mmol/L', date: DAY });
    const f = expectOutcome(b, RULE, 'flagged');
    expect(triggers(f).map((e) => e.id)).toEqual(['corr']);
    expect(f.summary).toBe('Low calcium: corrected calcium 2.05 mmol/L (corrected by the lab) on 2026-11-09');
  });

  it('uses a total calcium without albumin uncorrected, and says so', () => {
    const f = expectOutcome(patient().lab({ id: 'ca', loinc: '17861-6', value: 8.2, unit: 'mg/dL', date: DAY }), RULE, 'flagged');
    expect(f.summary).toBe('Low calcium: calcium 8.2 mg/dL (not corrected for albumin) on 2026-11-09');
    expect(triggers(f)[0]!.note).toContain('not corrected for albumin (no usable albumin within 7 days of it)');
    expect(f.detail).toContain('could not be corrected for albumin');
  });

  it('pairs albumin drawn up to 7 days from the calcium, not 8', () => {
    expect(expectOutcome(caAlb(7.8, 2.5, { albDate: '2026-11-02' }), RULE, 'not-flagged').summary).toContain('albumin-corrected');
    expect(expectOutcome(caAlb(7.8, 2.5, { albDate: '2026-11-16' }), RULE, 'not-flagged').summary).toContain('albumin-corrected');
    expect(expectOutcome(caAlb(7.8, 2.5, { albDate: '2026-11-01' }), RULE, 'flagged').summary).toContain('not corrected for albumin');
  });

  it("prefers the lab's own lower limit to the default, both ways", () => {
    const withRange = (ca: number, low: number) => patient().lab({ loinc: '17861-6', value: ca, unit: 'mg/dL', date: DAY, low, high: 10.4 }).lab({ loinc: '1751-7', value: 4.0, unit: 'g/dL', date: DAY });
    expectOutcome(withRange(8.6, 8.8), RULE, 'flagged');
    const f = expectOutcome(withRange(8.3, 8.1), RULE, 'not-flagged');
    expect(f.evidence[0]!.note).toContain("within the lab's lower limit 8.1 mg/dL");
  });

  it('reads an interpretation code when there is no range (ionised flagged L at 1.15)', () => {
    expectOutcome(patient().lab({ loinc: '1995-0', value: 1.15, unit: 'mmol/L', date: DAY, interpretation: 'L' }), RULE, 'flagged');
    expectOutcome(patient().lab({ loinc: '1995-0', value: 1.1, unit: 'mmol/L', date: DAY, interpretation: 'N' }), RULE, 'not-flagged');
  });

  it('refuses a comparator and a text value (insufficient-data, saying why)', () => {
    const lt = expectOutcome(patient().lab({ loinc: '17861-6', value: 5, unit: 'mg/dL', comparator: '<', date: DAY }), RULE, 'insufficient-data');
    expect(lt.missing).toEqual(['no usable calcium result in the last 3 months; the result "<5 mg/dL" of 2026-11-09 cannot be used: it is a bound, not a value']);
    const text = expectOutcome(patient().lab({ loinc: '1995-0', valueString: 'clotted', date: DAY }), RULE, 'insufficient-data');
    expect(text.missing.join(' ')).toContain('"clotted"');
  });

  it('uses only results within 3 months: 2026-08-21 counts, 2026-08-20 is stale and named', () => {
    expectOutcome(caAlb(7.9, 4.0, { caDate: '2026-08-21', albDate: '2026-08-21' }), RULE, 'flagged');
    const stale = expectOutcome(caAlb(7.9, 4.0, { caDate: '2026-08-20', albDate: '2026-08-20' }), RULE, 'insufficient-data');
    expect(stale.missing).toEqual(['no usable calcium result in the last 3 months; last one 2026-08-20 (7.9 mg/dL)']);
    expect(stale.summary).toBe('No usable calcium result (total, corrected or ionised) in the last 3 months');
  });

  it('ignores results entered in error, cancelled or only registered', () => {
    for (const status of ['entered-in-error', 'cancelled', 'registered']) {
      const b = caAlb(9.4, 4.0, { caDate: '2026-10-01', albDate: '2026-10-01' }).lab({ loinc: '1995-0', value: 0.8, unit: 'mmol/L', date: DAY, status });
      expectOutcome(b, RULE, 'not-flagged');
    }
  });

  it('says what is missing when there is no calcium at all', () => {
    const f = expectOutcome(patient(), RULE, 'insufficient-data');
    expect(f.missing).toEqual(['no usable calcium (total, albumin-corrected or ionised) result in the last 3 months; none on record']);
  });

  it('is insufficient-data, never not-flagged, when a calcium source failed and what it has is normal', () => {
    const f = finding(runWithSources(caAlb(9.4, 4.0), { 'Observation:calcium-ionised': { state: 'failed', reason: 'HTTP 503' } }), RULE);
    expect(f.outcome).toBe('insufficient-data');
    expect(f.missing).toEqual(['ionised calcium results could not be read (HTTP 503): a newer or preferred calcium result may be missing']);
    expect(f.summary).toBe('Calcium could not be fully checked: some laboratory results could not be read');
  });

  it('flags on what it has when a source failed, and is insufficient when the albumin could not be read for a normal total', () => {
    expect(finding(runWithSources(caAlb(7.5, 4.0), { 'Observation:calcium-ionised': { state: 'not-authorised' } }), RULE).outcome).toBe('flagged');
    const none = finding(runWithSources(patient(), { 'Observation:calcium-total': { state: 'not-authorised' } }), RULE);
    expect(none.missing).toEqual(['calcium results not authorised']);
    expect(none.summary).toBe('Calcium could not be fully checked: some laboratory results could not be read');
    const normal = patient().lab({ loinc: '17861-6', value: 9.3, unit: 'mg/dL', date: DAY });
    const f = finding(runWithSources(normal, { 'Observation:albumin': { state: 'failed', reason: 'timeout' } }), RULE);
    expect(f.outcome).toBe('insufficient-data');
    expect(f.missing).toEqual(['albumin results could not be read (timeout), so the calcium could not be corrected for albumin']);
  });
});
