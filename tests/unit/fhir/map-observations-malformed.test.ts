/**
 * Plausibility before rules (rule catalogue, second round: "Implausible values and malformed data
 * are unusable"): the Observation mapper refuses malformed dates, conflicting units, implausible
 * values and eGFRs that are not per 1.73 m², leaves out reference ranges that cannot be right, and
 * counts each in the mapping report (dataStatus).
 */
import { describe, expect, it } from 'vitest';
import { MappingReport } from '../../../src/fhir/mapping-report.js';
import { mapObservation } from '../../../src/fhir/map-observations.js';

const UCUM = 'http://unitsofmeasure.org';
const obs = (code: string, extra: Record<string, unknown>) => ({
  resourceType: 'Observation',
  id: 'o1',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code }] },
  effectiveDateTime: '2026-11-09T08:00:00Z',
  ...extra,
});
const quantity = (value: number, unit: string | undefined, code: string | undefined = unit) => ({ value, ...(unit ? { unit } : {}), ...(code ? { system: UCUM, code } : {}) });
const q = (value: number, unit: string, code: string = unit) => ({ valueQuantity: quantity(value, unit, code) });

function mapped(code: string, extra: Record<string, unknown>) {
  const report = new MappingReport();
  const m = mapObservation(obs(code, extra), report);
  if (m?.kind !== 'lab') throw new Error('not a lab');
  return { lab: m.lab, dropped: report.dropped };
}
const lab = (code: string, extra: Record<string, unknown>) => mapped(code, extra).lab;

describe('malformed dates', () => {
  it.each(['2026/11/20', '20261120', '2026-11-20 08:00', '20/11/2026', 'yesterday'])('a result dated %j is unusable (malformed-date), never placed on another day', (d) => {
    const { lab: r, dropped } = mapped('2823-3', { ...q(3.1, 'mmol/L'), effectiveDateTime: d });
    expect(r).toMatchObject({ usable: false, unusableReason: 'malformed-date', value: { value: 3.1, unit: 'mmol/L' } });
    expect(r.date).toBeUndefined();
    expect(dropped).toEqual({ 'Observation: result unusable: its date is not a FHIR date': 1 });
  });

  it('does not fall back to issued or a period start when the date that applies is malformed', () => {
    expect(lab('2823-3', { ...q(3.1, 'mmol/L'), effectiveDateTime: '2026/11/20', issued: '2026-11-21T09:00:00Z' })).toMatchObject({ unusableReason: 'malformed-date' });
    expect(lab('2823-3', { ...q(3.1, 'mmol/L'), effectiveDateTime: undefined, effectivePeriod: { start: '2026-11-01', end: '20261102' } })).toMatchObject({ unusableReason: 'malformed-date' });
    expect(lab('2823-3', { ...q(3.1, 'mmol/L'), effectiveDateTime: undefined, issued: '2026/11/21' })).toMatchObject({ unusableReason: 'malformed-date' });
    expect(lab('2823-3', { ...q(3.1, 'mmol/L'), effectiveDateTime: 20261120 })).toMatchObject({ unusableReason: 'malformed-date' });
  });

  it('a malformed issued does not matter when the effective date is good; partial dates and a time without zone are dates', () => {
    expect(lab('2823-3', { ...q(3.1, 'mmol/L'), issued: 'not a date' })).toMatchObject({ usable: true, date: '2026-11-09' });
    expect(lab('2823-3', { ...q(3.1, 'mmol/L'), effectiveDateTime: '2026-11' })).toMatchObject({ usable: true, date: '2026-11-01' });
    expect(lab('2823-3', { ...q(3.1, 'mmol/L'), effectiveDateTime: '2026-11-09T23:30:00' })).toMatchObject({ usable: true, date: '2026-11-09' });
  });

  it('a coded observation (EDD) with a malformed date or value date is unusable for the same reason', () => {
    const report = new MappingReport();
    const edd = mapObservation(obs('11778-8', { valueDateTime: '2027/01/16' }), report);
    expect(edd).toMatchObject({ kind: 'coded', coded: { usable: false, unusableReason: 'malformed-date' } });
    const status = mapObservation(obs('82810-3', { effectiveDateTime: '20261109', valueCodeableConcept: { coding: [{ system: 'http://loinc.org', code: 'LA15173-0' }] } }), report);
    expect(status).toMatchObject({ kind: 'coded', coded: { usable: false, unusableReason: 'malformed-date' } });
    expect(report.dropped).toEqual({ 'Observation: result unusable: its date is not a FHIR date': 2 });
  });
});

