import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, finding, runWithSources, triggers } from '../../support/evaluate.js';

const RULE = 'redflag-nocturnal-hypoglycemia';
const patient = () => new BundleBuilder({ gender: 'male', birthDate: '1955-04-04' });
const onInsulin = () => patient().medicationRequest({ id: 'ins', text: 'Insulin Glargine 100 UNT/ML Pen Injector', date: '2026-01-10' });
const glucose = (b: BundleBuilder, value: number, unit = 'mg/dL', date = '2026-10-30') =>
  b.lab({ id: 'glu', loinc: unit === 'mg/dL' ? '2345-7' : '14749-6', value, unit, date });

describe(RULE, () => {
  it('fires on insulin with a glucose of 62 mg/dL: the drug and the glucose are the evidence', () => {
    const f = expectOutcome(glucose(onInsulin(), 62), RULE, 'flagged');
    expect(triggers(f)).toEqual([
      expect.objectContaining({ resourceType: 'MedicationRequest', id: 'ins' }),
      expect.objectContaining({ resourceType: 'Observation', id: 'glu', code: '2345-7', value: 62, unit: 'mg/dL', date: '2026-10-30' }),
    ]);
    expect(f.summary).toBe('On insulin with glucose 62 mg/dL on 2026-10-30 (ADA level 1): possible night-time hypoglycaemia');
    expect(f.urgency).toBe('prompt');
    expect(f.redFlag).toBe(true);
  });

  it('is urgent for ADA level 2 (below 54 mg/dL)', () => {
    expect(expectOutcome(glucose(onInsulin(), 48), RULE, 'flagged').urgency).toBe('urgent');
  });

  it('matches a sulfonylurea by RxNorm code in a MedicationStatement (glipizide 4821) with glucose in mmol/L', () => {
    const b = patient().medicationStatement({ id: 'su', rxnorm: '4821', status: 'active', date: '2026-06-01' });
    const f = expectOutcome(glucose(b, 3.6, 'mmol/L'), RULE, 'flagged');
    expect(f.summary).toContain('On glipizide with glucose 3.6 mmol/L');
  });

  it("glucose boundary is 'at or below': 70 mg/dL fires, 71 does not; 3.9 mmol/L fires (3.9 × 18.016 > 70), 4.0 does not", () => {
    expectOutcome(glucose(onInsulin(), 70), RULE, 'flagged');
    expect(expectOutcome(glucose(onInsulin(), 71), RULE, 'not-flagged').summary).toBe('On insulin, but glucose not low: 71 mg/dL on 2026-10-30');
    expectOutcome(glucose(onInsulin(), 3.9, 'mmol/L'), RULE, 'flagged');
    expectOutcome(glucose(onInsulin(), 4.0, 'mmol/L'), RULE, 'not-flagged');
  });

  it('is not-flagged without insulin or a sulfonylurea, even with a low glucose (lab-hypoglycemia reports that)', () => {
    const b = glucose(patient().medicationRequest({ text: 'metformin hydrochloride 500 MG Oral Tablet' }), 60);
    expect(expectOutcome(b, RULE, 'not-flagged').summary).toBe('No insulin or sulfonylurea in use');
    expectOutcome(b, 'lab-hypoglycemia', 'flagged');
  });

  it('does not count a stopped insulin order', () => {
    const b = glucose(patient().medicationRequest({ text: 'insulin lispro 100 UNT/ML', status: 'stopped', date: '2025-01-01' }), 60);
    expectOutcome(b, RULE, 'not-flagged');
  });

  it('is insufficient-data on insulin with no usable glucose, naming it', () => {
    const f = expectOutcome(onInsulin(), RULE, 'insufficient-data');
    expect(f.missing).toEqual(['no usable glucose (random or fasting) result in the last 12 months; none on record']);
    expect(f.summary).toBe('On insulin, but no usable glucose in the last 12 months to check for hypoglycaemia');
  });

  it('glucose lookback is 12 months: 2025-11-21 counts, 2025-11-20 does not', () => {
    expectOutcome(glucose(onInsulin(), 60, 'mg/dL', '2025-11-21'), RULE, 'flagged');
    expectOutcome(glucose(onInsulin(), 60, 'mg/dL', '2025-11-20'), RULE, 'insufficient-data');
  });

  it('ignores a glucose entered in error and refuses one given as a bound', () => {
    expectOutcome(glucose(onInsulin(), 95).lab({ loinc: '2345-7', value: 40, unit: 'mg/dL', date: '2026-11-01', status: 'entered-in-error' }), RULE, 'not-flagged');
    expectOutcome(onInsulin().lab({ loinc: '2345-7', value: 40, comparator: '<', unit: 'mg/dL', date: '2026-11-01' }), RULE, 'insufficient-data');
  });

  it('is insufficient-data when medications could not be read and the glucose is low; not-flagged when the glucose is normal', () => {
    const low = finding(runWithSources(glucose(patient(), 60), { MedicationStatement: { state: 'not-authorised' } }), RULE);
    expect(low.outcome).toBe('insufficient-data');
    expect(low.missing[0]).toContain('medications could not all be read, so insulin or a sulfonylurea cannot be ruled out (MedicationStatement: not authorised)');
    const normal = finding(runWithSources(glucose(patient(), 101), { MedicationStatement: { state: 'failed' } }), RULE);
    expect(normal.outcome).toBe('not-flagged');
    expect(normal.summary).toBe('Glucose not low: 101 mg/dL on 2026-10-30');
  });

  it('is insufficient-data on insulin when a glucose source failed and the glucose it has is normal', () => {
    const f = finding(runWithSources(glucose(onInsulin(), 101), { 'Observation:glucose-fasting': { state: 'failed', reason: 'HTTP 500' } }), RULE);
    expect(f.outcome).toBe('insufficient-data');
    expect(f.missing).toEqual(['fasting glucose results could not be read (HTTP 500): a newer result may be missing']);
  });
});
