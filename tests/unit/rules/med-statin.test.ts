import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeMedicationCases, staleAndUnidentifiedMedicationCases } from './medication-rule-cases.js';

const RULE = 'med-statin';
const patient = () => new BundleBuilder({ gender: 'male', birthDate: '1955-07-19' });

describe(RULE, () => {
  it('flags the misspelled "Simvistatin 10 MG" by its RxNorm code 316672, naming simvastatin, grade B', () => {
    const f = expectOutcome(patient().medicationRequest({ id: 's', rxnorm: '316672', rxnormDisplay: 'Simvistatin 10 MG', date: '2026-01-20' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 's', code: '316672', display: 'Simvistatin 10 MG', value: 'active', date: '2026-01-20' })]);
    expect(f.summary).toBe('On a statin (simvastatin): a small but significant link to night cramps');
    expect(f.grade).toBe('B');
    expect(f.citations.map((c) => c.key)).toEqual(['S3', 'S23']);
    expect(f.nextStep).toMatch(/CK/);
  });

  it('also matches the misspelling as text only, and atorvastatin by ATC C10AA05 and by the Lipitor brand', () => {
    expectOutcome(patient().medicationStatement({ text: 'Simvistatin 10 MG', date: '2026-03-03' }), RULE, 'flagged');
    expect(expectOutcome(patient().medicationRequest({ atc: 'C10AA05' }), RULE, 'flagged').summary).toContain('atorvastatin');
    expectOutcome(patient().medicationRequest({ via: 'reference', text: 'Lipitor 40 mg' }), RULE, 'flagged');
    expect(expectOutcome(patient().medicationRequest({ rxnorm: '36567' }), RULE, 'flagged').summary).toContain('simvastatin');
  });

  it('matches statin combinations: Vytorin by name and a C10BA code alone', () => {
    expect(expectOutcome(patient().medicationRequest({ text: 'Vytorin 10/40' }), RULE, 'flagged').summary).toContain('simvastatin');
    expectOutcome(patient().medicationRequest({ atc: 'C10BA02' }), RULE, 'flagged');
  });

  it('does not flag ezetimibe alone or the look-alike nystatin', () => {
    expectOutcome(patient().medicationRequest({ text: 'Ezetimibe 10 MG' }).medicationRequest({ text: 'Nystatin 100000 UNT/ML Oral Suspension' }), RULE, 'not-flagged');
  });

  it('points out a statin first recorded within 12 months before the first cramp complaint, but not a long-standing one', () => {
    const b = (start: string) => patient().medicationRequest({ text: 'Atorvastatin 20 MG', date: start }).condition({ icd10: 'G47.62', onset: '2026-09-01' });
    expect(expectOutcome(b('2026-02-01'), RULE, 'flagged').detail).toContain('within 12 months before the first recorded cramp complaint (2026-09-01)');
    // A long-standing order counts only with a sign of use in the last 15 months (here a dispense).
    const longStanding = b('2019-02-01').medicationDispense({ text: 'Atorvastatin 20 MG', date: '2026-10-01' });
    expect(expectOutcome(longStanding, RULE, 'flagged').detail).toContain('more than 12 months before');
  });

  activeMedicationCases(RULE, { text: 'Rosuvastatin 10 MG Oral Tablet' });

  staleAndUnidentifiedMedicationCases(RULE, { text: 'Rosuvastatin 10 MG Oral Tablet' });
});
