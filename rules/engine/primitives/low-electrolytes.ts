/**
 * Criterion, for use as supporting evidence beside a drug: is the latest potassium, magnesium or
 * sodium (within the electrolyte lookback) low? Diuretics (knowledge base rows A1–A3: "pull K,
 * Mg, Na") and drugs that shift potassium (A4, A6) are easier to judge with these values beside
 * them. The lab rules (lab-low-potassium, -magnesium, -sodium) own the finding itself; a rule that
 * wraps this in `withSupport` only shows the low values and never changes its outcome.
 *
 * Limits follow the rule catalogue's "Reference ranges": the lab's own range or interpretation
 * first, these defaults only when the result carries neither.
 */
import { ANALYTES, type AnalyteId } from '../../codes/labs.js';
import { anyOf, type Criterion } from '../criterion.js';
import { LOOKBACKS, threshold, type ThresholdParameter } from '../parameters.js';
import type { EvidenceItem } from '../types.js';
import { labThreshold } from './lab-threshold.js';

export const LOW_ELECTROLYTE_LIMITS = {
  potassium: threshold('Low potassium shown beside the drug: below the lab lower limit, default', 3.5, 'mmol/L', 'KB B3 (S13)', '✅', { 'mEq/L': 3.5 }),
  magnesium: threshold('Low magnesium shown beside the drug: below the lab lower limit, default', 1.7, 'mg/dL', 'KB B1 (typical LLN; S12)', '◐', { 'mmol/L': 0.7, 'mEq/L': 1.4 }),
  sodium: threshold('Low sodium shown beside the drug: below the lab lower limit, default', 135, 'mmol/L', 'KB B4 (lab LLN)', '⚠️', { 'mEq/L': 135 }),
} as const;

export type LowElectrolyteLimits = Partial<Readonly<Record<'potassium' | 'magnesium' | 'sodium', ThresholdParameter>>>;

/** True when any of the given electrolytes is low on its latest usable result within `lookback`. */
export function lowElectrolytes(limits: LowElectrolyteLimits, lookback = LOOKBACKS.electrolytes.iso): Criterion {
  const checks = (Object.entries(limits) as [AnalyteId, ThresholdParameter][]).map(([analyte, limit]) =>
    labThreshold({ analyte, op: '<', limit, lookback, useLabRange: true }),
  );
  return anyOf(`low ${Object.keys(limits).join(', ')} within ${lookback}`, ...checks);
}

const ELECTROLYTES = ['potassium', 'magnesium', 'sodium'] as const;

/** "low potassium 3.1 mmol/L (2026-11-02)", one per low value shown as supporting evidence, or []. */
export function describeLowElectrolytes(evidence: readonly EvidenceItem[]): string[] {
  const out: string[] = [];
  for (const e of evidence) {
    if (e.role !== 'supporting' || e.resourceType !== 'Observation') continue;
    const analyte = ELECTROLYTES.find((a) => ANALYTES[a].loinc.some((c) => c.code === e.code));
    if (analyte) out.push(`low ${ANALYTES[analyte].name} ${e.value} ${e.unit ?? ''}`.trim() + (e.date ? ` (${e.date})` : ''));
  }
  return out;
}
