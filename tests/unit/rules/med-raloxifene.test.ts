import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeMedicationCases, staleAndUnidentifiedMedicationCases } from './medication-rule-cases.js';

const RULE = 'med-raloxifene';
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1951-02-02' });

describe(RULE, () => {
  it('flags raloxifene, grade B/C, citing AAFP and the boxed clot warning, with a DVT-exclusion next step', () => {
    const f = expectOutcome(patient().medicationRequest({ id: 'r', text: 'Raloxifene Hydrochloride 60 MG Oral Tablet', date: '2026-05-05' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'r', display: 'Raloxifene Hydrochloride 60 MG Oral Tablet', value: 'active', date: '2026-05-05' })]);
    expect(f.summary).toBe('On raloxifene: linked to leg cramps; boxed warning for blood clots');
    expect(f.grade).toBe('B/C');
    expect(f.citations.map((c) => c.key)).toEqual(['S1', 'S29b']);
    expect(f.nextStep).toMatch(/persistent one-sided calf pain.*DVT excluded/);
  });

  it('matches ATC G03XC01 alone and the Evista brand in a statement', () => {
    expect(triggers(expectOutcome(patient().medicationRequest({ atc: 'G03XC01' }), RULE, 'flagged'))[0]).toMatchObject({ code: 'G03XC01' });
    expectOutcome(patient().medicationStatement({ via: 'reference', text: 'Evista 60 mg', date: '2026-09-01' }), RULE, 'flagged');
  });

  it('does not flag other osteoporosis drugs or an osteoporosis diagnosis on its own', () => {
    expectOutcome(patient().medicationRequest({ text: 'Alendronate 70 MG' }).medicationRequest({ text: 'Teriparatide 20 MCG' }).condition({ icd10: 'M81.0', display: 'Age-related osteoporosis' }), RULE, 'not-flagged');
  });

  activeMedicationCases(RULE, { text: 'Raloxifene 60 MG Oral Tablet' });

  staleAndUnidentifiedMedicationCases(RULE, { text: 'Raloxifene 60 MG Oral Tablet' });
});
