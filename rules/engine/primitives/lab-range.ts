/**
 * A result judged in both directions at once: low, within range, or high. For analytes where
 * either direction matters (TSH: high suggests an under-active, low an over-active thyroid;
 * potassium in the red flag: below 2.5 or above 6.0; PTH read against calcium).
 *
 * Each direction is judged exactly as `judge` in lab-threshold.ts does: the lab's own range bound
 * or interpretation code first when `useLabRange` is set, the rule's default otherwise; in the
 * result's own unit whenever the limit is stated in it. The range is one range: when either of its
 * limits is more than four times away from the default in its direction (catalogue, second round),
 * the whole range (and the flag beside it) is ignored for both directions and the defaults decide.
 */
import { ANALYTES, type AnalyteId } from '../../codes/labs.js';
import { criterion, result, type Criterion } from '../criterion.js';
import type { ThresholdParameter } from '../parameters.js';
import type { LabResult } from '../record.js';
import { judge, resultNote, type Judgement } from './lab-threshold.js';
import { explainMissing, labEvidence, newerUninterpretable, resultText, selectLab, unusableEvidence } from './lab-selection.js';

export type Direction = 'low' | 'normal' | 'high';

export interface RangeLimits {
  /** Low when strictly below this. */
  readonly low: ThresholdParameter;
  /** High when strictly above this. */
  readonly high: ThresholdParameter;
}

export interface Classification {
  readonly direction: Direction;
  /** The judgement that decided: the one that met, or the low one when the result is within range. */
  readonly judgement: Judgement;
  /** Words for a result within range: "within the lab's range", "not below 0.4 and not above 4.5 mIU/L". */
  readonly reason: string;
}

export function classify(r: LabResult, limits: RangeLimits, useLabRange: boolean): Classification | undefined {
  const low = judge(r, '<', limits.low, useLabRange, limits);
  const high = judge(r, '>', limits.high, useLabRange, limits);
  if (!low || !high) return undefined;
  if (low.meets) return { direction: 'low', judgement: low, reason: low.reason };
  if (high.meets) return { direction: 'high', judgement: high, reason: high.reason };
  return { direction: 'normal', judgement: low, reason: low.reason === high.reason ? low.reason : `${low.reason}; ${high.reason}` };
}

export interface OutsideRangeOptions {
  readonly analyte: AnalyteId;
  readonly limits: RangeLimits;
  readonly lookback: string;
  readonly useLabRange: boolean;
  /** Words for the trace: "TSH outside the lab's range". */
  readonly what: string;
}

/**
 * True when the latest usable result within the lookback is low or high. Facts: the result text
 * under the analyte id, and `<analyte>Direction` ('low' | 'high' | 'normal').
 */
export function labOutsideRange(o: OutsideRangeOptions): Criterion {
  const name = ANALYTES[o.analyte].name;
  return criterion(o.what, (ctx) => {
    const sel = selectLab(ctx, o.analyte, o.lookback);
    const r = sel.latest;
    if (!r) return result('unknown', o.what, { evidence: unusableEvidence(sel), missing: [explainMissing(sel, o.lookback)] });
    const c = classify(r, o.limits, o.useLabRange);
    if (!c) return result('unknown', o.what, { evidence: [labEvidence(r, 'unusable', 'unit cannot be compared with the limits')], missing: [`${name} ${resultText(r)} cannot be compared with the limits`] });
    const facts = { [o.analyte]: `${resultText(r)} on ${r.date}`, [`${o.analyte}Direction`]: c.direction };
    const note = resultNote(r, { ...c.judgement, reason: c.reason });
    if (c.direction !== 'normal') return result('true', o.what, { evidence: [labEvidence(r, 'trigger', note)], facts, note: c.reason });
    if (!sel.complete) {
      return result('unknown', o.what, { evidence: [labEvidence(r, 'checked', note)], missing: [`${name} results ${sel.sourceProblem}: a newer result may be missing`] });
    }
    const newer = newerUninterpretable(sel);
    if (newer) return result('unknown', o.what, { evidence: [labEvidence(r, 'checked', note), ...newer.evidence], missing: newer.missing });
    return result('false', o.what, { evidence: [labEvidence(r, 'checked', note)], facts, note: c.reason });
  });
}
