/** Laboratory rules (`lab-`), in catalogue order. */
import type { RuleDefinition } from '../engine/types.js';
import { rule as labHyperglycemia } from './lab-hyperglycemia.js';
import { rule as labHypoglycemia } from './lab-hypoglycemia.js';
import { rule as labLowCalcium } from './lab-low-calcium.js';
import { rule as labLowMagnesium } from './lab-low-magnesium.js';
import { rule as labLowPotassium } from './lab-low-potassium.js';
import { rule as labLowSodium } from './lab-low-sodium.js';
import { rule as labLowVitaminD } from './lab-low-vitamin-d.js';
import { rule as labParathyroidCalciumAxis } from './lab-parathyroid-calcium-axis.js';
import { rule as labRaisedCk } from './lab-raised-ck.js';
import { rule as labReducedKidneyFunction } from './lab-reduced-kidney-function.js';
import { rule as labThyroidDysfunction } from './lab-thyroid-dysfunction.js';

export const LAB_RULES: readonly RuleDefinition[] = [
  labLowMagnesium, labLowCalcium, labLowPotassium, labLowSodium, labHyperglycemia, labHypoglycemia,
  labThyroidDysfunction, labParathyroidCalciumAxis, labLowVitaminD, labReducedKidneyFunction, labRaisedCk,
];
