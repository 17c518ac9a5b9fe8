import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, finding, runWithSources, triggers } from '../../support/evaluate.js';

const RULE = 'gap-diuretic-without-electrolytes';
const patient = () => new BundleBuilder({ gender: 'male', birthDate: '1951-04-04' });
const onSpironolactone = () => patient().medicationRequest({ id: 'm1', text: 'spironolactone 25 MG Oral Tablet', date: '2026-05-25' });
const k = (b: BundleBuilder, date = '2026-06-01', extra: Record<string, unknown> = {}) => b.lab({ id: 'k', loinc: '2823-3', value: 4.1, unit: 'mmol/L', date, ...extra });
const mg = (b: BundleBuilder, date = '2026-11-09', extra: Record<string, unknown> = {}) => b.lab({ id: 'mg', loinc: '2601-3', value: 0.62, unit: 'mmol/L', date, ...extra });

describe(RULE, () => {
  it('flags spironolactone with magnesium but no potassium, naming the missing test (example e01)', () => {
    const f = expectOutcome(mg(onSpironolactone()), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ resourceType: 'MedicationRequest', id: 'm1', display: 'spironolactone 25 MG Oral Tablet', value: 'active' })]);
    expect(f.summary).toBe('On spironolactone with no potassium result in the last 12 months: suggest testing');
    expect(f.detail).toMatch(/^no usable potassium result in the last 12 months; none on record\./);
    expect(f.redFlag).toBe(false);
    expect(f.grade).toBe('B');
    expect(f.urgency).toBeUndefined();
  });

  it('names both tests when both are missing', () => {
    const f = expectOutcome(patient().medicationRequest({ text: 'Furosemide 40 MG Oral Tablet' }), RULE, 'flagged');
    expect(f.summary).toBe('On furosemide with no potassium or magnesium result in the last 12 months: suggest testing');
  });

  it('is not-flagged when both were tested within 12 months', () => {
    const f = expectOutcome(k(mg(onSpironolactone())), RULE, 'not-flagged');
    expect(f.summary).toBe('On spironolactone: the electrolytes it needs were tested in the last 12 months');
    expect(f.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'k', role: 'checked' }), expect.objectContaining({ id: 'mg', role: 'checked' })]));
  });

  it('uses a 12-month window: potassium on 2025-11-21 counts, on 2025-11-20 does not (boundary), and says when the last one was', () => {
    expectOutcome(k(mg(onSpironolactone()), '2025-11-21'), RULE, 'not-flagged');
    const f = expectOutcome(k(mg(onSpironolactone()), '2025-11-20'), RULE, 'flagged');
    expect(f.detail).toContain('no usable potassium result in the last 12 months; last one 2025-11-20 (4.1 mmol/L)');
    expect(f.evidence).toContainEqual(expect.objectContaining({ id: 'k', role: 'unusable', date: '2025-11-20' }));
  });

  it('accepts other codes and units: potassium in mEq/L and in blood (6298-4), magnesium in mg/dL (19123-9)', () => {
    const b = onSpironolactone().lab({ loinc: '6298-4', value: 4.0, unit: 'mEq/L', date: '2026-01-10' }).lab({ loinc: '19123-9', value: 2.0, unit: 'mg/dL', date: '2026-01-10' });
    expectOutcome(b, RULE, 'not-flagged');
  });

  it('counts a result it cannot use as missing (text value), and shows it as unusable', () => {
    const f = expectOutcome(mg(onSpironolactone()).lab({ id: 'kx', loinc: '2823-3', valueString: 'haemolysed', date: '2026-10-01' }), RULE, 'flagged');
    expect(f.evidence).toContainEqual(expect.objectContaining({ id: 'kx', role: 'unusable' }));
    expect(f.detail).toContain('"haemolysed" of 2026-10-01 cannot be used');
  });

  it('asks only for potassium with acetazolamide (knowledge base A4: K and bicarbonate)', () => {
    expectOutcome(k(patient().medicationRequest({ text: 'acetazolamide 250 MG Oral Tablet' })), RULE, 'not-flagged');
    const f = expectOutcome(mg(patient().medicationRequest({ atc: 'S01EC01' })), RULE, 'flagged');
    expect(f.summary).toBe('On acetazolamide with no potassium result in the last 12 months: suggest testing');
  });

  it('reads diuretics by brand code, ATC and combination brand name, including a MedicationStatement', () => {
    expectOutcome(mg(patient().medicationStatement({ rxnorm: '315971', text: 'Lasix 40mg', status: 'active', date: '2026-02-01' })), RULE, 'flagged');
    expectOutcome(mg(patient().medicationRequest({ atc: 'C03AA03' })), RULE, 'flagged');
    expectOutcome(mg(patient().medicationRequest({ via: 'reference', text: 'Triampur compositum tablets' })), RULE, 'flagged');
  });

  it('is not-flagged without an active diuretic (stopped, entered in error, or none at all)', () => {
    expect(expectOutcome(patient(), RULE, 'not-flagged').summary).toBe('No diuretic in use');
    expectOutcome(patient().medicationRequest({ text: 'Furosemide 40 MG', status: 'stopped', date: '2024-01-01' }), RULE, 'not-flagged');
    expectOutcome(patient().medicationRequest({ text: 'Furosemide 40 MG', status: 'entered-in-error' }), RULE, 'not-flagged');
  });

  it('is insufficient-data, never flagged or not-flagged, when the potassium source could not be read', () => {
    const f = finding(runWithSources(mg(onSpironolactone()), { 'Observation:potassium': { state: 'failed', reason: 'HTTP 503' } }), RULE);
    expect(f.outcome).toBe('insufficient-data');
    expect(f.missing).toEqual(['potassium results could not be read (HTTP 503)']);
    expect(f.summary).toBe('On spironolactone: could not check whether electrolytes were tested (results not fully read)');
    // A result that was read is there even if the source was cut short.
    expect(finding(runWithSources(k(mg(onSpironolactone())), { 'Observation:potassium': { state: 'truncated' } }), RULE).outcome).toBe('not-flagged');
  });

  it('with medications unreadable: not-flagged if both tests exist, insufficient-data if one is missing', () => {
    const failed = { MedicationRequest: { state: 'failed' as const, reason: 'timeout' } };
    expect(finding(runWithSources(k(mg(patient())), failed), RULE).outcome).toBe('not-flagged');
    const f = finding(runWithSources(mg(patient()), failed), RULE);
    expect(f.outcome).toBe('insufficient-data');
    expect(f.summary).toBe('Diuretic use could not be checked: medications not fully read');
  });
});
