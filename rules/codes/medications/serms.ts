/**
 * Selective estrogen receptor modulators other than raloxifene that carry boxed or prominent
 * venous thromboembolism warnings (rule catalogue, second round: "SERMs and DVT risk"; S43):
 * tamoxifen (boxed warning: stroke and pulmonary embolism in the risk-reduction and DCIS
 * settings), toremifene, bazedoxifene (with conjugated estrogens, Duavee) and ospemifene. They
 * count for redflag-vte-risk like raloxifene; raloxifene keeps its own class (med-raloxifene, A10).
 */
import { unverified } from './code-sources.js';
import type { MedicationClass } from './types.js';

export const SERMS_WITH_VTE_WARNING: MedicationClass = {
  id: 'serm-vte-warning',
  name: 'a SERM with a VTE warning (tamoxifen, toremifene, bazedoxifene, ospemifene)',
  ingredients: [
    { name: 'tamoxifen', synonyms: ['tamoxifen citrate'], brands: ['nolvadex', 'soltamox'], rxcui: unverified('10324'), atc: [unverified('L02BA01')] },
    { name: 'toremifene', synonyms: ['toremifene citrate'], brands: ['fareston'], atc: [unverified('L02BA02')] },
    { name: 'bazedoxifene', brands: ['duavee', 'conbriza'], atc: [unverified('G03XC02')] },
    { name: 'ospemifene', brands: ['osphena', 'senshio'], atc: [unverified('G03XC05')] },
  ],
  atcPrefixes: [unverified('L02BA01'), unverified('L02BA02'), unverified('G03XC02'), unverified('G03XC05')],
};
