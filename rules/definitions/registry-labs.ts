/** Laboratory rules (`lab-`), in catalogue order. */
import type { RuleDefinition } from '../engine/types.js';
import { rule as labLowCalcium } from './lab-low-calcium.js';
import { rule as labLowMagnesium } from './lab-low-magnesium.js';

export const LAB_RULES: readonly RuleDefinition[] = [labLowMagnesium, labLowCalcium];
