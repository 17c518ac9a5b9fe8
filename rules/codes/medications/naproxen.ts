/**
 * Naproxen (knowledge base row A12), including naproxen sodium and over-the-counter use.
 */
import { kbUnverified, publicList, unverified } from './code-sources.js';
import type { MedicationClass } from './types.js';

export const NAPROXEN: MedicationClass = {
  id: 'naproxen',
  name: 'naproxen',
  ingredients: [
    { name: 'naproxen', synonyms: ['naproxen sodium'], brands: ['aleve', 'naprosyn', 'ec-naprosyn', 'anaprox', 'anaprox ds', 'naprelan', 'midol extended relief'], rxcui: publicList('7258', 'HL7 PDDI IG value set'), preciseRxcuis: [publicList('142442', 'HL7 PDDI IG value set')], atc: [kbUnverified('M01AE02')] },
  ],
  // M01AE52 naproxen + esomeprazole, M01AE56 naproxen + misoprostol.
  atcPrefixes: [kbUnverified('M01AE02'), unverified('M01AE52'), unverified('M01AE56')],
};
