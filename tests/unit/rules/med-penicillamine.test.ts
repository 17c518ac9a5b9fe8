import { describe, expect, it } from 'vitest';
import { rule } from '../../../rules/definitions/med-penicillamine.js';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeMedicationCases, staleAndUnidentifiedMedicationCases } from './medication-rule-cases.js';

const RULE = 'med-penicillamine';
const patient = () => new BundleBuilder({ gender: 'male', birthDate: '1980-06-06' });

describe(RULE, () => {
  it('flags penicillamine as a possible, unconfirmed contributor, grade C', () => {
    const f = expectOutcome(patient().medicationRequest({ id: 'p', text: 'Penicillamine 250 MG Oral Tablet', date: '2026-07-07' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'p', display: 'Penicillamine 250 MG Oral Tablet', value: 'active', date: '2026-07-07' })]);
    expect(f.summary).toBe('On penicillamine: a possible, unconfirmed cramp contributor');
    expect(f.grade).toBe('C');
    expect(rule.evidenceStatement).toMatch(/lay article/);
    expect(f.nextStep).toMatch(/CK/);
  });

  it('matches ATC M01CC01 alone and the Cuprimine brand in a statement', () => {
    expect(triggers(expectOutcome(patient().medicationRequest({ atc: 'M01CC01' }), RULE, 'flagged'))[0]).toMatchObject({ code: 'M01CC01' });
    expectOutcome(patient().medicationStatement({ via: 'contained', text: 'Cuprimine 250 mg capsule', date: '2026-10-01' }), RULE, 'flagged');
  });

  it('does not flag penicillin antibiotics (look-alike names)', () => {
    expectOutcome(patient().medicationRequest({ text: 'Penicillin V Potassium 500 MG' }).medicationRequest({ text: 'Amoxicillin 500 MG' }), RULE, 'not-flagged');
  });

  activeMedicationCases(RULE, { text: 'Penicillamine 250 MG Oral Capsule' });

  staleAndUnidentifiedMedicationCases(RULE, { text: 'Penicillamine 250 MG Oral Capsule' });
});
