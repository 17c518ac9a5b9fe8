/** Red flags read from laboratory results, in catalogue order. */
import type { RuleDefinition } from '../engine/types.js';
import { rule as redflagNocturnalHypoglycemia } from './redflag-nocturnal-hypoglycemia.js';
import { rule as redflagRhabdomyolysis } from './redflag-rhabdomyolysis.js';
import { rule as redflagSevereElectrolyte } from './redflag-severe-electrolyte.js';

export const LAB_RED_FLAG_RULES: readonly RuleDefinition[] = [redflagSevereElectrolyte, redflagRhabdomyolysis, redflagNocturnalHypoglycemia];
