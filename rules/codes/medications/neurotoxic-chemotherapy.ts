/**
 * Neurotoxic chemotherapy (knowledge base row A17): vinca alkaloids, platinum compounds, taxanes,
 * and imatinib (a BMJ Best Practice risk factor, S23). Etoposide and leucovorin, which real
 * records carry beside these, are not neurotoxic in this sense and are deliberately absent.
 */
import { kbUnverified, publicList, unverified } from './code-sources.js';
import type { MedicationClass } from './types.js';

export const NEUROTOXIC_CHEMOTHERAPY: MedicationClass = {
  id: 'neurotoxic-chemotherapy',
  name: 'neurotoxic chemotherapy',
  ingredients: [
    { name: 'vincristine', brands: ['oncovin', 'marqibo', 'vincasar'], rxcui: unverified('11202'), atc: [kbUnverified('L01CA02')] },
    { name: 'vinblastine', atc: [unverified('L01CA01')] },
    { name: 'vinorelbine', brands: ['navelbine'], atc: [unverified('L01CA04')] },
    { name: 'cisplatin', brands: ['platinol'], rxcui: publicList('2555', 'CPIC drug table'), atc: [kbUnverified('L01XA01')] },
    { name: 'oxaliplatin', brands: ['eloxatin'], rxcui: publicList('32592', 'CPIC drug table'), atc: [kbUnverified('L01XA03')] },
    { name: 'carboplatin', brands: ['paraplatin'], rxcui: publicList('40048', 'CPIC drug table'), atc: [unverified('L01XA02')] },
    { name: 'paclitaxel', synonyms: ['nab-paclitaxel', 'paclitaxel protein-bound'], brands: ['taxol', 'abraxane'], rxcui: unverified('56946'), atc: [unverified('L01CD01')] },
    { name: 'docetaxel', brands: ['taxotere'], rxcui: unverified('72962'), atc: [unverified('L01CD02')] },
    { name: 'cabazitaxel', brands: ['jevtana'], atc: [unverified('L01CD04')] },
    { name: 'bortezomib', brands: ['velcade'] },
    { name: 'thalidomide', brands: ['thalomid'] },
    { name: 'eribulin', brands: ['halaven'] },
    { name: 'ixabepilone', brands: ['ixempra'] },
    { name: 'imatinib', brands: ['gleevec', 'glivec'], rxcui: unverified('282388'), atc: [kbUnverified('L01EA01'), unverified('L01XE01')] },
  ],
  // L01CA vinca alkaloids; L01XA platinum compounds; L01CD taxanes.
  atcPrefixes: [kbUnverified('L01CA'), kbUnverified('L01XA'), kbUnverified('L01CD'), kbUnverified('L01EA01'), unverified('L01XE01')],
};
