/** Medication rules (`med-`) and the quinine safety rule (`safety-quinine`). */
import type { RuleDefinition } from '../engine/types.js';
import { rule as medPotassiumSparingDiuretic } from './med-potassium-sparing-diuretic.js';

export const MEDICATION_RULES: readonly RuleDefinition[] = [medPotassiumSparingDiuretic];
