/**
 * A result shown beside a finding as context, not as a criterion: free T4 beside an abnormal TSH,
 * 25-OH vitamin D and eGFR beside a raised PTH, creatinine beside a low eGFR.
 *
 * Meant for `withSupport`: the criterion is true whenever a usable result exists in the lookback
 * (its evidence is then relabelled `supporting` by withSupport), unknown otherwise, and it never
 * decides an outcome. withSupport does not carry `missing`, so when there is no result because
 * the source could not be read in full, the fact `<analyte>Unread` says so ("free T4 results
 * could not be read (server error (HTTP 503))"): a rule must not then write "no free T4". The note says how the lab itself judged the value (range or interpretation),
 * and how it compares with `limits` when a rule gives them.
 */
import { ANALYTES, type AnalyteId } from '../../codes/labs.js';
import { criterion, result, type Criterion } from '../criterion.js';
import type { LabResult } from '../record.js';
import { formatNumber } from '../units.js';
import { classify, type RangeLimits } from './lab-range.js';
import { explainMissing, labEvidence, resultText, selectLab } from './lab-selection.js';
import { couldNotBeRead } from './source-words.js';

function labOwnJudgement(r: LabResult): string | undefined {
  const parts: string[] = [];
  const rr = r.referenceRange;
  if (rr && (rr.low || rr.high)) parts.push(`lab range ${rr.low ? formatNumber(rr.low.value) : ''}–${rr.high ? formatNumber(rr.high.value) : ''} ${(rr.low ?? rr.high)!.unit}`);
  if (r.interpretation.length) parts.push(`lab flagged it ${r.interpretation.join(', ')}`);
  return parts.length ? parts.join('; ') : undefined;
}

/** The fact that says a context result's source could not be read in full: `t4-freeUnread`. */
export const unreadFact = (analyte: AnalyteId): string => `${analyte}Unread`;

export function latestAsContext(analyte: AnalyteId, lookback: string, limits?: RangeLimits): Criterion {
  const name = ANALYTES[analyte].name;
  const label = `context: latest ${name} within ${lookback}`;
  return criterion(label, (ctx) => {
    const sel = selectLab(ctx, analyte, lookback);
    const r = sel.latest;
    if (!r) {
      const unread = couldNotBeRead(ctx.source(`Observation:${analyte}`));
      return result('unknown', label, { missing: [explainMissing(sel, lookback)], ...(unread ? { facts: { [unreadFact(analyte)]: `${name} results ${unread}` } } : {}) });
    }
    const c = limits ? classify(r, limits, true) : undefined;
    const note = [c ? (c.direction === 'normal' ? `within range (${c.reason})` : `${c.direction}: ${c.reason}`) : labOwnJudgement(r), 'shown as context'].filter(Boolean).join('; ');
    return result('true', label, {
      evidence: [labEvidence(r, 'trigger', note)],
      facts: { [analyte]: `${resultText(r)} on ${r.date}`, ...(c ? { [`${analyte}Direction`]: c.direction } : {}) },
    });
  });
}
