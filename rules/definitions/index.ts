/**
 * Every rule file, gathered per family (one registry file per family keeps each family's list
 * short and lets families grow independently). `rules/index.ts` orders them by the catalogue.
 */
import type { RuleDefinition } from '../engine/types.js';
import { CONDITION_RULES } from './registry-conditions.js';
import { LAB_RED_FLAG_RULES } from './registry-lab-red-flags.js';
import { LAB_RULES } from './registry-labs.js';
import { MEDICATION_RULES } from './registry-medications.js';
import { RED_FLAG_AND_GAP_RULES } from './registry-red-flags.js';

export const RULES_BY_FILE: readonly RuleDefinition[] = [...MEDICATION_RULES, ...LAB_RULES, ...CONDITION_RULES, ...LAB_RED_FLAG_RULES, ...RED_FLAG_AND_GAP_RULES];
