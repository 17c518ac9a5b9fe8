/**
 * Which result a lab rule reads: the most recent usable result within the lookback (rule
 * catalogue, "Lab lookbacks" and "Unusable results"). When there is none, says exactly why, in
 * the catalogue's words: "no potassium result in the last 3 months; last one 2021-03-04".
 */
import { ANALYTES, type AnalyteId } from '../../codes/labs.js';
import { describeState, type EvaluationContext } from '../context.js';
import type { LabResult, UnusableReason } from '../record.js';
import { compareDays, describeDuration, lookbackStart } from '../time.js';
import type { EvidenceItem, EvidenceRole } from '../types.js';
import { formatNumber } from '../units.js';

export interface LabSelection {
  readonly analyte: AnalyteId;
  /** The most recent usable result in the window. */
  readonly latest?: LabResult;
  /** Every usable result in the window, newest first. */
  readonly inWindow: readonly LabResult[];
  /** Results in the window that could not be used. */
  readonly unusableInWindow: readonly LabResult[];
  /**
   * Results newer than `latest` that carry a value the app cannot interpret (a bound, text, a
   * unit it cannot read or that conflicts, an implausible number). The latest usable result is
   * then not the patient's latest state: a rule may flag on it, but must not call it normal.
   */
  readonly newerUninterpretable: readonly LabResult[];
  /** The most recent usable result before the window. */
  readonly lastBeforeWindow?: LabResult;
  /** Whether the source of these results was read in full. */
  readonly complete: boolean;
  /** Why it was not, in words. */
  readonly sourceProblem?: string;
  /** Results older than this day were not asked for (the live query's date floor). */
  readonly since?: string;
}

const UNUSABLE_WORDS: Record<UnusableReason, string> = {
  'status-not-usable': 'its status does not allow use',
  comparator: 'it is a bound, not a value',
  'value-string': 'it is text, not a number',
  'no-value': 'it has no value',
  'unknown-unit': 'its unit is not one the app can convert',
  'missing-unit': 'it has no unit',
  'implausible-value': 'the value is not physiologically plausible',
  'no-date': 'it has no date',
  'malformed-date': 'its date is not a valid FHIR date',
  'unit-conflict': 'its unit code and unit text disagree',
  'not-per-body-surface': 'its unit is not per 1.73 m² (a clearance, not an eGFR)',
};

/**
 * Reasons that mean a value exists but cannot be read. A pending (registered), cancelled or
 * entered-in-error result, one without a value and one without a usable date say nothing about the
 * patient's state, so they never stand in the way of an older usable result.
 */
const UNINTERPRETABLE: ReadonlySet<UnusableReason> = new Set(['comparator', 'value-string', 'unknown-unit', 'missing-unit', 'unit-conflict', 'not-per-body-surface', 'implausible-value']);

/** Statuses of a result that was really reported (rule catalogue, "Unusable results"). */
const REPORTED = new Set(['preliminary', 'final', 'amended', 'corrected']);

export function isUninterpretable(r: LabResult): boolean {
  return !r.usable && REPORTED.has(r.status) && UNINTERPRETABLE.has(r.unusableReason ?? 'no-value');
}

/**
 * Newest first, deterministically: by day, then by the time of day as sent, then by resource id,
 * so two results on the same day never leave the choice to the order of the bundle.
 */
export function newestFirst(a: LabResult, b: LabResult): number {
  return compareDays(b.date, a.date) || (b.effective ?? '').localeCompare(a.effective ?? '') || a.source.id.localeCompare(b.source.id);
}

export function selectLab(ctx: EvaluationContext, analyte: AnalyteId, lookback: string): LabSelection {
  return ctx.memoise(`lab:${analyte}:${lookback}`, () => {
    const start = lookbackStart(ctx.asOf, lookback);
    const results = ctx.record.labs[analyte] ?? [];
    const inWindow: LabResult[] = [];
    const unusableInWindow: LabResult[] = [];
    let lastBeforeWindow: LabResult | undefined;
    // The record holds each analyte's results newest first (PatientRecord.labs), undated ones last:
    // stop at the first usable result before the window, then pick up the undated ones.
    for (const r of results) {
      if (!r.date) break;
      if (r.date > ctx.asOf) continue; // recorded after the as-of date: not yet known then
      if (r.date >= start) (r.usable ? inWindow : unusableInWindow).push(r);
      else if (r.usable) {
        lastBeforeWindow = r;
        break;
      }
    }
    for (let i = results.length - 1; i >= 0 && !results[i]!.date; i--) unusableInWindow.push(results[i]!);
    const status = ctx.source(`Observation:${analyte}`);
    const latest = inWindow[0];
    const newerUninterpretable = latest ? unusableInWindow.filter((u) => isUninterpretable(u) && newestFirst(u, latest) < 0) : [];
    return {
      analyte,
      ...(latest ? { latest } : {}),
      inWindow,
      unusableInWindow,
      newerUninterpretable,
      ...(lastBeforeWindow ? { lastBeforeWindow } : {}),
      complete: status.state === 'complete',
      ...(status.state !== 'complete' ? { sourceProblem: describeState(status) } : {}),
      ...(status.since ? { since: status.since } : {}),
    };
  });
}

