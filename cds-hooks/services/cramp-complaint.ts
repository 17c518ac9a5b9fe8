/**
 * Is a leg-cramp complaint on record? The patient-view card is shown only for patients who complain
 * of cramps (alert fatigue is why decision support gets switched off), using the knowledge base's
 * row C26 codes (rules/codes/conditions/cramp.ts: G47.62, R25.2, M62.831, SNOMED 55300003 and the
 * cramp phrases) through the engine's own condition matcher:
 * - a Condition, of any category (a problem-list item or an encounter diagnosis), not refuted or
 *   entered in error, whose onset or recorded date is within the last 12 months; or
 * - the Encounter in context: one of its `reasonCode`s, or a Condition it names as its reason or
 *   diagnosis (the visit is now, so that Condition's own date does not matter).
 * An undated Condition does not count: "within 12 months" cannot be shown for it.
 *
 * When a source that could hold the complaint could not be read and nothing was found elsewhere, the
 * answer is "unknown", and the service shows no card rather than guess.
 */
import { CRAMP_COMPLAINT } from '../../rules/codes/conditions/cramp.js';
import { matchConditionList } from '../../rules/engine/condition-matching.js';
import type { ConditionEntry, PatientRecord } from '../../rules/engine/record.js';
import { withinLookback } from '../../rules/engine/time.js';
import { arr, ccText, codings, field, obj, referenceOf } from '../../src/fhir/fhir-values.js';
import type { EncounterRead } from '../data/load-patient-data.js';

/** Issue 12 and KB C26: a complaint counts when recorded within this window. */
export const COMPLAINT_WINDOW = 'P12M';

const VOIDED = new Set(['refuted', 'entered-in-error']);

export type Complaint =
  | { readonly state: 'found'; readonly where: 'condition' | 'encounter'; readonly display: string; readonly date?: string }
  | { readonly state: 'absent' }
  | { readonly state: 'unknown'; readonly why: string };

const displayOf = (c: Pick<ConditionEntry, 'codings' | 'text'>) => c.text ?? c.codings.find((x) => x.display)?.display ?? c.codings[0]?.code ?? 'leg cramps';

function recentCondition(record: PatientRecord, asOf: string): Complaint | undefined {
  for (const cond of record.conditions) {
    if (cond.verificationStatus && VOIDED.has(cond.verificationStatus)) continue;
    if (!matchConditionList(cond, CRAMP_COMPLAINT)) continue;
    const date = [cond.onset, cond.recorded].find((d) => d && d <= asOf && withinLookback(d, asOf, COMPLAINT_WINDOW));
    if (date) return { state: 'found', where: 'condition', display: displayOf(cond), date };
  }
  return undefined;
}

function inEncounter(record: PatientRecord, encounter: EncounterRead): Complaint | undefined {
  if (encounter.state !== 'read') return undefined;
  for (const cc of arr(field(encounter.encounter, 'reasonCode'))) {
    const reason = { codings: codings(cc), ...(ccText(cc) ? { text: ccText(cc)! } : {}) };
    if (matchConditionList(reason, CRAMP_COMPLAINT)) return { state: 'found', where: 'encounter', display: displayOf(reason) };
  }
  const named = [
    ...arr(field(encounter.encounter, 'reasonReference')).map((r) => referenceOf(r)),
    ...arr(field(encounter.encounter, 'diagnosis')).map((d) => referenceOf(field(obj(d), 'condition'))),
  ];
  for (const ref of named) {
    const id = ref && /(?:^|\/)Condition\/([A-Za-z0-9\-.]{1,64})$/.exec(ref)?.[1];
    const cond = id ? record.conditions.find((c) => c.source.id === id) : undefined;
    if (cond && !(cond.verificationStatus && VOIDED.has(cond.verificationStatus)) && matchConditionList(cond, CRAMP_COMPLAINT)) {
      return { state: 'found', where: 'encounter', display: displayOf(cond) };
    }
  }
  return undefined;
}

export function crampComplaint(record: PatientRecord, encounter: EncounterRead, asOf: string): Complaint {
  const found = recentCondition(record, asOf) ?? inEncounter(record, encounter);
  if (found) return found;
  if (record.sources.Condition?.state !== 'complete') return { state: 'unknown', why: 'conditions not read in full' };
  if (encounter.state === 'failed') return { state: 'unknown', why: 'the encounter could not be read' };
  return { state: 'absent' };
}
