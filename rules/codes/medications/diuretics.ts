/**
 * Diuretic classes (knowledge base Table A rows A1–A4; appendix 10.3).
 * Garrison 2012 (S3) measured potassium-sparing, thiazide-like and loop diuretics separately,
 * so they are separate classes. Combination products belong to every class they contain
 * (triamterene + hydrochlorothiazide is both potassium-sparing and thiazide).
 */
import { kbUnverified, publicList, unverified, verified } from './code-sources.js';
import type { MedicationClass } from './types.js';

export const POTASSIUM_SPARING_DIURETICS: MedicationClass = {
  id: 'potassium-sparing-diuretic',
  name: 'potassium-sparing diuretic',
  ingredients: [
    { name: 'spironolactone', brands: ['aldactone', 'carospir'], rxcui: verified('9997', 'S17j HL7 PDDI IG'), atc: [kbUnverified('C03DA01')] },
    { name: 'eplerenone', brands: ['inspra'], rxcui: verified('298869', 'S17j HL7 PDDI IG'), atc: [kbUnverified('C03DA04')] },
    { name: 'amiloride', synonyms: ['amiloride hydrochloride'], brands: ['midamor'], rxcui: unverified('644'), atc: [verified('C03DB01', 'KB A1')] },
    { name: 'triamterene', brands: ['dyrenium'], rxcui: unverified('10763'), atc: [verified('C03DB02', 'KB A1')] },
  ],
  atcPrefixes: [kbUnverified('C03D'), kbUnverified('C03EA'), unverified('C03EB')],
};

export const THIAZIDE_DIURETICS: MedicationClass = {
  id: 'thiazide-diuretic',
  name: 'thiazide or thiazide-like diuretic',
  ingredients: [
    { name: 'hydrochlorothiazide', synonyms: ['hctz'], brands: ['microzide', 'hydrodiuril', 'esidrix'], rxcui: publicList('5487', 'CPIC drug table'), atc: [kbUnverified('C03AA03')] },
    { name: 'chlorthalidone', synonyms: ['chlortalidone'], brands: ['hygroton', 'thalitone'], rxcui: unverified('2409'), atc: [kbUnverified('C03BA04')] },
    { name: 'indapamide', brands: ['lozol'], rxcui: unverified('5764'), atc: [kbUnverified('C03BA11')] },
    { name: 'metolazone', brands: ['zaroxolyn'], rxcui: unverified('6916'), atc: [kbUnverified('C03BA08')] },
    { name: 'chlorothiazide', brands: ['diuril'], rxcui: unverified('2396'), atc: [unverified('C03AA04')] },
    { name: 'bendroflumethiazide', synonyms: ['bendrofluazide'], rxcui: unverified('1369'), atc: [unverified('C03AA01')] },
    { name: 'methyclothiazide', atc: [unverified('C03AA08')] },
  ],
  // C03AA thiazides plain; C03AB thiazides with potassium; C03BA thiazide-like; C03EA thiazide + potassium-sparing.
  atcPrefixes: [kbUnverified('C03AA'), unverified('C03AB'), kbUnverified('C03BA'), kbUnverified('C03EA')],
};

export const LOOP_DIURETICS: MedicationClass = {
  id: 'loop-diuretic',
  name: 'loop diuretic',
  ingredients: [
    { name: 'furosemide', synonyms: ['frusemide'], brands: ['lasix', 'furoscix'], rxcui: publicList('4603', 'CPIC drug table'), atc: [kbUnverified('C03CA01')] },
    { name: 'bumetanide', brands: ['bumex'], rxcui: publicList('1808', 'HL7 PDDI IG value set'), atc: [kbUnverified('C03CA02')] },
    { name: 'torsemide', synonyms: ['torasemide'], brands: ['demadex', 'soaanz'], rxcui: publicList('38413', 'HL7 PDDI IG value set'), atc: [kbUnverified('C03CA04')] },
    { name: 'ethacrynic acid', synonyms: ['ethacrynate', 'ethacrynate sodium', 'etacrynic acid'], brands: ['edecrin'], rxcui: publicList('62349', 'HL7 PDDI IG value set'), preciseRxcuis: [publicList('4109', 'HL7 PDDI IG value set'), publicList('4108', 'HL7 PDDI IG value set')], atc: [unverified('C03CC01')] },
  ],
  atcPrefixes: [kbUnverified('C03CA'), unverified('C03CC'), unverified('C03EB')],
};

export const CARBONIC_ANHYDRASE_INHIBITORS: MedicationClass = {
  id: 'carbonic-anhydrase-inhibitor',
  name: 'carbonic anhydrase inhibitor',
  ingredients: [
    { name: 'acetazolamide', brands: ['diamox', 'diacarb'], rxcui: unverified('167'), atc: [verified('S01EC01', 'KB A4')] },
    { name: 'methazolamide', brands: ['neptazane'], rxcui: publicList('6826', 'CPIC drug table'), atc: [kbUnverified('S01EC05')] },
  ],
  // Only the systemic members: S01EC03 dorzolamide and S01EC04 brinzolamide are eye drops.
  atcPrefixes: [verified('S01EC01', 'KB A4'), kbUnverified('S01EC05')],
};
