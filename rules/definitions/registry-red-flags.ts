/** Red-flag rules (`redflag-`) and the data-gap rule (`gap-`), in catalogue order. */
import type { RuleDefinition } from '../engine/types.js';
import { rule as gapDiureticWithoutElectrolytes } from './gap-diuretic-without-electrolytes.js';
import { rule as redflagCaudaEquina } from './redflag-cauda-equina.js';
import { rule as redflagLimbIschemia } from './redflag-limb-ischemia.js';
import { rule as redflagNeuromuscular } from './redflag-neuromuscular.js';
import { rule as redflagPediatric } from './redflag-pediatric.js';
import { rule as redflagQuinineToxicity } from './redflag-quinine-toxicity.js';
import { rule as redflagSeizure } from './redflag-seizure.js';
import { rule as redflagVteRisk } from './redflag-vte-risk.js';

export const RED_FLAG_AND_GAP_RULES: readonly RuleDefinition[] = [
  redflagQuinineToxicity,
  redflagVteRisk,
  redflagLimbIschemia,
  redflagNeuromuscular,
  redflagCaudaEquina,
  redflagSeizure,
  redflagPediatric,
  gapDiureticWithoutElectrolytes,
];
