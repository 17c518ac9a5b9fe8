/**
 * Statins (knowledge base row A7): all HMG-CoA reductase inhibitors, alone or in combination.
 * Garrison 2012 (S3): a small but significant signal (aSR 1.16).
 */
import { kbUnverified, publicList, unverified } from './code-sources.js';
import type { MedicationClass } from './types.js';

export const STATINS: MedicationClass = {
  id: 'statin',
  name: 'statin (HMG-CoA reductase inhibitor)',
  ingredients: [
    { name: 'simvastatin', synonyms: ['simvistatin'], brands: ['zocor', 'flolipid'], rxcui: publicList('36567', 'VSAC value set'), atc: [kbUnverified('C10AA01')] },
    { name: 'lovastatin', brands: ['mevacor', 'altoprev'], rxcui: publicList('6472', 'VSAC value set'), atc: [kbUnverified('C10AA02')] },
    { name: 'pravastatin', brands: ['pravachol'], rxcui: publicList('42463', 'VSAC value set'), atc: [kbUnverified('C10AA03')] },
    { name: 'fluvastatin', brands: ['lescol'], rxcui: publicList('41127', 'VSAC value set'), atc: [kbUnverified('C10AA04')] },
    { name: 'atorvastatin', brands: ['lipitor'], rxcui: publicList('83367', 'VSAC value set'), atc: [kbUnverified('C10AA05')] },
    { name: 'rosuvastatin', brands: ['crestor', 'ezallor'], rxcui: publicList('301542', 'VSAC value set'), atc: [kbUnverified('C10AA07')] },
    { name: 'pitavastatin', brands: ['livalo', 'zypitamag'], rxcui: publicList('861634', 'VSAC value set'), atc: [kbUnverified('C10AA08')] },
    { name: 'cerivastatin', atc: [kbUnverified('C10AA06')] },
  ],
  // C10AA plain statins; C10BA statin + other lipid-modifying agent; C10BX statin + other drugs.
  atcPrefixes: [kbUnverified('C10AA'), unverified('C10BA'), unverified('C10BX')],
};
