import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, runWithSources, finding, triggers } from '../../support/evaluate.js';
import { activeMedicationCases, staleAndUnidentifiedMedicationCases } from './medication-rule-cases.js';

const RULE = 'med-potassium-sparing-diuretic';
const patient = () => new BundleBuilder({ gender: 'male', birthDate: '1950-03-01' });

describe(RULE, () => {
  it('flags an active spironolactone order named only in free text, with the order as evidence', () => {
    const f = expectOutcome(patient().medicationRequest({ id: 'm1', text: 'spironolactone 25 MG Oral Tablet', date: '2026-05-25' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([
      expect.objectContaining({ resourceType: 'MedicationRequest', id: 'm1', display: 'spironolactone 25 MG Oral Tablet', value: 'active', date: '2026-05-25' }),
    ]);
    expect(f.summary).toContain('spironolactone');
    expect(f.grade).toBe('A');
    expect(f.citations.map((c) => c.key)).toContain('S3');
  });

  it('matches the verified RxNorm ingredient code 9997 with no text at all', () => {
    const f = expectOutcome(patient().medicationRequest({ rxnorm: '9997' }), RULE, 'flagged');
    expect(triggers(f)[0]).toMatchObject({ code: '9997', system: 'http://www.nlm.nih.gov/research/umls/rxnorm' });
  });

  it('matches eplerenone by ATC code and amiloride by ATC C03DB01', () => {
    expectOutcome(patient().medicationRequest({ atc: 'C03DA04' }), RULE, 'flagged');
    expectOutcome(patient().medicationRequest({ atc: 'C03DB01' }), RULE, 'flagged');
  });

  it('matches the brand Triampur (triamterene + hydrochlorothiazide) as both potassium-sparing and thiazide', () => {
    const b = patient().medicationRequest({ text: 'Triampur compositum tablets' });
    expectOutcome(b, RULE, 'flagged');
    expectOutcome(b, 'med-thiazide-diuretic', 'flagged');
  });

  it('reads a MedicationStatement with a contained Medication (alternate encoding)', () => {
    expectOutcome(patient().medicationStatement({ via: 'contained', text: 'Aldactone 50 mg', status: 'active', date: '2026-01-10' }), RULE, 'flagged');
  });

  it('reads a medicationReference to a separate Medication in the bundle', () => {
    expectOutcome(patient().medicationRequest({ via: 'reference', rxnorm: '298869', text: 'eplerenone 25 MG Oral Tablet' }), RULE, 'flagged');
  });

  it('does not flag a stopped order, and shows it as checked', () => {
    const f = expectOutcome(patient().medicationRequest({ id: 'old', text: 'spironolactone 25 MG', status: 'stopped', date: '2024-01-01' }), RULE, 'not-flagged');
    expect(f.evidence).toEqual([expect.objectContaining({ id: 'old', role: 'checked' })]);
  });

  it('does not flag an order entered in error, a draft or a cancelled one', () => {
    for (const status of ['entered-in-error', 'draft', 'cancelled']) {
      expectOutcome(patient().medicationRequest({ text: 'spironolactone 25 MG', status }), RULE, 'not-flagged');
    }
  });

  it('does not flag an order the prescriber marked doNotPerform', () => {
    expectOutcome(patient().medicationRequest({ text: 'spironolactone 25 MG', doNotPerform: true }), RULE, 'not-flagged');
  });

  it('counts a completed order when a dispense is within 90 days, and not at 91 days (boundary)', () => {
    const base = () => patient().medicationRequest({ text: 'spironolactone 25 MG', status: 'completed', date: '2025-01-01' });
    expectOutcome(base().medicationDispense({ text: 'spironolactone 25 MG', date: '2026-08-23' }), RULE, 'flagged'); // 90 days before 2026-11-21
    expectOutcome(base().medicationDispense({ text: 'spironolactone 25 MG', date: '2026-08-22' }), RULE, 'not-flagged'); // 91 days
  });

  it('counts a completed MedicationStatement whose period ended within 90 days', () => {
    expectOutcome(patient().medicationStatement({ text: 'spironolactone', status: 'completed', date: '2026-01-01', periodEnd: '2026-10-01' }), RULE, 'flagged');
    expectOutcome(patient().medicationStatement({ text: 'spironolactone', status: 'completed', date: '2025-01-01', periodEnd: '2025-06-01' }), RULE, 'not-flagged');
  });

  it('does not mistake other diuretics or look-alike names for a potassium-sparing one', () => {
    expectOutcome(patient().medicationRequest({ text: 'Furosemide 40 MG Oral Tablet' }).medicationRequest({ text: 'Hydrochlorothiazide 25 MG' }), RULE, 'not-flagged');
  });

  it('is not-flagged with no medications at all in a complete export', () => {
    expectOutcome(patient(), RULE, 'not-flagged');
  });

  it('shows low magnesium beside it as supporting evidence without changing the outcome', () => {
    const f = expectOutcome(patient().medicationRequest({ text: 'Spironolactone 25 MG' }).lab({ id: 'mg', loinc: '2601-3', value: 0.6, unit: 'mmol/L', date: '2026-11-01' }), RULE, 'flagged');
    expect(f.evidence).toContainEqual(expect.objectContaining({ id: 'mg', role: 'supporting', value: 0.6, unit: 'mmol/L' }));
    expect(f.detail).toContain('low magnesium 0.6 mmol/L (2026-11-01)');
  });

  it('points out a drug first recorded within 12 months before the first cramp complaint (G47.62)', () => {
    const b = patient().medicationRequest({ text: 'Spironolactone 25 MG', date: '2026-03-01' }).condition({ icd10: 'G47.62', onset: '2026-06-10' });
    expect(expectOutcome(b, RULE, 'flagged').detail).toContain('spironolactone was first recorded on 2026-03-01, within 12 months before the first recorded cramp complaint (2026-06-10)');
  });

  it('cannot rule it out when the statements could not be read', () => {
    const f = finding(runWithSources(patient(), { MedicationStatement: { state: 'not-authorised', reason: 'HTTP 403' } }), RULE);
    expect(f.outcome).toBe('insufficient-data');
    expect(f.missing.join(' ')).toContain('MedicationStatement: not authorised (HTTP 403)');
  });

  activeMedicationCases(RULE, { text: 'Spironolactone 25 MG Oral Tablet' });

  staleAndUnidentifiedMedicationCases(RULE, { text: 'Spironolactone 25 MG Oral Tablet' });
});
