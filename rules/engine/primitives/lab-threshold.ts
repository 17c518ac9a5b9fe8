/**
 * Criterion: the latest usable result of an analyte within a lookback, compared with a limit.
 *
 * Which limit (rule catalogue, "Reference ranges"): when `useLabRange` is set, the lab's own
 * reference range bound in that direction, else the lab's interpretation code (L/LL or H/HH, or N),
 * else the rule's default threshold. Red-flag thresholds are fixed numbers (`useLabRange: false`).
 * Comparisons happen in the result's own unit whenever the limit is stated in it, so 3.9 mmol/L
 * is "at or below 3.9 mmol/L" even though 3.9 × 18.016 is a hair above 70 mg/dL.
 *
 * A range that cannot be right does not decide (catalogue, second round): the mapper leaves out
 * inverted and negative ranges and ranges with conflicting units (LabResult.ignoredRange), and here
 * a range with a limit more than four times away from the rule's default, compared in the default's
 * unit (a potassium lower limit of 42 mmol/L, a TSH upper limit of 450 mIU/L), is ignored and the
 * default is used, with the evidence saying why. The interpretation flag beside such a range is not
 * used either: the lab computed it against that same range, so it cannot be trusted more than the
 * range (a flag sent without any range still counts, as before).
 */
import { ANALYTES, type AnalyteId } from '../../codes/labs.js';
import type { EvaluationContext } from '../context.js';
import { criterion, result, type Criterion } from '../criterion.js';
import type { ThresholdParameter } from '../parameters.js';
import type { LabResult, QuantityValue } from '../record.js';
import { fromCanonical, toCanonical, formatNumber } from '../units.js';
import { explainMissing, labEvidence, newerUninterpretable, resultText, selectLab, unusableEvidence } from './lab-selection.js';

export type Comparison = '<' | '<=' | '>' | '>=';

const LOW_CODES = new Set(['L', 'LL', 'LU', '<']);
const HIGH_CODES = new Set(['H', 'HH', 'HU', '>']);

/** A limit expressed in `unit`: exact when the parameter states that unit, converted otherwise. */
export function limitIn(analyte: string, limit: ThresholdParameter, unit: string): number | undefined {
  if (unit === limit.unit) return limit.value;
  // `unit` is a unit key, never a FHIR string, but the table is a plain object: ask for an own property.
  const alt = limit.alternates && Object.prototype.hasOwnProperty.call(limit.alternates, unit) ? limit.alternates[unit] : undefined;
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
  /** "the lab's range 42–50 mmol/L was ignored: more than four times the default limit", when it was. */
  readonly ignoredRange?: string;
}

/** The rule's default limits, per direction, that the lab's own range is checked against. */
export interface DefaultLimits {
  readonly low?: ThresholdParameter;
  readonly high?: ThresholdParameter;
}

/** A lab limit this many times above, or this many times below, the rule's default is taken for a mistake (catalogue, second round). */
export const MAX_RANGE_FACTOR = 4;

/** "3.5–5.1 mmol/L"; each bound with its unit when they differ ("13.7 mg/dL–5.1 mmol/L"). */
function rangeText(rr: { readonly low?: QuantityValue; readonly high?: QuantityValue }): string {
  const { low, high } = rr;
  if (low && high && low.unit !== high.unit) return `${formatNumber(low.value)} ${low.unit}–${formatNumber(high.value)} ${high.unit}`;
  return `${low ? formatNumber(low.value) : ''}–${high ? formatNumber(high.value) : ''} ${(low ?? high)!.unit}`;
}

/** How far a bound is from a default, in the default's unit: a reason when too far, else undefined. */
function tooFar(analyte: string, bound: QuantityValue | undefined, limit: ThresholdParameter | undefined): string | undefined {
  if (!bound || !limit || !(limit.value > 0)) return undefined;
  const inLimitUnit = quantityIn(analyte, bound, limit.unit);
  if (inLimitUnit === undefined) return undefined;
  const ratio = inLimitUnit / limit.value;
  if (ratio > MAX_RANGE_FACTOR) return 'more than four times the default limit';
  if (ratio < 1 / MAX_RANGE_FACTOR) return 'less than a quarter of the default limit';
  return undefined;
}

/**
 * Why the lab's own range may not decide for this result, as an evidence sentence, or undefined
 * when it may (or when there is none): left out by the mapper, or too far from the defaults given.
 */
export function ignoredRangeReason(r: LabResult, defaults: DefaultLimits): string | undefined {
  const flag = r.interpretation.length ? `; its flag ${r.interpretation.join(', ')} was not used either` : '';
  if (r.ignoredRange) return `the lab's range ${r.ignoredRange.range} was ignored: ${r.ignoredRange.why}`;
  const rr = r.referenceRange;
  if (!rr || (!rr.low && !rr.high)) return undefined;
  const why = tooFar(r.analyte, rr.low, defaults.low) ?? tooFar(r.analyte, rr.high, defaults.high);
  return why ? `the lab's range ${rangeText(rr)} was ignored: ${why}${flag}` : undefined;
}

const OP_WORDS: Record<Comparison, string> = { '<': 'below', '<=': 'at or below', '>': 'above', '>=': 'at or above' };

/**
 * Judge one usable result against a limit in one direction. `defaults` are the rule's limits the
 * lab's range is checked against (catalogue, second round); by default, `limit` in this direction.
 */
export function judge(r: LabResult, op: Comparison, limit: ThresholdParameter, useLabRange: boolean, defaults?: DefaultLimits): Judgement | undefined {
  if (!r.value) return undefined;
  const low = op === '<' || op === '<=';
  const ignoredRange = useLabRange ? ignoredRangeReason(r, defaults ?? (low ? { low: limit } : { high: limit })) : undefined;
  if (useLabRange && !ignoredRange) {
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
  return {
    meets,
    reason: `${meets ? OP_WORDS[op] : `not ${OP_WORDS[op]}`} ${formatNumber(limitValue)} ${r.value.unit}`,
    basis: 'default',
    ...(ignoredRange ? { ignoredRange } : {}),
  };
}

/** Note for the evidence item: the judgement, the lab's range (or why it was ignored), and the canonical value when converted. */
export function resultNote(r: LabResult, j: Judgement): string {
  const parts = [j.reason];
  const rr = r.referenceRange;
  const ignored = j.ignoredRange ?? (r.ignoredRange ? `the lab's range ${r.ignoredRange.range} was ignored: ${r.ignoredRange.why}` : undefined);
  if (ignored) parts.push(ignored);
  else if (rr && (rr.low || rr.high) && j.basis !== 'lab-range') parts.push(`lab range ${rangeText(rr)}`);
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
    const newer = newerUninterpretable(sel);
    if (newer) return result('unknown', label, { evidence: [labEvidence(r, 'checked', resultNote(r, j)), ...newer.evidence], missing: newer.missing });
    return result('false', label, { evidence: [labEvidence(r, 'checked', resultNote(r, j))], facts, note: j.reason });
  });
}
