/** Laboratory rules (`lab-`), in catalogue order. */
import type { RuleDefinition } from '../engine/types.js';
import { rule as labHyperglycemia } from './lab-hyperglycemia.js';
import { rule as labHypoglycemia } from './lab-hypoglycemia.js';
import { rule as labLowCalcium } from './lab-low-calcium.js';
import { rule as labLowMagnesium } from './lab-low-magnesium.js';
import { rule as labLowPotassium } from './lab-low-potassium.js';
import { rule as labLowSodium } from './lab-low-sodium.js';

export const LAB_RULES: readonly RuleDefinition[] = [labLowMagnesium, labLowCalcium, labLowPotassium, labLowSodium, labHyperglycemia, labHypoglycemia];
