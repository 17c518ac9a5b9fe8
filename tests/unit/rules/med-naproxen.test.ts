import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeMedicationCases, staleAndUnidentifiedMedicationCases } from './medication-rule-cases.js';

const RULE = 'med-naproxen';
const patient = () => new BundleBuilder({ gender: 'male', birthDate: '1962-10-10' });

describe(RULE, () => {
  it('flags over-the-counter naproxen sodium reported in a MedicationStatement (RxNorm 849574), grade B/C', () => {
    const f = expectOutcome(patient().medicationStatement({ id: 'otc', rxnorm: '849574', rxnormDisplay: 'Naproxen sodium 220 MG Oral Tablet', date: '2026-10-15' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ resourceType: 'MedicationStatement', id: 'otc', code: '849574', value: 'active', date: '2026-10-15' })]);
    expect(f.summary).toBe('Takes naproxen: listed among drugs linked to leg cramps');
    expect(f.grade).toBe('B/C');
    expect(f.nextStep).toMatch(/NSAID/);
  });

  it('matches ATC M01AE02 alone, the Aleve brand, and the Vimovo combination', () => {
    expect(triggers(expectOutcome(patient().medicationRequest({ atc: 'M01AE02' }), RULE, 'flagged'))[0]).toMatchObject({ code: 'M01AE02' });
    expectOutcome(patient().medicationStatement({ text: 'Aleve 220 mg', date: '2026-11-01' }), RULE, 'flagged');
    expectOutcome(patient().medicationRequest({ rxnorm: '7258' }), RULE, 'flagged');
    expectOutcome(patient().medicationRequest({ via: 'reference', text: 'Vimovo 500/20' }), RULE, 'flagged');
  });

  it('does not flag other NSAIDs', () => {
    expectOutcome(patient().medicationRequest({ text: 'Ibuprofen 400 MG' }).medicationRequest({ text: 'Celecoxib 200 MG' }).medicationRequest({ atc: 'M01AE01' }), RULE, 'not-flagged');
  });

  activeMedicationCases(RULE, { text: 'Naproxen 500 MG Oral Tablet' });

  staleAndUnidentifiedMedicationCases(RULE, { text: 'Naproxen 500 MG Oral Tablet' });
});