/** Text of a result as sent: "0.62 mmol/L", "<0.5 mmol/L", "hemolysed". */
export function resultText(r: LabResult): string {
  if (r.value) return `${formatNumber(r.value.value)} ${r.value.unit}`;
  return r.rawValueText ?? 'no value';
}

/** Why the rule could not use this analyte, in words for `missing`. */
export function explainMissing(sel: LabSelection, lookback: string): string {
  const name = ANALYTES[sel.analyte].name;
  const window = `the last ${describeDuration(lookback)}`;
  if (!sel.complete && !sel.latest) return `${name} results ${sel.sourceProblem ?? 'could not be read'}`;
  const parts = [`no usable ${name} result in ${window}`];
  const unusable = sel.unusableInWindow[0];
  if (unusable) {
    const more = sel.unusableInWindow.length > 1 ? ` (and ${sel.unusableInWindow.length - 1} more)` : '';
    parts.push(`the result "${resultText(unusable)}"${unusable.date ? ` of ${unusable.date}` : ''} cannot be used: ${UNUSABLE_WORDS[unusable.unusableReason ?? 'no-value']}${more}`);
  }
  if (sel.lastBeforeWindow) parts.push(`last one ${sel.lastBeforeWindow.date} (${resultText(sel.lastBeforeWindow)})`);
  else if (!unusable) parts.push(sel.since ? `none since ${sel.since} (the app searched from that date)` : 'none on record');
  return parts.join('; ');
}

export function labEvidence(r: LabResult, role: EvidenceRole, note?: string): EvidenceItem {
  return {
    resourceType: r.source.resourceType,
    id: r.source.id,
    role,
    code: r.code.code,
    system: r.code.system,
    display: r.code.display ?? ANALYTES[r.analyte as AnalyteId]?.name ?? r.analyte,
    value: r.value ? r.value.value : (r.rawValueText ?? 'no value'),
    ...(r.value ? { unit: r.value.unit } : {}),
    ...(r.date ? { date: r.date } : {}),
    ...(note ? { note } : {}),
  };
}

/** Evidence items for results that exist but could not be used (stale or unreadable). */
export function unusableEvidence(sel: LabSelection): EvidenceItem[] {
  const items = sel.unusableInWindow.slice(0, 3).map((r) => labEvidence(r, 'unusable', `not usable: ${UNUSABLE_WORDS[r.unusableReason ?? 'no-value']}`));
  if (sel.lastBeforeWindow) items.push(labEvidence(sel.lastBeforeWindow, 'unusable', 'outside the lookback window'));
  return items;
}

/**
 * When newer results could not be interpreted, the words and evidence that keep a rule from
 * calling the latest usable result normal: "a newer eGFR result "4.3 mL/min" of 2026-10-01 could
 * not be used (its unit is not per 1.73 m²): the latest usable one, of 2026-03-02, may be out of date".
 */
export function newerUninterpretable(sel: LabSelection): { evidence: EvidenceItem[]; missing: string[] } | undefined {
  const newer = sel.newerUninterpretable[0];
  if (!newer || !sel.latest) return undefined;
  const name = ANALYTES[sel.analyte].name;
  const more = sel.newerUninterpretable.length > 1 ? ` (and ${sel.newerUninterpretable.length - 1} more)` : '';
  return {
    evidence: sel.newerUninterpretable.slice(0, 3).map((r) => labEvidence(r, 'unusable', `newer than the latest usable result, but not usable: ${UNUSABLE_WORDS[r.unusableReason ?? 'no-value']}`)),
    missing: [`a newer ${name} result "${resultText(newer)}"${newer.date ? ` of ${newer.date}` : ''} could not be used (${UNUSABLE_WORDS[newer.unusableReason ?? 'no-value']})${more}: the latest usable one, of ${sel.latest.date}, may be out of date`],
  };
}
