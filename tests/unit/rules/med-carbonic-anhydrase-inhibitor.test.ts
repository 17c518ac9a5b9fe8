import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeMedicationCases, staleAndUnidentifiedMedicationCases } from './medication-rule-cases.js';

const RULE = 'med-carbonic-anhydrase-inhibitor';
const patient = () => new BundleBuilder({ gender: 'male', birthDate: '1960-01-20' });

describe(RULE, () => {
  it('flags acetazolamide as grade C, with the order as evidence and a next step to check potassium and bicarbonate', () => {
    const f = expectOutcome(patient().medicationRequest({ id: 'a', text: 'Acetazolamide 250 MG Oral Tablet', date: '2026-09-09' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'a', display: 'Acetazolamide 250 MG Oral Tablet', value: 'active', date: '2026-09-09' })]);
    expect(f.summary).toBe('On a carbonic anhydrase inhibitor (acetazolamide): a possible cramp contributor (low-grade evidence)');
    expect(f.grade).toBe('C');
    expect(f.nextStep).toMatch(/potassium and bicarbonate/);
  });

  it('matches ATC S01EC01 (filed under ophthalmologicals even for tablets), the lay name Diacarb, and methazolamide', () => {
    expect(triggers(expectOutcome(patient().medicationRequest({ atc: 'S01EC01' }), RULE, 'flagged'))[0]).toMatchObject({ code: 'S01EC01', system: 'http://www.whocc.no/atc' });
    expectOutcome(patient().medicationStatement({ text: 'Diacarb 250 mg', date: '2026-10-01' }), RULE, 'flagged');
    expectOutcome(patient().medicationRequest({ via: 'reference', text: 'Methazolamide 50 MG Oral Tablet' }), RULE, 'flagged');
  });

  it('does not flag dorzolamide or brinzolamide eye drops', () => {
    expectOutcome(patient().medicationRequest({ text: 'Dorzolamide 2% ophthalmic solution' }).medicationRequest({ atc: 'S01EC03' }).medicationRequest({ atc: 'S01EC04' }), RULE, 'not-flagged');
  });

  it('shows a low potassium beside it, never changing the outcome', () => {
    const f = expectOutcome(patient().medicationRequest({ text: 'Acetazolamide 250 MG' }).lab({ id: 'k', loinc: '6298-4', value: 3.2, unit: 'mmol/L', date: '2026-11-20' }), RULE, 'flagged');
    expect(f.evidence).toContainEqual(expect.objectContaining({ id: 'k', role: 'supporting', value: 3.2 }));
    expect(f.detail).toContain('low potassium 3.2 mmol/L');
  });

  activeMedicationCases(RULE, { text: 'Acetazolamide 250 MG Oral Tablet' });

  staleAndUnidentifiedMedicationCases(RULE, { text: 'Acetazolamide 250 MG Oral Tablet' });
});
