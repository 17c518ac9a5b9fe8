/** Condition rules (`cond-`). */
import type { RuleDefinition } from '../engine/types.js';

export const CONDITION_RULES: readonly RuleDefinition[] = [];
