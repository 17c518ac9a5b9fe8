/**
 * Criterion, for use as supporting evidence beside a drug: is the latest potassium, magnesium or
 * sodium (within the electrolyte lookback) low? Diuretics (knowledge base rows A1–A3: "pull K,
 * Mg, Na") and drugs that shift potassium (A4, A6) are easier to judge with these values beside
 * them. The lab rules (lab-low-potassium, -magnesium, -sodium) own the finding itself; a rule that
 * wraps this in `withSupport` only shows the low values and never changes its outcome.
 *
 * Limits follow the rule catalogue's "Reference ranges": the lab's own range or interpretation
 * first, these defaults only when the result carries neither.
 *
 * A rule's detail must never turn a source it could not read into an absence ("none low"): when
 * some of these results could not be read in full (failed, cut short, not authorised, not
 * offered), the criterion says so in the fact `electrolytesUnread`, which withSupport carries to
 * the rule's texts even though the support never changes the outcome (describeElectrolyteSupport).
 */
import { ANALYTES, type AnalyteId } from '../../codes/labs.js';
import type { EvaluationContext } from '../context.js';
import { anyOf, criterion, type Criterion } from '../criterion.js';
import { LOOKBACKS, threshold, type ThresholdParameter } from '../parameters.js';
import type { EvidenceItem, RuleSummaryInput } from '../types.js';
import { labThreshold } from './lab-threshold.js';
import { capitalised, couldNotBeRead } from './source-words.js';

export const LOW_ELECTROLYTE_LIMITS = {
  potassium: threshold('Low potassium shown beside the drug: below the lab lower limit, default', 3.5, 'mmol/L', 'KB B3 (S13)', '✅', { 'mEq/L': 3.5 }),
  magnesium: threshold('Low magnesium shown beside the drug: below the lab lower limit, default', 1.7, 'mg/dL', 'KB B1 (typical LLN; S12)', '◐', { 'mmol/L': 0.7, 'mEq/L': 1.4 }),
  sodium: threshold('Low sodium shown beside the drug: below the lab lower limit, default', 135, 'mmol/L', 'KB B4 (lab LLN)', '⚠️', { 'mEq/L': 135 }),
} as const;

export type LowElectrolyteLimits = Partial<Readonly<Record<'potassium' | 'magnesium' | 'sodium', ThresholdParameter>>>;

/** The fact naming the electrolyte results that could not be read in full, in words. */
export const ELECTROLYTES_UNREAD = 'electrolytesUnread';

/** True when any of the given electrolytes is low on its latest usable result within `lookback`. */
export function lowElectrolytes(limits: LowElectrolyteLimits, lookback = LOOKBACKS.electrolytes.iso): Criterion {
  const analytes = Object.keys(limits) as AnalyteId[];
  const checks = (Object.entries(limits) as [AnalyteId, ThresholdParameter][]).map(([analyte, limit]) =>
    labThreshold({ analyte, op: '<', limit, lookback, useLabRange: true }),
  );
  const any = anyOf(`low ${analytes.join(', ')} within ${lookback}`, ...checks);
  return criterion(any.label, (ctx) => {
    const r = any.evaluate(ctx);
    const unread = unreadWords(ctx, analytes);
    return unread ? { ...r, facts: { ...r.facts, [ELECTROLYTES_UNREAD]: unread } } : r;
  });
}

const listed = (names: readonly string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/** "Potassium and sodium results could not be read (server error (HTTP 503))", one clause per reason; undefined when all were read. */
function unreadWords(ctx: EvaluationContext, analytes: readonly AnalyteId[]): string | undefined {
  const byReason = new Map<string, string[]>();
  for (const a of analytes) {
    const why = couldNotBeRead(ctx.source(`Observation:${a}`));
    if (why) byReason.set(why, [...(byReason.get(why) ?? []), ANALYTES[a].name]);
  }
  if (!byReason.size) return undefined;
  return capitalised([...byReason].map(([why, names]) => `${listed(names)} results ${why}`).join('; '));
}

/**
 * The sentences a drug rule's detail gives about the electrolytes beside it: the low ones, and
 * the ones that could not be read (so a low value cannot be ruled out). `noneLow` is said only
 * when every one was read and none is low.
 */
export function describeElectrolyteSupport(r: RuleSummaryInput, noneLow = ''): string {
  const low = describeLowElectrolytes(r.evidence);
  const unread = r.facts[ELECTROLYTES_UNREAD];
  return [
    low.length ? `Shown beside it: ${low.join('; ')}.` : '',
    typeof unread === 'string' ? `${unread}, so a low value beside it cannot be ruled out.` : low.length ? '' : noneLow,
  ]
    .filter(Boolean)
    .join(' ');
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
