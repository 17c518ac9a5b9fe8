import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeMedicationCases, staleAndUnidentifiedMedicationCases } from './medication-rule-cases.js';

const RULE = 'med-thiazide-diuretic';
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1952-09-30' });

describe(RULE, () => {
  it('flags hydrochlorothiazide (RxNorm 316049) with the order as evidence, grade A, citing Garrison', () => {
    const f = expectOutcome(patient().medicationRequest({ id: 'h', rxnorm: '316049', rxnormDisplay: 'Hydrochlorothiazide 25 MG', date: '2026-02-14' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'h', code: '316049', display: 'Hydrochlorothiazide 25 MG', value: 'active', date: '2026-02-14' })]);
    expect(f.summary).toBe('On a thiazide-type diuretic (hydrochlorothiazide): linked to night cramps in a large population study');
    expect(f.grade).toBe('A');
    expect(f.citations.map((c) => c.key)).toEqual(['S3', 'S1']);
  });

  it('matches chlorthalidone by ATC C03BA04 and hydrochlorothiazide by ATC C03AA03 with no text', () => {
    expect(expectOutcome(patient().medicationRequest({ atc: 'C03BA04' }), RULE, 'flagged').summary).toContain('chlorthalidone');
    expect(expectOutcome(patient().medicationRequest({ atc: 'C03AA03' }), RULE, 'flagged').summary).toContain('hydrochlorothiazide');
  });

  it('matches INN and brand names in free text: chlortalidone, indapamide in a statement, Hyzaar, HCTZ', () => {
    expectOutcome(patient().medicationRequest({ text: 'Chlortalidone 25 mg tablets' }), RULE, 'flagged');
    expectOutcome(patient().medicationStatement({ via: 'contained', text: 'Indapamide 1.5 mg MR', date: '2026-05-01' }), RULE, 'flagged');
    expect(expectOutcome(patient().medicationRequest({ text: 'Hyzaar 50-12.5' }), RULE, 'flagged').summary).toContain('hydrochlorothiazide');
    expectOutcome(patient().medicationRequest({ text: 'Lisinopril 20 MG / HCTZ 12.5 MG' }), RULE, 'flagged');
  });

  it('shows low sodium beside it as supporting evidence without changing the outcome', () => {
    const f = expectOutcome(patient().medicationRequest({ text: 'Metolazone 5 MG' }).lab({ id: 'na', loinc: '2951-2', value: 131, unit: 'mmol/L', date: '2026-10-20' }), RULE, 'flagged');
    expect(f.evidence).toContainEqual(expect.objectContaining({ id: 'na', role: 'supporting', value: 131, unit: 'mmol/L' }));
    expect(f.detail).toContain('low sodium 131 mmol/L (2026-10-20)');
    expectOutcome(patient().lab({ loinc: '2951-2', value: 131, unit: 'mmol/L', date: '2026-10-20' }), RULE, 'not-flagged');
  });

  it('does not flag loop, potassium-sparing-only or carbonic anhydrase drugs', () => {
    expectOutcome(patient().medicationRequest({ text: 'Furosemide 40 MG' }).medicationRequest({ text: 'Spironolactone 25 MG' }).medicationRequest({ text: 'Acetazolamide 250 MG' }), RULE, 'not-flagged');
  });

  it('points out a thiazide first recorded within 12 months before the first cramp complaint', () => {
    const b = patient().medicationRequest({ text: 'Hydrochlorothiazide 25 MG', date: '2026-01-15' }).condition({ icd10: 'M62.831', onset: '2026-04-02' });
    expect(expectOutcome(b, RULE, 'flagged').detail).toContain('hydrochlorothiazide was first recorded on 2026-01-15, within 12 months before the first recorded cramp complaint (2026-04-02)');
  });

  activeMedicationCases(RULE, { text: 'Hydrochlorothiazide 25 MG Oral Tablet' });

  staleAndUnidentifiedMedicationCases(RULE, { text: 'Hydrochlorothiazide 25 MG Oral Tablet' });
});
