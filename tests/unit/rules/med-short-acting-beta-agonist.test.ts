import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeMedicationCases, staleAndUnidentifiedMedicationCases } from './medication-rule-cases.js';

const RULE = 'med-short-acting-beta-agonist';
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1970-05-05' });
const reliever = () => patient().medicationRequest({ id: 'alb', rxnorm: '745679', rxnormDisplay: '200 ACTUAT Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler', date: '2026-07-07' });

describe(RULE, () => {
  it('flags an albuterol inhaler (RxNorm 745679), grade B/C, citing NICE CKS and BMJ 1995', () => {
    const f = expectOutcome(reliever(), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'alb', code: '745679', value: 'active', date: '2026-07-07' })]);
    expect(f.summary).toBe('On a short-acting beta-agonist (albuterol): can contribute to cramps, mostly with frequent use');
    expect(f.grade).toBe('B/C');
    expect(f.citations.map((c) => c.key)).toEqual(['S7', 'S24', 'S13']);
    expect(f.nextStep).toMatch(/heavy.*potassium/);
  });

  it('matches salbutamol (INN) in text, terbutaline by ATC R03CC03, levalbuterol by brand, and Combivent', () => {
    expect(expectOutcome(patient().medicationStatement({ text: 'Salbutamol 100 micrograms inhaler', date: '2026-10-10' }), RULE, 'flagged').summary).toContain('albuterol');
    expect(expectOutcome(patient().medicationRequest({ atc: 'R03CC03' }), RULE, 'flagged').summary).toContain('terbutaline');
    expectOutcome(patient().medicationRequest({ via: 'contained', text: 'Xopenex HFA' }), RULE, 'flagged');
    expectOutcome(patient().medicationRequest({ text: 'Combivent Respimat' }), RULE, 'flagged');
  });

  it('shows potassium below 3.5 mmol/L beside it (3.5 is not low, 3.4 is), never changing the outcome', () => {
    const k = (value: number) => expectOutcome(reliever().lab({ id: 'k', loinc: '2823-3', value, unit: 'mmol/L', date: '2026-11-15' }), RULE, 'flagged');
    expect(k(3.5).evidence.some((e) => e.id === 'k')).toBe(false);
    const low = k(3.4);
    expect(low.evidence).toContainEqual(expect.objectContaining({ id: 'k', role: 'supporting', value: 3.4, unit: 'mmol/L' }));
    expect(low.detail).toContain('low potassium 3.4 mmol/L (2026-11-15)');
    expectOutcome(patient().lab({ loinc: '2823-3', value: 3.0, unit: 'mmol/L', date: '2026-11-15' }), RULE, 'not-flagged');
  });

  it('does not flag long-acting agents or inhaled steroids', () => {
    expectOutcome(patient().medicationRequest({ text: 'Salmeterol 50 MCG inhaler' }).medicationRequest({ rxnorm: '895994' }), RULE, 'not-flagged');
  });

  activeMedicationCases(RULE, { text: 'Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler' });

  staleAndUnidentifiedMedicationCases(RULE, { text: 'Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler' });
});
