/**
 * Single drugs that each have their own rule (knowledge base rows A15, A16, A18, A19, A20).
 */
import { kbUnverified, publicList, unverified, verified } from './code-sources.js';
import type { MedicationClass } from './types.js';

export const PENICILLAMINE: MedicationClass = {
  id: 'penicillamine',
  name: 'penicillamine',
  ingredients: [{ name: 'penicillamine', synonyms: ['d-penicillamine'], brands: ['cuprimine', 'depen'], atc: [kbUnverified('M01CC01')] }],
  atcPrefixes: [kbUnverified('M01CC01')],
};

export const AMINOCAPROIC_ACID: MedicationClass = {
  id: 'aminocaproic-acid',
  name: 'aminocaproic acid',
  ingredients: [{ name: 'aminocaproic acid', synonyms: ['epsilon-aminocaproic acid', 'epsilon aminocaproic acid'], brands: ['amicar'], atc: [verified('B02AA01', 'KB A16')] }],
  atcPrefixes: [verified('B02AA01', 'KB A16')],
};

/**
 * Only beta-blockers with intrinsic sympathomimetic activity. Ordinary beta-blockers were
 * Garrison's negative control and showed no signal (S3), so metoprolol and the rest are absent.
 */
export const ISA_BETA_BLOCKERS: MedicationClass = {
  id: 'isa-beta-blocker',
  name: 'beta-blocker with intrinsic sympathomimetic activity',
  ingredients: [
    { name: 'pindolol', brands: ['visken'], rxcui: publicList('8332', 'VSAC value set'), atc: [kbUnverified('C07AA03')] },
    { name: 'acebutolol', brands: ['sectral'], rxcui: publicList('149', 'VSAC value set'), atc: [kbUnverified('C07AB04')] },
  ],
  atcPrefixes: [kbUnverified('C07AA03'), kbUnverified('C07AB04')],
};

export const CIMETIDINE: MedicationClass = {
  id: 'cimetidine',
  name: 'cimetidine',
  ingredients: [{ name: 'cimetidine', brands: ['tagamet'], rxcui: unverified('2541'), atc: [kbUnverified('A02BA01')] }],
  atcPrefixes: [kbUnverified('A02BA01')],
};

export const LITHIUM: MedicationClass = {
  id: 'lithium',
  name: 'lithium',
  ingredients: [
    { name: 'lithium', rxcui: unverified('6448') },
    { name: 'lithium carbonate', brands: ['lithobid', 'eskalith', 'priadel', 'camcolit'], rxcui: unverified('42351') },
    { name: 'lithium citrate' },
  ],
  atcPrefixes: [kbUnverified('N05AN01')],
};
