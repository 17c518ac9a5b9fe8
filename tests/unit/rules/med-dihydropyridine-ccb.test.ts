import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeMedicationCases, staleAndUnidentifiedMedicationCases } from './medication-rule-cases.js';

const RULE = 'med-dihydropyridine-ccb';
const patient = () => new BundleBuilder({ gender: 'male', birthDate: '1953-03-03' });

describe(RULE, () => {
  it('flags amlodipine (RxNorm 197361) and says the evidence is for nifedipine', () => {
    const f = expectOutcome(patient().medicationRequest({ id: 'aml', rxnorm: '197361', rxnormDisplay: 'Amlodipine 5 MG Oral Tablet', date: '2026-02-02' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'aml', code: '197361', display: 'Amlodipine 5 MG Oral Tablet', value: 'active', date: '2026-02-02' })]);
    expect(f.summary).toBe('On amlodipine, a dihydropyridine: cramp evidence is for nifedipine, applied here by class');
    expect(f.detail).toContain('The evidence is for nifedipine');
    expect(f.grade).toBe('B/C');
    expect(f.citations.map((c) => c.key)).toEqual(['S7', 'S24', 'S2']);
  });

  it('names nifedipine directly when that is the drug, by ATC C08CA05 or the Procardia brand', () => {
    expect(expectOutcome(patient().medicationRequest({ atc: 'C08CA05' }), RULE, 'flagged').summary).toBe('On nifedipine: named as a cramp-inducing drug (NICE CKS, BMJ 1995)');
    expectOutcome(patient().medicationStatement({ via: 'contained', text: 'Procardia XL 30 mg', date: '2026-09-09' }), RULE, 'flagged');
  });

  it('flags a dihydropyridine inside a combination (Caduet: amlodipine + atorvastatin)', () => {
    expect(expectOutcome(patient().medicationRequest({ text: 'Caduet 5/10' }), RULE, 'flagged').summary).toContain('amlodipine');
  });

  it('never flags verapamil (RxNorm 897718), diltiazem or the verapamil combination Tarka', () => {
    const f = expectOutcome(
      patient()
        .medicationRequest({ rxnorm: '897718', rxnormDisplay: 'Verapamil Hydrochloride 40 MG' })
        .medicationRequest({ text: 'Diltiazem Hydrochloride 120 MG Extended Release Oral Capsule' })
        .medicationRequest({ atc: 'C08DB01' })
        .medicationRequest({ text: 'Tarka 2/180' }),
      RULE,
      'not-flagged',
    );
    expect(f.evidence).toEqual([]);
  });

  activeMedicationCases(RULE, { text: 'Nifedipine 30 MG Extended Release Oral Tablet' });

  staleAndUnidentifiedMedicationCases(RULE, { text: 'Nifedipine 30 MG Extended Release Oral Tablet' });
});
