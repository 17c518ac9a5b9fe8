import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeMedicationCases, staleAndUnidentifiedMedicationCases } from './medication-rule-cases.js';

const RULE = 'med-long-acting-beta-agonist';
const patient = () => new BundleBuilder({ gender: 'male', birthDate: '1949-12-01' });

describe(RULE, () => {
  it('flags fluticasone/salmeterol (RxNorm 896209) naming salmeterol, grade A, with a do-not-stop-abruptly next step', () => {
    const f = expectOutcome(patient().medicationRequest({ id: 'adv', rxnorm: '896209', date: '2026-04-04' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'adv', code: '896209', value: 'active', date: '2026-04-04', note: expect.stringContaining('salmeterol') })]);
    expect(f.summary).toBe('On a long-acting beta-agonist (salmeterol): the strongest drug link to night cramps in a large study');
    expect(f.grade).toBe('A');
    expect(f.nextStep).toContain('Never stop a controller inhaler abruptly');
  });

  it('does not flag a fluticasone inhaler alone (RxNorm 895994): an inhaled corticosteroid is not a LABA', () => {
    const f = expectOutcome(patient().medicationRequest({ rxnorm: '895994', rxnormDisplay: '120 ACTUAT Fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler' }), RULE, 'not-flagged');
    expect(f.evidence).toEqual([]);
  });

  it('matches ATC codes without text: R03AC12 salmeterol, R03AK06 (LABA + corticosteroid), R03AL03 (LABA + LAMA)', () => {
    expect(expectOutcome(patient().medicationRequest({ atc: 'R03AC12' }), RULE, 'flagged').summary).toContain('salmeterol');
    expect(triggers(expectOutcome(patient().medicationRequest({ atc: 'R03AK06' }), RULE, 'flagged'))[0]).toMatchObject({ code: 'R03AK06' });
    expectOutcome(patient().medicationRequest({ atc: 'R03AL03' }), RULE, 'flagged');
  });

  it('matches combination brands whose text names no LABA: Symbicort, Breo Ellipta in a statement, Stiolto by reference', () => {
    expect(expectOutcome(patient().medicationRequest({ text: 'Symbicort 160/4.5 inhaler' }), RULE, 'flagged').summary).toContain('formoterol');
    expect(expectOutcome(patient().medicationStatement({ text: 'Breo Ellipta 100/25', date: '2026-02-02' }), RULE, 'flagged').summary).toContain('vilanterol');
    expectOutcome(patient().medicationRequest({ via: 'reference', text: 'Stiolto Respimat' }), RULE, 'flagged');
  });

  it('does not flag relievers or inhaled anticholinergics alone (the negative control)', () => {
    expectOutcome(patient().medicationRequest({ text: 'Albuterol 0.09 MG/ACTUAT inhaler' }).medicationRequest({ text: 'Spiriva (tiotropium) 18 mcg' }).medicationRequest({ atc: 'R03BB04' }), RULE, 'not-flagged');
  });

  it('points out a LABA first recorded within 12 months before the first cramp complaint', () => {
    const b = patient().medicationRequest({ rxnorm: '896209', date: '2025-12-01' }).condition({ id: 'c', icd10: 'G47.62', onset: '2026-03-01' });
    const f = expectOutcome(b, RULE, 'flagged');
    expect(f.detail).toContain('salmeterol was first recorded on 2025-12-01, within 12 months before the first recorded cramp complaint (2026-03-01)');
    expect(f.evidence).toContainEqual(expect.objectContaining({ id: 'c', role: 'supporting' }));
  });

  activeMedicationCases(RULE, { text: 'Salmeterol 50 MCG/ACTUAT Dry Powder Inhaler' });

  staleAndUnidentifiedMedicationCases(RULE, { text: 'Salmeterol 50 MCG/ACTUAT Dry Powder Inhaler' });
});
