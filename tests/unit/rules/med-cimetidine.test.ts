import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeMedicationCases, staleAndUnidentifiedMedicationCases } from './medication-rule-cases.js';

const RULE = 'med-cimetidine';
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1960-02-29' });

describe(RULE, () => {
  it('flags cimetidine, grade C, citing BMJ 1995', () => {
    const f = expectOutcome(patient().medicationStatement({ id: 'c', text: 'Cimetidine 400 MG Oral Tablet', date: '2026-10-10' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ resourceType: 'MedicationStatement', id: 'c', value: 'active', date: '2026-10-10' })]);
    expect(f.summary).toBe('On cimetidine: a possible cramp contributor (low-grade evidence)');
    expect(f.grade).toBe('C');
    expect(f.citations.map((c) => c.key)).toEqual(['S24']);
  });

  it('matches ATC A02BA01 alone and the Tagamet brand by reference', () => {
    expect(triggers(expectOutcome(patient().medicationRequest({ atc: 'A02BA01' }), RULE, 'flagged'))[0]).toMatchObject({ code: 'A02BA01' });
    expectOutcome(patient().medicationRequest({ via: 'reference', text: 'Tagamet HB 200' }), RULE, 'flagged');
  });

  it('does not flag other H2 blockers or proton-pump inhibitors', () => {
    expectOutcome(patient().medicationRequest({ text: 'Famotidine 20 MG' }).medicationRequest({ atc: 'A02BA03' }).medicationRequest({ text: 'Omeprazole 20 MG' }), RULE, 'not-flagged');
  });

  activeMedicationCases(RULE, { text: 'Cimetidine 400 MG Oral Tablet' });

  staleAndUnidentifiedMedicationCases(RULE, { text: 'Cimetidine 400 MG Oral Tablet' });
});
