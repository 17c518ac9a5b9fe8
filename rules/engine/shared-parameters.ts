/**
 * Parameters shared by a whole family of rules, from the rule catalogue's "Decisions", so each
 * rule file can show them without restating the numbers.
 */
import { RECENT_USE_WINDOW } from './medication-activity.js';
import { duration } from './parameters.js';
import type { DataNeed } from './types.js';

export const MEDICATION_PARAMETERS = {
  recentUse: duration(
    'A stopped or completed order still counts when a dispense or administration falls within (or a completed statement ended within)',
    RECENT_USE_WINDOW,
    'rule catalogue, Decisions: active medication',
  ),
} as const;

export const MEDICATION_NEEDS: readonly DataNeed[] = [{ kind: 'medications' }];
export const CONDITION_NEEDS: readonly DataNeed[] = [{ kind: 'conditions' }];
