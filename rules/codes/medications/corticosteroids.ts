/**
 * Systemic corticosteroids (knowledge base row A20; NSF list, S28): oral or injected.
 * Topical, inhaled, nasal, eye and ear forms do not count (`systemicOnly`), so
 * "Hydrocortisone 10 MG/ML Topical Cream" and a fluticasone inhaler do not match. Fluticasone,
 * beclomethasone, mometasone and ciclesonide are absent because they are used locally only.
 */
import { publicList, unverified } from './code-sources.js';
import type { MedicationClass } from './types.js';

export const SYSTEMIC_CORTICOSTEROIDS: MedicationClass = {
  id: 'systemic-corticosteroid',
  name: 'systemic corticosteroid',
  systemicOnly: true,
  ingredients: [
    { name: 'prednisone', brands: ['deltasone', 'rayos', 'prednisone intensol'], rxcui: publicList('8640', 'HL7 PDDI IG value set'), atc: [unverified('H02AB07')] },
    { name: 'prednisolone', brands: ['orapred', 'millipred', 'pediapred'], rxcui: publicList('8638', 'HL7 PDDI IG value set'), atc: [unverified('H02AB06')] },
    { name: 'methylprednisolone', brands: ['medrol', 'solu-medrol', 'depo-medrol'], rxcui: publicList('6902', 'HL7 PDDI IG value set'), atc: [unverified('H02AB04')] },
    { name: 'dexamethasone', brands: ['decadron', 'hemady', 'dexpak'], rxcui: publicList('3264', 'HL7 PDDI IG value set'), atc: [unverified('H02AB02')] },
    { name: 'hydrocortisone', synonyms: ['hydrocortisone sodium succinate', 'cortisol'], brands: ['cortef', 'solu-cortef', 'alkindi'], rxcui: publicList('5492', 'HL7 PDDI IG value set'), atc: [unverified('H02AB09')] },
    { name: 'cortisone', synonyms: ['cortisone acetate'], rxcui: publicList('2878', 'HL7 PDDI IG value set'), atc: [unverified('H02AB10')] },
    { name: 'betamethasone', brands: ['celestone'], rxcui: publicList('1514', 'HL7 PDDI IG value set'), atc: [unverified('H02AB01')] },
    { name: 'triamcinolone', brands: ['kenalog', 'zilretta'], atc: [unverified('H02AB08')] },
    { name: 'deflazacort', brands: ['emflaza'], atc: [unverified('H02AB13')] },
    { name: 'budesonide', rxcui: publicList('19831', 'CPIC drug table'), brands: ['entocort', 'uceris', 'tarpeyo'] },
  ],
  // H02AB: glucocorticoids for systemic use.
  atcPrefixes: [unverified('H02AB')],
};
