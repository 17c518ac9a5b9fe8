/**
 * Naming the band a result falls in (potassium mild / moderate / severe, vitamin D deficient /
 * severe, eGFR stage) without changing whether a rule fires.
 *
 * Bands are fixed named thresholds compared in the result's own unit whenever the threshold is
 * stated in it, like every other comparison in the engine.
 */
import type { AnalyteId } from '../../codes/labs.js';
import { criterion, type Criterion } from '../criterion.js';
import type { ThresholdParameter } from '../parameters.js';
import type { LabResult } from '../record.js';
import { selectLab } from './lab-selection.js';
import { compare, limitIn } from './lab-threshold.js';

/** True when the result is strictly below the limit (false when it cannot be compared). */
export function isBelow(r: LabResult, limit: ThresholdParameter): boolean {
  const l = r.value ? limitIn(r.analyte, limit, r.value.unit) : undefined;
  return l !== undefined && !!r.value && compare(r.value.value, '<', l);
}

export interface Band {
  readonly name: string;
  /** The band applies when the value is strictly below this. */
  readonly below: ThresholdParameter;
}

/** The first band (list the most extreme first) whose limit the result is below, else `otherwise`. */
export function bandOf(r: LabResult, bands: readonly Band[], otherwise: string): string {
  return bands.find((b) => isBelow(r, b.below))?.name ?? otherwise;
}

/**
 * Adds facts derived from the latest usable result of an analyte to a criterion's result,
 * whatever its truth (the summary of a not-flagged finding may name the band too).
 */
export function withLatestFacts(
  base: Criterion,
  analyte: AnalyteId,
  lookback: string,
  derive: (r: LabResult) => Readonly<Record<string, string | number | boolean>>,
): Criterion {
  return criterion(base.label, (ctx) => {
    const r = base.evaluate(ctx);
    const latest = selectLab(ctx, analyte, lookback).latest;
    return latest ? { ...r, facts: { ...r.facts, ...derive(latest) } } : r;
  });
}
