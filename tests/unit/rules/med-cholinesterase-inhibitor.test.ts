import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeMedicationCases, staleAndUnidentifiedMedicationCases } from './medication-rule-cases.js';

const RULE = 'med-cholinesterase-inhibitor';
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1938-01-01' });

describe(RULE, () => {
  it('flags donepezil (RxNorm 997223), grade C, citing the fasciculation review', () => {
    const f = expectOutcome(patient().medicationRequest({ id: 'd', rxnorm: '997223', rxnormDisplay: 'Donepezil hydrochloride 10 MG Oral Tablet', date: '2026-04-01' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'd', code: '997223', value: 'active', date: '2026-04-01' })]);
    expect(f.summary).toBe('On a cholinesterase inhibitor (donepezil): can cause muscle twitching or cramps (low-grade evidence)');
    expect(f.grade).toBe('C');
    expect(f.citations.map((c) => c.key)).toEqual(['S30']);
  });

  it.each([
    ['135447', 'donepezil'],
    ['998582', 'donepezil'],
    ['1599803', 'donepezil'],
    ['313185', 'tacrine'],
    ['310436', 'galantamine'],
  ])('flags RxNorm %s (%s) by code alone', (rxnorm, drug) => {
    expect(expectOutcome(patient().medicationRequest({ rxnorm }), RULE, 'flagged').summary).toContain(`(${drug})`);
  });

  it('matches neostigmine by ATC N07AA01, pyridostigmine by the Mestinon brand, rivastigmine patch in a statement, Namzaric', () => {
    expect(expectOutcome(patient().medicationRequest({ atc: 'N07AA01' }), RULE, 'flagged').summary).toContain('neostigmine');
    expectOutcome(patient().medicationRequest({ via: 'reference', text: 'Mestinon 60 mg' }), RULE, 'flagged');
    expectOutcome(patient().medicationStatement({ text: 'Rivastigmine 9.5 MG/24HR Transdermal System', date: '2026-10-01' }), RULE, 'flagged');
    expectOutcome(patient().medicationRequest({ text: 'Namzaric 28/10' }), RULE, 'flagged');
  });

  it('does not flag memantine alone', () => {
    expectOutcome(patient().medicationRequest({ text: 'Memantine hydrochloride 10 MG Oral Tablet' }), RULE, 'not-flagged');
  });

  activeMedicationCases(RULE, { text: 'Galantamine 8 MG Oral Tablet' });

  staleAndUnidentifiedMedicationCases(RULE, { text: 'Galantamine 8 MG Oral Tablet' });
});
