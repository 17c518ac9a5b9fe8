import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeMedicationCases, staleAndUnidentifiedMedicationCases } from './medication-rule-cases.js';

const RULE = 'med-aminocaproic-acid';
const patient = () => new BundleBuilder({ gender: 'male', birthDate: '1958-12-12' });

describe(RULE, () => {
  it('flags aminocaproic acid with a CK next step for weakness or dark urine, grade C', () => {
    const f = expectOutcome(patient().medicationRequest({ id: 'a', text: 'Aminocaproic Acid 500 MG Oral Tablet', date: '2026-11-10' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'a', value: 'active', date: '2026-11-10' })]);
    expect(f.summary).toBe('On aminocaproic acid: a possible cramp contributor; ask about weakness and dark urine');
    expect(f.grade).toBe('C');
    expect(f.nextStep).toMatch(/CK.*weakness or dark urine/);
  });

  it('matches the verified ATC B02AA01 alone, and an infusion of Amicar given within 90 days', () => {
    expect(triggers(expectOutcome(patient().medicationRequest({ atc: 'B02AA01' }), RULE, 'flagged'))[0]).toMatchObject({ code: 'B02AA01', system: 'http://www.whocc.no/atc' });
    expectOutcome(patient().medicationAdministration({ via: 'contained', text: 'Amicar 5 g IV', date: '2026-10-30' }), RULE, 'flagged');
  });

  it('does not flag the other antifibrinolytic, tranexamic acid', () => {
    expectOutcome(patient().medicationRequest({ text: 'Tranexamic Acid 650 MG Oral Tablet' }).medicationRequest({ atc: 'B02AA02' }), RULE, 'not-flagged');
  });

  activeMedicationCases(RULE, { text: 'Aminocaproic Acid 250 MG/ML Injectable Solution' });

  staleAndUnidentifiedMedicationCases(RULE, { text: 'Aminocaproic Acid 250 MG/ML Injectable Solution' });
});
