import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, finding, runWithSources, triggers } from '../../support/evaluate.js';

const RULE = 'lab-low-sodium';
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1944-01-20' });
const na = (value: number, unit = 'mmol/L', extra: Record<string, unknown> = {}) => patient().lab({ id: 'na', loinc: '2951-2', value, unit, date: '2026-11-03', ...extra });

describe(RULE, () => {
  it('flags 131 mmol/L with the result as evidence', () => {
    const f = expectOutcome(na(131), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'na', code: '2951-2', value: 131, unit: 'mmol/L', date: '2026-11-03', note: 'below 135 mmol/L' })]);
    expect(f.summary).toBe('Low sodium: 131 mmol/L on 2026-11-03');
    expect(f.grade).toBe('C');
  });

  it('never tells the patient to drink more water', () => {
    const f = expectOutcome(na(131), RULE, 'flagged');
    const sentences = `${f.summary}. ${f.detail} ${f.nextStep}`.toLowerCase().split(/[.:]\s/);
    const aboutWater = sentences.filter((s) => /drink|water|fluid/.test(s));
    expect(aboutWater.length).toBeGreaterThan(0);
    for (const s of aboutWater) expect(s, s).toMatch(/\bnot\b|worse|review/);
    expect(f.handoutSections).toEqual(['low-sodium']);
  });

  it('boundary at the default: 135 is not low, 134.9 is, in mmol/L and mEq/L', () => {
    expectOutcome(na(135), RULE, 'not-flagged');
    expectOutcome(na(134.9), RULE, 'flagged');
    expectOutcome(na(135, 'mEq/L'), RULE, 'not-flagged');
    expectOutcome(na(134.9, 'meq/L'), RULE, 'flagged');
  });

  it('reads whole-blood sodium (2947-0), as Synthea sends it', () => {
    expectOutcome(patient().lab({ loinc: '2947-0', value: 129.6, unit: 'mmol/L', date: '2026-10-30' }), RULE, 'flagged');
  });

  it("prefers the lab's own lower limit to the default, both ways", () => {
    expectOutcome(na(134, 'mmol/L', { low: 133, high: 145 }), RULE, 'not-flagged');
    expectOutcome(na(135.5, 'mmol/L', { low: 136, high: 145 }), RULE, 'flagged');
  });

  it('uses an interpretation code alone when there is no range', () => {
    expectOutcome(na(136, 'mmol/L', { interpretation: 'L' }), RULE, 'flagged');
    expectOutcome(na(134, 'mmol/L', { interpretation: 'N' }), RULE, 'not-flagged');
  });

  it('refuses a comparator, a text value and an unknown unit', () => {
    expect(expectOutcome(na(120, 'mmol/L', { comparator: '<' }), RULE, 'insufficient-data').missing[0]).toContain('it is a bound, not a value');
    expectOutcome(patient().lab({ loinc: '2951-2', valueString: 'lipaemic', date: '2026-11-03' }), RULE, 'insufficient-data');
    expect(expectOutcome(na(131, 'mg/dL'), RULE, 'insufficient-data').missing[0]).toContain('its unit is not one the app can convert');
  });

  it('uses only results within 3 months: 2026-08-21 counts, 2026-08-20 is stale', () => {
    expectOutcome(patient().lab({ loinc: '2951-2', value: 130, unit: 'mmol/L', date: '2026-08-21' }), RULE, 'flagged');
    const stale = expectOutcome(patient().lab({ loinc: '2951-2', value: 130, unit: 'mmol/L', date: '2026-08-20' }), RULE, 'insufficient-data');
    expect(stale.missing).toEqual(['no usable sodium result in the last 3 months; last one 2026-08-20 (130 mmol/L)']);
  });

  it('ignores a newer result entered in error', () => {
    const b = patient().lab({ loinc: '2951-2', value: 139, unit: 'mmol/L', date: '2026-10-01' }).lab({ loinc: '2951-2', value: 122, unit: 'mmol/L', date: '2026-11-12', status: 'entered-in-error' });
    expectOutcome(b, RULE, 'not-flagged');
  });

  it('is insufficient-data when the sodium source failed, and says so when there is none', () => {
    const f = finding(runWithSources(na(140), { 'Observation:sodium': { state: 'truncated' } }), RULE);
    expect(f.outcome).toBe('insufficient-data');
    expect(f.missing).toEqual(['sodium results only partly read (truncated): a newer result may be missing']);
    expect(expectOutcome(patient(), RULE, 'insufficient-data').missing).toEqual(['no usable sodium result in the last 3 months; none on record']);
  });
});
