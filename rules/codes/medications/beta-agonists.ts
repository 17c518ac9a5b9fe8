/**
 * Beta-2 agonists (knowledge base rows A5, A6). Garrison 2012 (S3) found the largest signal for
 * long-acting agents (LABA, alone or with an inhaled corticosteroid). Short-acting agents are
 * a separate, weaker row.
 *
 * ATC: the knowledge base names R03AK and R03AL as LABA combinations, but those groups also hold
 * short-acting combinations (R03AL02 salbutamol + ipratropium is Combivent), so only the specific
 * LABA-containing codes are listed here; anything else in R03AK/R03AL matches by ingredient.
 */
import { kbUnverified, publicList, unverified } from './code-sources.js';
import type { MedicationClass } from './types.js';

export const LONG_ACTING_BETA_AGONISTS: MedicationClass = {
  id: 'long-acting-beta-agonist',
  name: 'long-acting beta-2 agonist (LABA)',
  ingredients: [
    { name: 'salmeterol', brands: ['serevent'], rxcui: publicList('36117', 'CPIC drug table'), atc: [kbUnverified('R03AC12')] },
    { name: 'formoterol', synonyms: ['eformoterol'], brands: ['foradil', 'perforomist'], rxcui: unverified('25255'), atc: [kbUnverified('R03AC13')] },
    { name: 'arformoterol', brands: ['brovana'] },
    { name: 'indacaterol', brands: ['arcapta', 'onbrez'], atc: [kbUnverified('R03AC18')] },
    { name: 'olodaterol', brands: ['striverdi'], atc: [kbUnverified('R03AC19')] },
    { name: 'vilanterol' },
  ],
  atcPrefixes: [
    kbUnverified('R03AC12'), kbUnverified('R03AC13'), kbUnverified('R03AC18'), kbUnverified('R03AC19'),
    // LABA + inhaled corticosteroid
    unverified('R03AK06'), unverified('R03AK07'), unverified('R03AK08'), unverified('R03AK09'),
    unverified('R03AK10'), unverified('R03AK11'), unverified('R03AK12'), unverified('R03AK14'),
    // LABA + LAMA (and triple therapy)
    unverified('R03AL03'), unverified('R03AL04'), unverified('R03AL05'), unverified('R03AL06'),
    unverified('R03AL07'), unverified('R03AL08'), unverified('R03AL09'), unverified('R03AL11'), unverified('R03AL12'),
  ],
};

export const SHORT_ACTING_BETA_AGONISTS: MedicationClass = {
  id: 'short-acting-beta-agonist',
  name: 'short-acting beta-2 agonist (SABA)',
  ingredients: [
    { name: 'albuterol', synonyms: ['salbutamol'], brands: ['proair', 'ventolin', 'proventil', 'accuneb', 'vospire'], rxcui: publicList('435', 'CPIC drug table'), atc: [kbUnverified('R03AC02'), kbUnverified('R03CC02')] },
    { name: 'levalbuterol', synonyms: ['levosalbutamol'], brands: ['xopenex'], rxcui: unverified('237159') },
    { name: 'terbutaline', brands: ['brethine', 'bricanyl'], rxcui: unverified('10368'), atc: [kbUnverified('R03AC03'), kbUnverified('R03CC03')] },
  ],
  atcPrefixes: [kbUnverified('R03AC02'), kbUnverified('R03AC03'), kbUnverified('R03CC02'), kbUnverified('R03CC03'), unverified('R03AL02'), unverified('R03AK13')],
};
