/**
 * Quinine (knowledge base rows A22, D8, E7): a safety flag, never a treatment. Tonic water taken
 * for cramps counts as quinine from another source (the FDA warns about re-exposure "from any
 * source", S4). Quinidine and hydroxychloroquine are different drugs and do not match.
 */
import { kbUnverified, publicList, unverified } from './code-sources.js';
import type { MedicationClass } from './types.js';

export const QUININE: MedicationClass = {
  id: 'quinine',
  name: 'quinine',
  ingredients: [
    { name: 'quinine', synonyms: ['quinine sulfate', 'quinine sulphate', 'quinine bisulfate', 'quinine hydrochloride', 'tonic water'], brands: ['qualaquin'], rxcui: publicList('9071', 'CPIC drug table'), atc: [kbUnverified('P01BC01'), unverified('M09AA01')] },
  ],
  atcPrefixes: [kbUnverified('P01BC01'), unverified('M09AA')],
};
