import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeMedicationCases, staleAndUnidentifiedMedicationCases } from './medication-rule-cases.js';

const RULE = 'med-estrogen';
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1994-08-14' });

/** Knowledge base 10.3a: products whose names hide their estrogen, with their RxNorm codes in the corpus. */
const ESTROGEN_PRODUCTS = [
  ['751905', 'Trinessa 28 Day Pack', 'ethinyl estradiol'],
  ['749785', 'Ortho Tri-Cyclen 28 Day Pack', 'ethinyl estradiol'],
  ['748879', 'Levora 0.15/30 28 Day Pack', 'ethinyl estradiol'],
  ['749762', 'Seasonique 91 Day Pack', 'ethinyl estradiol'],
  ['748856', 'Yaz 28 Day Pack', 'ethinyl estradiol'],
  ['978950', 'Natazia 28 Day Pack', 'estradiol'],
  ['1359133', 'Estrostep Fe 28 Day Pack', 'ethinyl estradiol'],
  ['749882', 'Norinyl 1+50 28 Day Pack', 'mestranol'],
  ['235389', 'Mestranol / Norethynodrel [Enovid]', 'mestranol'],
  ['1367439', 'NuvaRing 0.12/0.015 MG per 24HR 21 Day Vaginal Ring', 'ethinyl estradiol'],
  ['1534809', '168 HR Ethinyl Estradiol 0.00146 MG/HR / norelgestromin 0.00625 MG/HR Transdermal System', 'ethinyl estradiol'],
] as const;

/** Progestin-only products: never estrogens. */
const PROGESTIN_ONLY = [
  ['748962', 'Camila 28 Day Pack'],
  ['831533', 'Errin 28 Day Pack'],
  ['757594', 'Jolivette 28 Day Pack'],
  ['807283', 'Mirena 52 MG Intrauterine System'],
  ['1856546', 'Kyleena 19.5 MG Intrauterine System'],
  ['1605257', 'Liletta 52 MG Intrauterine System'],
  ['389221', 'Etonogestrel 68 MG Drug Implant'],
  ['1000126', '1 ML medroxyprogesterone acetate 150 MG/ML Injection'],
  ['1000156', '0.65 ML medroxyprogesterone acetate 160 MG/ML Prefilled Syringe'],
] as const;

describe(RULE, () => {
  it('flags Trinessa (RxNorm 751905) naming ethinyl estradiol, grade B/C, with a DVT-exclusion next step', () => {
    const f = expectOutcome(patient().medicationRequest({ id: 'oc', rxnorm: '751905', rxnormDisplay: 'Trinessa 28 Day Pack', date: '2026-06-30' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'oc', code: '751905', display: 'Trinessa 28 Day Pack', value: 'active', date: '2026-06-30' })]);
    expect(f.summary).toBe('On an estrogen-containing medicine (ethinyl estradiol): linked to cramps; also raises clot risk');
    expect(f.grade).toBe('B/C');
    expect(f.citations.map((c) => c.key)).toEqual(['S1', 'S28']);
    expect(f.nextStep).toMatch(/persistent one-sided calf pain.*DVT excluded/);
  });

  it.each(ESTROGEN_PRODUCTS)('flags %s (%s) by its RxNorm code alone, as %s', (rxnorm, _text, ingredient) => {
    expect(expectOutcome(patient().medicationRequest({ rxnorm }), RULE, 'flagged').summary).toContain(`(${ingredient})`);
  });

  it.each(ESTROGEN_PRODUCTS)('flags %s by its text alone ("%s")', (_rxnorm, text) => {
    expectOutcome(patient().medicationStatement({ text, date: '2026-10-01' }), RULE, 'flagged');
  });

  it.each(PROGESTIN_ONLY)('does not flag the progestin-only %s (%s), by code or by text', (rxnorm, text) => {
    expectOutcome(patient().medicationRequest({ rxnorm, rxnormDisplay: text }), RULE, 'not-flagged');
    expectOutcome(patient().medicationRequest({ text }), RULE, 'not-flagged');
  });

  it('matches conjugated estrogens by ATC G03CA57 and by the Premarin brand through a referenced Medication', () => {
    expect(expectOutcome(patient().medicationRequest({ atc: 'G03CA57' }), RULE, 'flagged').summary).toContain('estrogens, conjugated');
    expectOutcome(patient().medicationRequest({ via: 'reference', text: 'Premarin 0.625 mg' }), RULE, 'flagged');
  });

  activeMedicationCases(RULE, { text: 'Estradiol 1 MG Oral Tablet' });

  staleAndUnidentifiedMedicationCases(RULE, { text: 'Estradiol 1 MG Oral Tablet' });
});
