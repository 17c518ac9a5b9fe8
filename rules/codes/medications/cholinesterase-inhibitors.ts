/**
 * Cholinesterase inhibitors (knowledge base row A14): neostigmine, pyridostigmine, and the
 * dementia drugs donepezil, galantamine, rivastigmine (and tacrine, seen in real records).
 */
import { kbUnverified, publicList, unverified } from './code-sources.js';
import { drugCode, type MedicationClass } from './types.js';

export const CHOLINESTERASE_INHIBITORS: MedicationClass = {
  id: 'cholinesterase-inhibitor',
  name: 'cholinesterase inhibitor',
  ingredients: [
    { name: 'neostigmine', brands: ['bloxiverz', 'proserin', 'prostigmin'], rxcui: unverified('7315'), atc: [kbUnverified('N07AA01')] },
    { name: 'pyridostigmine', brands: ['mestinon', 'regonol'], atc: [kbUnverified('N07AA02')] },
    { name: 'donepezil', brands: ['aricept', 'adlarity'], rxcui: publicList('135447', 'CPIC drug table'), atc: [kbUnverified('N06DA02')] },
    { name: 'galantamine', brands: ['razadyne', 'reminyl'], rxcui: publicList('4637', 'CPIC drug table'), preciseRxcuis: [drugCode('860693', '◐', 'RxNav extract (public copy)')], atc: [unverified('N06DA04')] },
    { name: 'rivastigmine', brands: ['exelon'], rxcui: unverified('183379'), atc: [unverified('N06DA03')] },
    { name: 'tacrine', brands: ['cognex'], atc: [unverified('N06DA01')] },
  ],
  atcPrefixes: [kbUnverified('N07AA'), unverified('N06DA')],
};
