/**
 * The engine's own rules, asked about a drafted order. Nothing here matches a drug itself: a draft is
 * quinine exactly when the engine's quinine rule (safety-quinine, with QUININE from
 * rules/codes/medications/quinine.ts through the engine's medication resolution) would flag it as the
 * patient's only medicine, and a diuretic missing its tests exactly when the gap rule
 * (gap-diuretic-without-electrolytes) flags it against the patient's own results.
 */
import { ALL_RULES, evaluate } from '../../rules/index.js';
import type { PatientRecord, SourceStatus } from '../../rules/engine/record.js';
import type { Finding, RuleDefinition } from '../../rules/engine/types.js';
import { MEDICATION_SOURCES } from '../../rules/engine/context.js';
import type { DraftMedication } from './draft-medications.js';

export function ruleById(id: string): RuleDefinition {
  const rule = ALL_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`the engine has no rule ${id}`);
  return rule;
}

export const QUININE_RULE = ruleById('safety-quinine');
export const QUININE_TOXICITY_RULE = ruleById('redflag-quinine-toxicity');
export const PREGNANCY_RULE = ruleById('cond-pregnancy');
export const DIURETIC_GAP_RULE = ruleById('gap-diuretic-without-electrolytes');

const COMPLETE: SourceStatus = { state: 'complete' };
const medicationSourcesComplete = Object.fromEntries(MEDICATION_SOURCES.map((k) => [k, COMPLETE]));

/** A record holding only the drafts as the patient's medicines, with everything else read and empty. */
function draftsOnly(drafts: readonly DraftMedication[]): PatientRecord {
  return { medications: drafts.map((d) => d.use), labs: {}, codedObservations: {}, conditions: [], checklists: [], sources: { '*': COMPLETE } };
}

function flagged(record: PatientRecord, asOf: string, rule: RuleDefinition): Finding | undefined {
  const [finding] = evaluate(record, asOf, [rule]);
  return finding?.outcome === 'flagged' ? finding : undefined;
}

/** Is this draft a quinine product, by code or by name, as the engine's quinine rule reads it? */
export function isQuinine(draft: DraftMedication, asOf: string): boolean {
  return flagged(draftsOnly([draft]), asOf, QUININE_RULE) !== undefined;
}

/** Would the gap rule fire for this draft if the patient had no results at all (is it a diuretic it covers)? */
export function isGapRuleDiuretic(draft: DraftMedication, asOf: string): boolean {
  return flagged(draftsOnly([draft]), asOf, DIURETIC_GAP_RULE) !== undefined;
}

/** The patient's record with the drafts added as medicines in use (the drafts' sources read in full). */
export function withDrafts(record: PatientRecord, drafts: readonly DraftMedication[]): PatientRecord {
  return { ...record, medications: [...record.medications, ...drafts.map((d) => d.use)] };
}

/** The gap rule on the patient's own results with this draft as the only medicine. */
export function diureticGapFor(record: PatientRecord, draft: DraftMedication, asOf: string): Finding {
  const onlyDraft: PatientRecord = { ...record, medications: [draft.use], sources: { ...record.sources, ...medicationSourcesComplete } };
  return evaluate(onlyDraft, asOf, [DIURETIC_GAP_RULE])[0]!;
}
