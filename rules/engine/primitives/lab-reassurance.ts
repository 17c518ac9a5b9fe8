/**
 * Wraps a lab-threshold criterion so that a normal result reassures only while it is recent.
 *
 * Some red flags read a lab whose meaning decays fast: quinine-induced thrombocytopenia is
 * immune-mediated and can appear within days (median onset about 13 days, S4c), so a normal
 * platelet count from eight months ago says nothing about today. The inner criterion keeps its
 * own lookback for firing (an abnormal result anywhere in it still fires); a normal result older
 * than `reassureWithin` turns `false` into `unknown`, naming the date, so the finding asks for a
 * fresh result instead of claiming "not flagged".
 */
import { ANALYTES, type AnalyteId } from '../../codes/labs.js';
import { criterion, result, type Criterion } from '../criterion.js';
import { describeDuration, lookbackStart } from '../time.js';
import { resultText, selectLab } from './lab-selection.js';

export interface ReassuranceWindow {
  readonly analyte: AnalyteId;
  /** The lookback the inner criterion uses (to find the same result). */
  readonly lookback: string;
  /** How recent a normal result must be to count as reassuring (ISO 8601 duration). */
  readonly reassureWithin: string;
}

export function reassuringOnlyWithin(inner: Criterion, w: ReassuranceWindow): Criterion {
  const name = ANALYTES[w.analyte].name;
  const label = `${inner.label}; a normal result reassures only within the last ${describeDuration(w.reassureWithin)}`;
  return criterion(label, (ctx) => {
    const r = inner.evaluate(ctx);
    if (r.truth !== 'false') return r;
    const latest = selectLab(ctx, w.analyte, w.lookback).latest;
    if (!latest?.date || latest.date >= lookbackStart(ctx.asOf, w.reassureWithin)) return r;
    const why = `latest ${name} ${resultText(latest)} on ${latest.date} is normal but older than ${describeDuration(w.reassureWithin)}: a current result is needed`;
    const own = result('unknown', label, { evidence: r.evidence, facts: r.facts, missing: [why], note: why });
    return { ...own, trace: { ...own.trace, children: [...(own.trace.children ?? []), r.trace] } };
  });
}
