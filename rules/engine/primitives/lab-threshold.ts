/**
 * Criterion: the latest usable result of an analyte within a lookback, compared with a limit.
 *
 * Which limit (rule catalogue, "Reference ranges"): when `useLabRange` is set, the lab's own
 * reference range bound in that direction, else the lab's interpretation code (L/LL or H/HH, or N),
 * else the rule's default threshold. Red-flag thresholds are fixed numbers (`useLabRange: false`).
 * Comparisons happen in the result's own unit whenever the limit is stated in it, so 3.9 mmol/L
 * is "at or below 3.9 mmol/L" even though 3.9 × 18.016 is a hair above 70 mg/dL.
 */
import { ANALYTES, type AnalyteId } from '../../codes/labs.js';
import type { EvaluationContext } from '../context.js';
import { criterion, result, type Criterion } from '../criterion.js';
import type { ThresholdParameter } from '../parameters.js';
import type { LabResult, QuantityValue } from '../record.js';
import { fromCanonical, toCanonical, formatNumber } from '../units.js';
import { explainMissing, labEvidence, resultText, selectLab, unusableEvidence } from './lab-selection.js';

export type Comparison = '<' | '<=' | '>' | '>=';

const LOW_CODES = new Set(['L', 'LL', 'LU', '<']);
const HIGH_CODES = new Set(['H', 'HH', 'HU', '>']);

/** A limit expressed in `unit`: exact when the parameter states that unit, converted otherwise. */
export function limitIn(analyte: string, limit: ThresholdParameter, unit: string): number | undefined {
  if (unit === limit.unit) return limit.value;
  const alt = limit.alternates?.[unit];
  if (alt !== undefined) return alt;
  const canonical = toCanonical(analyte, limit.value, limit.unit);
  return canonical === undefined ? undefined : fromCanonical(analyte, canonical, unit);
}

/** A quantity (e.g. a reference-range bound) expressed in `unit`. */
export function quantityIn(analyte: string, q: QuantityValue, unit: string): number | undefined {
  if (q.unit === unit) return q.value;
  const canonical = toCanonical(analyte, q.value, q.unit);
  return canonical === undefined ? undefined : fromCanonical(analyte, canonical, unit);
}

export function compare(value: number, op: Comparison, limit: number): boolean {
  switch (op) {
    case '<':
      return value < limit;
    case '<=':
      return value <= limit;
    case '>':
      return value > limit;
    case '>=':
      return value >= limit;
  }
}

export interface Judgement {
  readonly meets: boolean;
  /** "below the lab's lower limit 0.70 mmol/L", "lab flagged it L", "at or above 6.5 %". */
  readonly reason: string;
  readonly basis: 'lab-range' | 'lab-interpretation' | 'default';
}

const OP_WORDS: Record<Comparison, string> = { '<': 'below', '<=': 'at or below', '>': 'above', '>=': 'at or above' };

/** Judge one usable result against a limit in one direction. */
export function judge(r: LabResult, op: Comparison, limit: ThresholdParameter, useLabRange: boolean): Judgement | undefined {
  if (!r.value) return undefined;
  const low = op === '<' || op === '<=';
  if (useLabRange) {
    const bound = low ? r.referenceRange?.low : r.referenceRange?.high;
    const boundValue = bound ? quantityIn(r.analyte, bound, r.value.unit) : undefined;
    if (bound && boundValue !== undefined) {
      const meets = compare(r.value.value, op, boundValue);
      const side = low ? 'lower' : 'upper';
      return { meets, reason: `${meets ? OP_WORDS[op] : 'within'} the lab's ${side} limit ${formatNumber(bound.value)} ${bound.unit}`, basis: 'lab-range' };
    }
    const codes = r.interpretation;
    const flaggedDirection = codes.some((c) => (low ? LOW_CODES : HIGH_CODES).has(c));
    if (flaggedDirection) return { meets: true, reason: `the lab flagged it ${codes.join(', ')}`, basis: 'lab-interpretation' };
    if (codes.includes('N') || codes.some((c) => (low ? HIGH_CODES : LOW_CODES).has(c))) {
      return { meets: false, reason: `the lab flagged it ${codes.join(', ')}`, basis: 'lab-interpretation' };
    }
  }
  const limitValue = limitIn(r.analyte, limit, r.value.unit);
  if (limitValue === undefined) return undefined;
  const meets = compare(r.value.value, op, limitValue);
  return { meets, reason: `${meets ? OP_WORDS[op] : `not ${OP_WORDS[op]}`} ${formatNumber(limitValue)} ${r.value.unit}`, basis: 'default' };
}

/** Note for the evidence item: the judgement, the lab's range, and the canonical value when converted. */
export function resultNote(r: LabResult, j: Judgement): string {
  const parts = [j.reason];
  const rr = r.referenceRange;
  if (rr && (rr.low || rr.high) && j.basis !== 'lab-range') {
    parts.push(`lab range ${rr.low ? formatNumber(rr.low.value) : ''}–${rr.high ? formatNumber(rr.high.value) : ''} ${(rr.low ?? rr.high)!.unit}`);
  }
  if (r.canonical && r.value && r.canonical.unit !== r.value.unit) parts.push(`= ${formatNumber(r.canonical.value)} ${r.canonical.unit}`);
  return parts.join('; ');
}

export interface LabThresholdOptions {
  readonly analyte: AnalyteId;
  readonly op: Comparison;
  readonly limit: ThresholdParameter;
  readonly lookback: string;
  readonly useLabRange: boolean;
  /** Words for the trace: "magnesium below the lower limit". */
  readonly what?: string;
}

export function labThreshold(o: LabThresholdOptions): Criterion {
  const name = ANALYTES[o.analyte].name;
  const label = o.what ?? `latest ${name} ${OP_WORDS[o.op]} ${o.useLabRange ? "the lab's limit (default " : ''}${o.limit.value} ${o.limit.unit}${o.useLabRange ? ')' : ''} within ${o.lookback}`;
  return criterion(label, (ctx: EvaluationContext) => {
    const sel = selectLab(ctx, o.analyte, o.lookback);
    const r = sel.latest;
    if (!r) return result('unknown', label, { evidence: unusableEvidence(sel), missing: [explainMissing(sel, o.lookback)] });
    const j = judge(r, o.op, o.limit, o.useLabRange);
    if (!j) return result('unknown', label, { evidence: [labEvidence(r, 'unusable', 'unit cannot be compared with the limit')], missing: [`${name} ${resultText(r)} cannot be compared with the limit`] });
    const facts = { [`${o.analyte}`]: `${resultText(r)} on ${r.date}` };
    if (j.meets) return result('true', label, { evidence: [labEvidence(r, 'trigger', resultNote(r, j))], facts, note: j.reason });
    if (!sel.complete) {
      return result('unknown', label, {
        evidence: [labEvidence(r, 'checked', resultNote(r, j))],
        missing: [`${name} results ${sel.sourceProblem}: a newer result may be missing`],
      });
    }
    return result('false', label, { evidence: [labEvidence(r, 'checked', resultNote(r, j))], facts, note: j.reason });
  });
}
