/** Red flags read from laboratory results (`redflag-severe-electrolyte`, `redflag-rhabdomyolysis`, `redflag-nocturnal-hypoglycemia`). */
import type { RuleDefinition } from '../engine/types.js';

export const LAB_RED_FLAG_RULES: readonly RuleDefinition[] = [];
