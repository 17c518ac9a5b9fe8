/**
 * The one-line summary of a lab rule that could not decide. Two different situations, two
 * different sentences: a source that could not be read ("could not look") is not the same as no
 * result in the lookback ("nothing recent to look at"), and the clinician acts differently on each.
 */
import { describeDuration } from '../time.js';
import type { RuleSummaryInput } from '../types.js';

/** True when a `missing` line says a source could not be read in full (failed, not authorised, truncated). */
export function sourceUnreadable(r: RuleSummaryInput): boolean {
  return r.missing.some((m) => /could not be read|not authorised|partly read/.test(m));
}

/**
 * True when a `missing` line says this analyte's results could not be read in full ("creatine
 * kinase (CK) results could not be read (HTTP 503)", "fasting glucose results not authorised"):
 * then a summary must say so, not "no usable result".
 */
export function labUnreadable(r: RuleSummaryInput, ...names: readonly string[]): boolean {
  return r.missing.some((m) => names.some((name) => m.startsWith(`${name} results `)) && /could not be read|not authorised|partly read/.test(m));
}

/** True when a newer result than the latest usable one could not be interpreted (lab-selection.ts). */
export function newerResultUnreadable(r: RuleSummaryInput): boolean {
  return r.missing.some((m) => m.startsWith('a newer '));
}

/** "Potassium: a newer result could not be read; the last usable one may be out of date". */
export function newerResultSummary(name: string): string {
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}: a newer result could not be read; the last usable one may be out of date`;
}

/** "No usable potassium result in the last 3 months", or "Potassium could not be fully checked: ...". */
export function insufficientLabSummary(name: string, lookback: string): (r: RuleSummaryInput) => string {
  const capitalised = `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  return (r) =>
    sourceUnreadable(r)
      ? `${capitalised} could not be fully checked: some laboratory results could not be read`
      : newerResultUnreadable(r)
        ? newerResultSummary(name)
        : `No usable ${name} result in the last ${describeDuration(lookback)}`;
}
