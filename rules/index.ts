/**
 * The engine's public surface: every rule, in catalogue order, and one call to evaluate them.
 */
import { CATALOGUE_IDS } from './catalogue.js';
import { RULES_BY_FILE } from './definitions/index.js';
import { evaluateRecord } from './engine/evaluate.js';
import type { PatientRecord } from './engine/record.js';
import type { Finding, RuleDefinition } from './engine/types.js';

const byId = new Map(RULES_BY_FILE.map((r) => [r.id, r]));

/** Every rule, in the catalogue's order. */
export const ALL_RULES: readonly RuleDefinition[] = CATALOGUE_IDS.flatMap((id) => {
  const rule = byId.get(id);
  return rule ? [rule] : [];
});

export function evaluate(record: PatientRecord, asOf: string, rules: readonly RuleDefinition[] = ALL_RULES): Finding[] {
  return evaluateRecord(record, asOf, rules);
}

export type { Finding, RuleDefinition } from './engine/types.js';
export type { PatientRecord } from './engine/record.js';
