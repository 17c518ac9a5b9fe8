/** Red-flag rules (`redflag-`) and the data-gap rule (`gap-`). */
import type { RuleDefinition } from '../engine/types.js';

export const RED_FLAG_AND_GAP_RULES: readonly RuleDefinition[] = [];
