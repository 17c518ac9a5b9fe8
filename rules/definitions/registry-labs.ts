/** Laboratory rules (`lab-`). */
import type { RuleDefinition } from '../engine/types.js';
import { rule as labLowMagnesium } from './lab-low-magnesium.js';

export const LAB_RULES: readonly RuleDefinition[] = [labLowMagnesium];
