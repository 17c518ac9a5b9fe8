import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeMedicationCases, staleAndUnidentifiedMedicationCases } from './medication-rule-cases.js';

const RULE = 'med-lithium';
const patient = () => new BundleBuilder({ gender: 'male', birthDate: '1975-09-09' });

describe(RULE, () => {
  it('flags lithium carbonate, grade C, with a prescriber-review next step', () => {
    const f = expectOutcome(patient().medicationRequest({ id: 'li', text: 'Lithium Carbonate 300 MG Oral Capsule', date: '2026-06-06' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'li', display: 'Lithium Carbonate 300 MG Oral Capsule', value: 'active', date: '2026-06-06' })]);
    expect(f.summary).toBe('On lithium: a possible cramp contributor (low-grade evidence)');
    expect(f.grade).toBe('C');
    expect(f.citations.map((c) => c.key)).toEqual(['S31']);
    expect(f.nextStep).toMatch(/do not change lithium for cramps alone/);
  });

  it('matches ATC N05AN01 alone, the Lithobid brand, and lithium citrate in a statement', () => {
    expect(triggers(expectOutcome(patient().medicationRequest({ atc: 'N05AN01' }), RULE, 'flagged'))[0]).toMatchObject({ code: 'N05AN01' });
    expectOutcome(patient().medicationRequest({ via: 'contained', text: 'Lithobid 300 mg ER' }), RULE, 'flagged');
    expectOutcome(patient().medicationStatement({ text: 'Lithium citrate 8 mEq/5 mL oral solution', date: '2026-11-01' }), RULE, 'flagged');
  });

  it('does not flag other mood stabilisers', () => {
    expectOutcome(patient().medicationRequest({ text: 'Valproic acid 250 MG' }).medicationRequest({ text: 'Lamotrigine 100 MG' }), RULE, 'not-flagged');
  });

  activeMedicationCases(RULE, { text: 'Lithium Carbonate 300 MG Oral Capsule' });

  staleAndUnidentifiedMedicationCases(RULE, { text: 'Lithium Carbonate 300 MG Oral Capsule' });
});
