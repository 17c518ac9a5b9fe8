import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeMedicationCases, staleAndUnidentifiedMedicationCases } from './medication-rule-cases.js';

const RULE = 'med-systemic-corticosteroid';
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1956-01-31' });

describe(RULE, () => {
  it('flags prednisone (RxNorm 312617), grade C', () => {
    const f = expectOutcome(patient().medicationRequest({ id: 'pred', rxnorm: '312617', rxnormDisplay: 'predniSONE 5 MG Oral Tablet', date: '2026-10-01' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'pred', code: '312617', display: 'predniSONE 5 MG Oral Tablet', value: 'active', date: '2026-10-01' })]);
    expect(f.summary).toBe('On a systemic corticosteroid (prednisone): a possible cramp contributor (low-grade evidence)');
    expect(f.grade).toBe('C');
    expect(f.nextStep).toMatch(/do not stop long-term steroids abruptly/);
  });

  it('does not flag hydrocortisone topical cream (RxNorm 106258) or a fluticasone inhaler alone (RxNorm 895994)', () => {
    const f = expectOutcome(
      patient()
        .medicationRequest({ rxnorm: '106258', rxnormDisplay: 'Hydrocortisone 10 MG/ML Topical Cream' })
        .medicationRequest({ rxnorm: '895994', rxnormDisplay: '120 ACTUAT Fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler' }),
      RULE,
      'not-flagged',
    );
    expect(f.evidence).toEqual([]);
    expectOutcome(patient().medicationRequest({ text: 'Hydrocortisone 10 MG/ML Topical Cream' }), RULE, 'not-flagged');
  });

  it('tells systemic from local use of the same drug by form or route', () => {
    expect(expectOutcome(patient().medicationRequest({ text: 'Hydrocortisone 10 MG Oral Tablet' }), RULE, 'flagged').summary).toContain('hydrocortisone');
    expectOutcome(patient().medicationRequest({ text: 'Hydrocortisone 1%', route: 'Topical route' }), RULE, 'not-flagged');
    expectOutcome(patient().medicationRequest({ text: 'Budesonide 0.5 MG/ML Inhalation Suspension' }), RULE, 'not-flagged');
    expectOutcome(patient().medicationRequest({ text: 'Prednisolone acetate 1% ophthalmic suspension' }), RULE, 'not-flagged');
  });

  it('matches methylprednisolone by ATC H02AB04, a dexamethasone injection given within 90 days, Medrol by reference', () => {
    expect(expectOutcome(patient().medicationRequest({ atc: 'H02AB04' }), RULE, 'flagged').summary).toContain('methylprednisolone');
    expectOutcome(patient().medicationAdministration({ text: 'Dexamethasone 4 MG/ML Injectable Solution', date: '2026-11-02' }), RULE, 'flagged');
    expectOutcome(patient().medicationRequest({ via: 'reference', text: 'Medrol 4 mg dose pack' }), RULE, 'flagged');
    expect(expectOutcome(patient().medicationRequest({ rxnorm: '8640' }), RULE, 'flagged').summary).toContain('prednisone');
  });

  activeMedicationCases(RULE, { text: 'predniSONE 10 MG Oral Tablet' });

  staleAndUnidentifiedMedicationCases(RULE, { text: 'predniSONE 10 MG Oral Tablet' });
});
