/**
 * Dihydropyridine calcium-channel blockers (knowledge base row A13). The evidence is for
 * nifedipine (NICE CKS S7, BMJ 1995 S24); other dihydropyridines are included by class and the
 * rule says so. Diltiazem and verapamil are never causes here: calcium-channel blockers are listed
 * as possible *treatments* for cramps (AAN, S2), so they are deliberately absent.
 */
import { kbUnverified, unverified } from './code-sources.js';
import type { MedicationClass } from './types.js';

export const DIHYDROPYRIDINE_CCBS: MedicationClass = {
  id: 'dihydropyridine-ccb',
  name: 'dihydropyridine calcium-channel blocker',
  ingredients: [
    { name: 'nifedipine', brands: ['procardia', 'adalat', 'afeditab'], rxcui: unverified('7417'), atc: [kbUnverified('C08CA05')] },
    { name: 'amlodipine', synonyms: ['amlodipine besylate'], brands: ['norvasc', 'katerzia', 'norliqva'], rxcui: unverified('17767'), atc: [unverified('C08CA01')] },
    { name: 'felodipine', brands: ['plendil'], rxcui: unverified('4316'), atc: [unverified('C08CA02')] },
    { name: 'isradipine', brands: ['dynacirc'], rxcui: unverified('33910'), atc: [unverified('C08CA03')] },
    { name: 'nicardipine', brands: ['cardene'], rxcui: unverified('7396'), atc: [unverified('C08CA04')] },
    { name: 'nimodipine', brands: ['nimotop', 'nymalize'], atc: [unverified('C08CA06')] },
    { name: 'nisoldipine', brands: ['sular'], atc: [unverified('C08CA07')] },
    { name: 'nitrendipine', atc: [unverified('C08CA08')] },
    { name: 'lercanidipine', atc: [unverified('C08CA13')] },
    { name: 'clevidipine', brands: ['cleviprex'] },
  ],
  atcPrefixes: [kbUnverified('C08CA')],
};
