/**
 * One quantity measured under several analyte ids: blood glucose as a random or a fasting sample,
 * calcium as total, lab-corrected or ionised. A rule that asks "what is the latest glucose?" must
 * look at every id, say in one sentence when none is usable, and know whether any of their sources
 * failed (a failed source could hide a newer result, so "normal" cannot be concluded).
 */
import { ANALYTES, type AnalyteId } from '../../codes/labs.js';
import type { EvaluationContext } from '../context.js';
import type { LabResult } from '../record.js';
import { describeDuration } from '../time.js';
import type { EvidenceItem } from '../types.js';
import { explainMissing, isUninterpretable, newerUninterpretable, newestFirst, selectLab, unusableEvidence, type LabSelection } from './lab-selection.js';

export interface GroupSelection {
  /** The most recent usable result across the analytes; on the same day, the first analyte listed wins. */
  readonly latest?: LabResult;
  readonly selections: readonly LabSelection[];
  /** "fasting glucose results could not be read (HTTP 503)", one per source not read in full. */
  readonly sourceProblems: readonly string[];
}

export function selectAcross(ctx: EvaluationContext, analytes: readonly AnalyteId[], lookback: string): GroupSelection {
  const selections = analytes.map((a) => selectLab(ctx, a, lookback));
  let latest: LabResult | undefined;
  for (const sel of selections) {
    if (sel.latest && (!latest || (sel.latest.date ?? '') > (latest.date ?? ''))) latest = sel.latest;
  }
  return { ...(latest ? { latest } : {}), selections, sourceProblems: sourceProblems(selections) };
}

export function sourceProblems(selections: readonly LabSelection[]): string[] {
  return selections.filter((s) => !s.complete).map((s) => `${ANALYTES[s.analyte].name} results ${s.sourceProblem ?? 'could not be read'}`);
}


/**
 * Why no usable result exists across the group: one line per analyte that has something to say
 * (a stale result, an unreadable one, a failed source); when none has, one line for the group:
 * "no usable glucose result (random or fasting) in the last 12 months; none on record".
 */
export function explainMissingAcross(selections: readonly LabSelection[], lookback: string, groupName: string): string[] {
  const telling = selections.filter((s) => s.unusableInWindow.length > 0 || s.lastBeforeWindow || !s.complete);
  if (telling.length === 0) return [`no usable ${groupName} result in the last ${describeDuration(lookback)}; none on record`];
  return telling.map((s) => explainMissing(s, lookback));
}

/** Evidence for the results that exist but could not be used, across the group. */
export function unusableAcross(selections: readonly LabSelection[]): EvidenceItem[] {
  return selections.flatMap((s) => unusableEvidence(s));
}

/**
 * Results of any analyte in the group, newer than `latest`, whose value could not be interpreted
 * (see `newerUninterpretable` in lab-selection.ts): a fasting glucose of "<40" drawn after a
 * normal random glucose keeps the rule from calling the glucose normal.
 */
export function newerUninterpretableAcross(selections: readonly LabSelection[], latest: LabResult): { evidence: EvidenceItem[]; missing: string[] } | undefined {
  const parts = selections
    .map((sel) => newerUninterpretable({ ...sel, latest, newerUninterpretable: sel.unusableInWindow.filter((u) => isUninterpretable(u) && newestFirst(u, latest) < 0) }))
    .filter((p): p is NonNullable<typeof p> => !!p);
  if (!parts.length) return undefined;
  return { evidence: parts.flatMap((p) => p.evidence), missing: parts.flatMap((p) => p.missing) };
}