describe('unit code against unit text', () => {
  it('potassium with unit text mmol/L but UCUM code mg/dL is unusable, not 0.97 mmol/L', () => {
    const { lab: r, dropped } = mapped('2823-3', q(3.8, 'mmol/L', 'mg/dL'));
    expect(r).toMatchObject({ usable: false, unusableReason: 'unit-conflict', rawValueText: '3.8 mmol/L' });
    expect(r.canonical).toBeUndefined();
    expect(dropped).toEqual({ 'Observation: result unusable: its unit code and unit text disagree': 1 });
  });

  it.each([
    ['2823-3', 'mEq/L', 'meq/L'],
    ['3016-3', 'mIU/L', 'm[IU]/L'],
    ['2823-3', 'MMOL/L', 'mmol/l'],
    ['2951-2', 'mmol/L', 'mmol/L'],
  ])('%s: text %j and code %j are the same unit', (code, unit, ucum) => {
    expect(lab(code, q(code === '2951-2' ? 140 : 4, unit, ucum)).usable).toBe(true);
  });

  it('reads the code when the text is not a known unit, as before', () => {
    expect(lab('2823-3', q(3.8, 'millimoles per litre', 'mmol/L'))).toMatchObject({ usable: true, value: { value: 3.8, unit: 'mmol/L' } });
  });
});

describe('values a living person cannot have', () => {
  // [LOINC, unit, lowest plausible, highest plausible, just below, just above] in the catalogue's units.
  it.each([
    ['HbA1c', '4548-4', '%', 3, 20, 2.99, 20.01],
    ['potassium', '2823-3', 'mmol/L', 1.0, 10.0, 0.99, 10.01],
    ['sodium', '2951-2', 'mmol/L', 90, 200, 89.9, 200.1],
    ['magnesium', '19123-9', 'mg/dL', 0.2, 10, 0.19, 10.01],
    ['total calcium', '17861-6', 'mg/dL', 2, 20, 1.99, 20.01],
    ['glucose', '2345-7', 'mg/dL', 10, 2000, 9.9, 2000.1],
    ['eGFR', '62238-1', 'mL/min/{1.73_m2}', 1, 200, 0.9, 200.1],
    ['CK', '2157-6', 'U/L', 1, 500_000, 0.9, 500_001],
    ['platelets', '777-3', '10*3/uL', 1, 2000, 0.9, 2001],
  ] as const)('%s (%s, %s): %d and %d are plausible, %d and %d are not', (_name, code, unit, min, max, below, above) => {
    expect(lab(code, q(min, unit)).usable, `${min}`).toBe(true);
    expect(lab(code, q(max, unit)).usable, `${max}`).toBe(true);
    expect(lab(code, q(below, unit)), `${below}`).toMatchObject({ usable: false, unusableReason: 'implausible-value' });
    expect(lab(code, q(above, unit)), `${above}`).toMatchObject({ usable: false, unusableReason: 'implausible-value' });
  });

  it('compares after converting to the catalogue units', () => {
    // 0.55 mmol/L glucose = 9.9 mg/dL; 0.08 mmol/L magnesium = 0.19 mg/dL; 47 mmol/mol HbA1c is 6.45 %.
    expect(lab('15074-8', q(0.55, 'mmol/L'))).toMatchObject({ unusableReason: 'implausible-value' });
    expect(lab('15074-8', q(0.56, 'mmol/L')).usable).toBe(true);
    expect(lab('2601-3', q(0.08, 'mmol/L'))).toMatchObject({ unusableReason: 'implausible-value' });
    expect(lab('4548-4', q(47, 'mmol/mol')).usable).toBe(true);
    expect(lab('4548-4', q(5, 'mmol/mol'))).toMatchObject({ unusableReason: 'implausible-value' });
    expect(lab('777-3', q(500, '/uL'))).toMatchObject({ unusableReason: 'implausible-value' });
    expect(lab('777-3', q(150_000, '/uL')).usable).toBe(true);
  });

  it('counts each implausible value in the mapping report', () => {
    expect(mapped('2823-3', q(42, 'mmol/L')).dropped).toEqual({ 'Observation: result unusable: value not physiologically plausible': 1 });
  });
});

