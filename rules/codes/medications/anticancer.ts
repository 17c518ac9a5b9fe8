/**
 * Anticancer treatment, for "active cancer" in redflag-vte-risk (rule catalogue, second round:
 * Wells' active cancer is treatment ongoing or within 6 months, S42). The catalogue counts the
 * neurotoxic chemotherapy list (its own class), any other antineoplastic (ATC L01) and endocrine
 * cancer therapy (ATC L02, e.g. tamoxifen, anastrozole, letrozole).
 *
 * By name, only drugs used (almost) only against cancer are listed. Left out on purpose because
 * their names also mean non-cancer treatment: methotrexate (low-dose for arthritis), rituximab
 * (arthritis, vasculitis), hydroxyurea (sickle cell), cyclophosphamide (lupus nephritis). An ATC
 * L01/L02 code still counts them. The GnRH analogues (leuprolide, goserelin) are L02 and mostly
 * prostate or breast cancer treatment; endometriosis use would over-call a prompt DVT check,
 * which is the safe direction.
 */
import { unverified } from './code-sources.js';
import type { MedicationClass } from './types.js';

const byName = (...names: string[]) => names.map((name) => ({ name }));

export const ANTICANCER_TREATMENT: MedicationClass = {
  id: 'anticancer-treatment',
  name: 'anticancer treatment',
  ingredients: [
    // Endocrine therapy (L02)
    { name: 'tamoxifen', synonyms: ['tamoxifen citrate'], brands: ['nolvadex', 'soltamox'], atc: [unverified('L02BA01')] },
    { name: 'anastrozole', brands: ['arimidex'], atc: [unverified('L02BG03')] },
    { name: 'letrozole', brands: ['femara'], atc: [unverified('L02BG04')] },
    { name: 'exemestane', brands: ['aromasin'], atc: [unverified('L02BG06')] },
    { name: 'fulvestrant', brands: ['faslodex'], atc: [unverified('L02BA03')] },
    { name: 'bicalutamide', brands: ['casodex'], atc: [unverified('L02BB03')] },
    { name: 'enzalutamide', brands: ['xtandi'], atc: [unverified('L02BB04')] },
    { name: 'apalutamide', brands: ['erleada'] },
    { name: 'abiraterone', synonyms: ['abiraterone acetate'], brands: ['zytiga'], atc: [unverified('L02BX03')] },
    { name: 'leuprolide', synonyms: ['leuprorelin', 'leuprolide acetate'], brands: ['lupron', 'eligard'], atc: [unverified('L02AE02')] },
    { name: 'goserelin', brands: ['zoladex'], atc: [unverified('L02AE03')] },
    // Antineoplastics (L01) not already in the neurotoxic chemotherapy list
    ...byName(
      'capecitabine', 'fluorouracil', 'gemcitabine', 'pemetrexed', 'etoposide', 'irinotecan', 'topotecan', 'doxorubicin',
      'epirubicin', 'ifosfamide', 'temozolomide', 'dacarbazine', 'bleomycin', 'mitomycin', 'cytarabine', 'azacitidine',
      'trastuzumab', 'pertuzumab', 'bevacizumab', 'cetuximab', 'panitumumab', 'pembrolizumab', 'nivolumab', 'ipilimumab',
      'atezolizumab', 'durvalumab', 'erlotinib', 'gefitinib', 'osimertinib', 'lapatinib', 'palbociclib', 'ribociclib',
      'abemaciclib', 'olaparib', 'ibrutinib', 'dasatinib', 'nilotinib', 'sunitinib', 'sorafenib', 'pazopanib', 'cabozantinib',
      'lenvatinib', 'regorafenib',
    ),
  ],
  atcPrefixes: [unverified('L01'), unverified('L02')],
};
