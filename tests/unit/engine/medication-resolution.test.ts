/**
 * What is in a medication: codes first, text second, and local versus systemic use.
 */
import { describe, expect, it } from 'vitest';
import { SYSTEMIC_CORTICOSTEROIDS } from '../../../rules/codes/medications/corticosteroids.js';
import { THIAZIDE_DIURETICS } from '../../../rules/codes/medications/diuretics.js';
import { matchClass, resolveMedication } from '../../../rules/engine/medication-resolution.js';
import type { MedicationUse } from '../../../rules/engine/record.js';

const use = (m: Partial<MedicationUse>): MedicationUse => ({
  source: { resourceType: 'MedicationRequest', id: 'x' },
  kind: 'request',
  status: 'active',
  codings: [],
  ingredientCodings: [],
  ingredientTexts: [],
  formTexts: [],
  ...m,
});
const rx = (code: string, display?: string) => ({ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code, ...(display ? { display } : {}) });

describe('resolveMedication', () => {
  it('trusts a known RxNorm code over a misspelled or misleading display', () => {
    const r = resolveMedication(use({ codings: [rx('316672', 'Simvistatin 10 MG')] }));
    expect([...r.ingredients.keys()]).toEqual(['simvastatin']);
    const misleading = resolveMedication(use({ codings: [rx('316672')], text: 'furosemide' }));
    expect([...misleading.ingredients.keys()]).toEqual(['simvastatin']);
  });

  it('reads text only when no code is known, whole words only', () => {
    expect([...resolveMedication(use({ text: 'hydroxychloroquine 200 mg' })).ingredients.keys()]).toEqual([]);
    expect([...resolveMedication(use({ text: 'Quinine sulfate 324 MG' })).ingredients.keys()]).toEqual(['quinine']);
    expect([...resolveMedication(use({ codings: [rx('999999999', 'Aldactone 25')] })).ingredients.keys()]).toEqual(['spironolactone']);
  });

  it('tells local from systemic use by form words, inhaler brands and known product texts', () => {
    const steroid = (m: Partial<MedicationUse>) => matchClass(resolveMedication(use(m)), SYSTEMIC_CORTICOSTEROIDS).matched;
    expect(steroid({ text: 'predniSONE 5 MG Oral Tablet' })).toBe(true);
    expect(steroid({ text: 'Hydrocortisone 10 MG/ML Topical Cream' })).toBe(false);
    expect(steroid({ codings: [rx('106258')] })).toBe(false); // the topical cream, by code alone
    expect(steroid({ text: 'Symbicort 160/4.5' })).toBe(false); // inhaled budesonide + formoterol
    expect(steroid({ text: 'budesonide 3 MG Oral Capsule' })).toBe(true);
    expect(steroid({ text: 'methylprednisolone', formTexts: ['Intramuscular route'] })).toBe(true);
    expect(steroid({ text: 'dexamethasone', formTexts: ['Ophthalmic route'] })).toBe(false);
  });
});

describe('codes match only when they are codes (rule catalogue, second round)', () => {
  const atc = (code: string) => ({ system: 'http://www.whocc.no/atc', code });

  it('an ATC code with extra characters does not fall under a class prefix; a well-formed one does, at any level', () => {
    expect(matchClass(resolveMedication(use({ codings: [atc('C03AA03XYZ')] })), THIAZIDE_DIURETICS).matched).toBe(false);
    expect(matchClass(resolveMedication(use({ codings: [atc('C03AA99')] })), THIAZIDE_DIURETICS).matched).toBe(true);
    expect(matchClass(resolveMedication(use({ codings: [atc('c03aa03')] })), THIAZIDE_DIURETICS).matched).toBe(true);
    expect(resolveMedication(use({ codings: [atc('C03AA03XYZ')] })).atcCodes).toEqual([]);
  });

  it('an RxNorm code that is not numeric is not looked up, and the text is read instead', () => {
    expect([...resolveMedication(use({ codings: [rx('316672x')] })).ingredients.keys()]).toEqual([]);
    expect([...resolveMedication(use({ codings: [rx('constructor', 'furosemide 40 mg')] })).ingredients.keys()]).toEqual(['furosemide']);
  });
});