describe('eGFR per 1.73 m²', () => {
  it('an eGFR in mL/min is a clearance: unusable (not-per-body-surface)', () => {
    const { lab: r, dropped } = mapped('33914-3', q(45, 'mL/min'));
    expect(r).toMatchObject({ usable: false, unusableReason: 'not-per-body-surface', rawValueText: '45 mL/min' });
    expect(dropped).toEqual({ 'Observation: result unusable: eGFR not per 1.73 m² (a clearance)': 1 });
    expect(lab('33914-3', q(45, 'mL/min/{1.73_m2}'))).toMatchObject({ usable: true, value: { value: 45, unit: 'mL/min/1.73m2' } });
  });
});

describe('reference ranges that cannot be right', () => {
  const withRange = (range: Record<string, unknown>, extra: Record<string, unknown> = {}) => mapped('2823-3', { ...q(3.3, 'mmol/L'), referenceRange: [range], ...extra });

  it('an inverted range is left out, with what and why, and its flag with it', () => {
    const { lab: r, dropped } = withRange({ low: quantity(5.1, 'mmol/L'), high: quantity(3.5, 'mmol/L') }, { interpretation: [{ coding: [{ code: 'N' }] }] });
    expect(r.usable).toBe(true);
    expect(r.referenceRange).toBeUndefined();
    expect(r.interpretation).toEqual([]);
    expect(r.ignoredRange).toEqual({ range: '5.1–3.5 mmol/L', why: 'its lower limit is above its upper limit; its flag N was not used either' });
    expect(dropped).toEqual({ 'Observation: reference range ignored: it cannot be right (inverted, negative or conflicting units)': 1 });
  });

  it('a range with a negative limit is left out', () => {
    expect(withRange({ low: quantity(-1, 'mmol/L'), high: quantity(5.1, 'mmol/L') }).lab.ignoredRange).toEqual({ range: '-1–5.1 mmol/L', why: 'a limit is negative' });
  });

  it("a range whose bound's unit code and text disagree is left out", () => {
    expect(withRange({ low: quantity(3.5, 'mmol/L', 'mg/dL'), high: quantity(5.1, 'mmol/L') }).lab.ignoredRange).toEqual({ range: '3.5–5.1 mmol/L', why: 'its unit code and unit text disagree' });
  });

  it('inverted is judged after converting: 13.7 mg/dL–5.1 mmol/L is a proper range (3.50–5.1 mmol/L)', () => {
    const r = withRange({ low: quantity(13.7, 'mg/dL'), high: quantity(5.1, 'mmol/L') }).lab;
    expect(r.ignoredRange).toBeUndefined();
    expect(r.referenceRange).toEqual({ low: { value: 13.7, unit: 'mg/dL' }, high: { value: 5.1, unit: 'mmol/L' } });
  });

  it('keeps a sound range (a bound without a unit is in the value unit) and its flag, and counts nothing', () => {
    const { lab: r, dropped } = withRange({ low: { value: 3.5 }, high: quantity(5.1, 'mmol/L') }, { interpretation: [{ coding: [{ code: 'L' }] }] });
    expect(r.referenceRange).toEqual({ low: { value: 3.5, unit: 'mmol/L' }, high: { value: 5.1, unit: 'mmol/L' } });
    expect(r.interpretation).toEqual(['L']);
    expect(r.ignoredRange).toBeUndefined();
    expect(dropped).toEqual({});
  });
});
