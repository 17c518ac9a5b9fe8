import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeMedicationCases, staleAndUnidentifiedMedicationCases } from './medication-rule-cases.js';

const RULE = 'med-teriparatide';
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1947-04-04' });

describe(RULE, () => {
  it('flags teriparatide injection, grade B/C, citing AAFP', () => {
    const f = expectOutcome(patient().medicationRequest({ id: 't', text: 'teriparatide 0.25 MG/ML Injectable Solution', date: '2026-08-08' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 't', value: 'active', date: '2026-08-08' })]);
    expect(f.summary).toBe('On teriparatide: listed among drugs linked to leg cramps');
    expect(f.grade).toBe('B/C');
    expect(f.citations.map((c) => c.key)).toEqual(['S1']);
  });

  it('matches ATC H05AA02 alone and the Forteo brand in a statement with a contained Medication', () => {
    expect(triggers(expectOutcome(patient().medicationRequest({ atc: 'H05AA02' }), RULE, 'flagged'))[0]).toMatchObject({ code: 'H05AA02' });
    expectOutcome(patient().medicationStatement({ via: 'contained', text: 'Forteo pen', date: '2026-09-01' }), RULE, 'flagged');
  });

  it('does not flag abaloparatide, denosumab or raloxifene', () => {
    expectOutcome(patient().medicationRequest({ text: 'Abaloparatide 80 MCG' }).medicationRequest({ text: 'Denosumab 60 MG' }).medicationRequest({ text: 'Raloxifene 60 MG' }), RULE, 'not-flagged');
  });

  it('points out teriparatide started within 12 months before the first cramp complaint (SNOMED 55300003)', () => {
    const b = patient().medicationRequest({ text: 'Teriparatide 20 MCG', date: '2026-03-01' }).condition({ snomed: '55300003', display: 'Cramp', onset: '2026-05-01' });
    expect(expectOutcome(b, RULE, 'flagged').detail).toContain('teriparatide was first recorded on 2026-03-01, within 12 months before the first recorded cramp complaint (2026-05-01)');
  });

  activeMedicationCases(RULE, { text: 'Teriparatide 20 MCG/DOSE Pen Injector' });

  staleAndUnidentifiedMedicationCases(RULE, { text: 'Teriparatide 20 MCG/DOSE Pen Injector' });
});
