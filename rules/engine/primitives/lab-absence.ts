/**
 * Criterion: no usable result of an analyte within a lookback (for data-gap rules: "a diuretic is
 * active and there is no potassium result in the last 12 months").
 *
 * True when the analyte's source was read in full and no usable result falls in the window; the
 * stale or unusable results that do exist are shown as `unusable`, and the reason ("last one
 * 2025-06-01 (4.1 mmol/L)") is kept as the fact `no-<analyte>` for the summary, because a flagged
 * finding carries no `missing` list. False when a usable result exists in the window (shown as
 * checked), whether or not the source was read in full: the result is there. Unknown when the
 * source could not be read in full and nothing usable was found: absence cannot be claimed.
 */
import { ANALYTES, type AnalyteId } from '../../codes/labs.js';
import { criterion, result, type Criterion } from '../criterion.js';
import { describeDuration } from '../time.js';
import { explainMissing, labEvidence, selectLab, unusableEvidence } from './lab-selection.js';

export function noUsableResult(analyte: AnalyteId, lookback: string): Criterion {
  const name = ANALYTES[analyte].name;
  const window = `the last ${describeDuration(lookback)}`;
  const label = `no usable ${name} result within ${window}`;
  return criterion(label, (ctx) => {
    const sel = selectLab(ctx, analyte, lookback);
    if (sel.latest) {
      return result('false', label, { evidence: [labEvidence(sel.latest, 'checked', `latest usable ${name} result within ${window}`)] });
    }
    const why = explainMissing(sel, lookback);
    if (!sel.complete) return result('unknown', label, { evidence: unusableEvidence(sel), missing: [why] });
    return result('true', label, { evidence: unusableEvidence(sel), facts: { [`no-${analyte}`]: why }, note: why });
  });
}
