/**
 * Observation mapping: every LOINC code per analyte, explicit unit conversion, values refused
 * rather than guessed, the lab's own range and interpretation carried through.
 */
import { describe, expect, it } from 'vitest';
import { ANALYTES, type AnalyteId } from '../../../rules/codes/labs.js';
import { MappingReport } from '../../../src/fhir/mapping-report.js';
import { mapObservation } from '../../../src/fhir/map-observations.js';

const loinc = 'http://loinc.org';
const obs = (code: string, extra: Record<string, unknown>) => ({
  resourceType: 'Observation',
  id: 'o1',
  status: 'final',
  code: { coding: [{ system: loinc, code }] },
  effectiveDateTime: '2026-11-09T08:00:00Z',
  ...extra,
});
const q = (value: number, unit: string, code: string | null = unit) => ({ valueQuantity: { value, unit, ...(code ? { system: 'http://unitsofmeasure.org', code } : {}) } });

function lab(code: string, extra: Record<string, unknown>) {
  const m = mapObservation(obs(code, extra), new MappingReport());
  if (m?.kind !== 'lab') throw new Error('not a lab');
  return m.lab;
}

describe('mapObservation', () => {
  it('recognises every LOINC code the knowledge base lists for each analyte', () => {
    for (const [id, def] of Object.entries(ANALYTES)) {
      for (const c of def.loinc) expect(mapObservation(obs(c.code, q(1, 'mg/dL')), new MappingReport()), `${id} ${c.code}`).toMatchObject({ kind: 'lab', lab: { analyte: id } });
    }
  });

  it('skips observations the rules do not need', () => {
    expect(mapObservation(obs('8867-4', q(72, '/min')), new MappingReport())).toBeUndefined();
  });

  it.each([
    ['19123-9', 2.1, 'mg/dL', 'magnesium', 2.1],
    ['2601-3', 0.7, 'mmol/L', 'magnesium', 1.7017],
    ['2601-3', 1.4, 'mEq/L', 'magnesium', 1.7017],
    ['2601-3', 1.4, 'meq/L', 'magnesium', 1.7017],
    ['17861-6', 2.2, 'mmol/L', 'calcium-total', 8.8176],
    ['1995-0', 4.5, 'mg/dL', 'calcium-ionised', 1.12275],
    ['22760-3', 13.7, 'mg/dL', 'potassium', 3.504],
    ['2823-3', 3.4, 'mEq/L', 'potassium', 3.4],
    ['15074-8', 3.9, 'mmol/L', 'glucose', 70.2624],
    ['4548-4', 48, 'mmol/mol', 'hba1c', 6.542],
    ['3016-3', 2.5, 'u[IU]/mL', 'tsh', 2.5],
    ['14635-7', 50, 'nmol/L', 'vitamin-d', 20.032],
    ['33914-3', 45, 'mL/min/{1.73_m2}', 'egfr', 45],
    ['2157-6', 3, 'ukat/L', 'ck', 180],
    ['777-3', 250000, '/uL', 'platelets', 250],
    ['1751-7', 35, 'g/L', 'albumin', 3.5],
  ] as const)('converts %s %d %s to the canonical unit of %s', (code, value, unit, analyte, canonical) => {
    const r = lab(code, q(value, unit));
    expect(r.analyte).toBe(analyte as AnalyteId);
    expect(r.usable).toBe(true);
    expect(r.canonical!.value).toBeCloseTo(canonical, 3);
  });

  it('reads the unit from the text when the UCUM code is absent, and refuses an unknown unit', () => {
    expect(lab('2601-3', q(0.6, 'mmol/l', null))).toMatchObject({ usable: true, value: { value: 0.6, unit: 'mmol/L' } });
    expect(lab('2601-3', q(0.6, 'furlongs', null))).toMatchObject({ usable: false, unusableReason: 'unknown-unit', rawValueText: '0.6 furlongs' });
    expect(lab('2601-3', { valueQuantity: { value: 0.6 } })).toMatchObject({ usable: false, unusableReason: 'missing-unit' });
  });

  it('refuses a unit that does not belong to the analyte (mmol/mol is only for HbA1c)', () => {
    expect(lab('2601-3', q(0.6, 'mmol/mol'))).toMatchObject({ usable: false, unusableReason: 'unknown-unit' });
  });

  it('refuses comparators and text values instead of guessing', () => {
    expect(lab('2601-3', { valueQuantity: { value: 0.5, comparator: '<', unit: 'mmol/L', code: 'mmol/L' } })).toMatchObject({ usable: false, unusableReason: 'comparator', rawValueText: '<0.5 mmol/L' });
    expect(lab('2601-3', { valueString: '<0.5' })).toMatchObject({ usable: false, unusableReason: 'value-string', rawValueText: '<0.5' });
    expect(lab('2601-3', { dataAbsentReason: { text: 'haemolysed' } })).toMatchObject({ usable: false, unusableReason: 'no-value' });
  });

  it('refuses physiologically impossible values (a unit error, not a result)', () => {
    expect(lab('2823-3', q(39, 'mmol/L'))).toMatchObject({ usable: false, unusableReason: 'implausible-value' });
    expect(lab('2823-3', q(-1, 'mmol/L'))).toMatchObject({ usable: false, unusableReason: 'implausible-value' });
  });

  it('uses preliminary, final, amended and corrected results only', () => {
    for (const status of ['preliminary', 'final', 'amended', 'corrected']) expect(lab('2601-3', { ...q(0.8, 'mmol/L'), status }).usable).toBe(true);
    for (const status of ['registered', 'cancelled', 'entered-in-error', 'unknown']) expect(lab('2601-3', { ...q(0.8, 'mmol/L'), status })).toMatchObject({ usable: false, unusableReason: 'status-not-usable' });
  });

  it('takes the date from effectiveDateTime, effectivePeriod or issued, and refuses an undated result', () => {
    expect(lab('2601-3', { ...q(0.8, 'mmol/L'), effectiveDateTime: undefined, effectivePeriod: { start: '2026-01-02T10:00:00+05:00' } }).date).toBe('2026-01-02');
    expect(lab('2601-3', { ...q(0.8, 'mmol/L'), effectiveDateTime: undefined, issued: '2026-01-03T00:00:00Z' }).date).toBe('2026-01-03');
    expect(lab('2601-3', { ...q(0.8, 'mmol/L'), effectiveDateTime: undefined })).toMatchObject({ usable: false, unusableReason: 'no-date' });
    expect(lab('2601-3', { ...q(0.8, 'mmol/L'), effectiveDateTime: 'yesterday' })).toMatchObject({ usable: false, unusableReason: 'malformed-date' });
  });

  it("keeps the lab's reference range (a bound without a unit is in the value's unit) and interpretation", () => {
    const r = lab('19123-9', { ...q(1.6, 'mg/dL'), referenceRange: [{ low: { value: 1.5 }, high: { value: 2.5, unit: 'mg/dL' } }], interpretation: [{ coding: [{ code: 'n' }] }, { text: 'Low' }] });
    expect(r.referenceRange).toEqual({ low: { value: 1.5, unit: 'mg/dL' }, high: { value: 2.5, unit: 'mg/dL' } });
    expect(r.interpretation).toEqual(['N', 'L']);
  });

  it('maps pregnancy status, EDD and gestational age as coded observations', () => {
    const status = mapObservation(obs('82810-3', { valueCodeableConcept: { coding: [{ system: loinc, code: 'LA15173-0', display: 'Pregnant' }] } }), new MappingReport());
    expect(status).toMatchObject({ kind: 'coded', coded: { kind: 'pregnancy-status', usable: true, valueCodings: [{ code: 'LA15173-0' }] } });
    const edd = mapObservation(obs('11778-8', { valueDateTime: '2027-01-16' }), new MappingReport());
    expect(edd).toMatchObject({ kind: 'coded', coded: { kind: 'edd', valueDate: '2027-01-16', usable: true } });
    const ga = mapObservation(obs('11884-4', { valueQuantity: { value: 32, unit: 'wk' } }), new MappingReport());
    expect(ga).toMatchObject({ kind: 'coded', coded: { kind: 'gestational-age', valueQuantity: { value: 32, unit: 'wk' } } });
  });
});
