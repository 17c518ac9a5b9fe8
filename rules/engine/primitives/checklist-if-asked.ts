/**
 * Criterion: the clinician reported a finding on the point-of-care checklist, where an unasked
 * question counts as "not reported" instead of "could not look".
 *
 * For items that only add a second way to flag something the record already covers (tonic water
 * or over-the-counter quinine beside the medication list, KB D8), a checklist nobody filled in
 * must not stop the rule from being not-flagged: the shared examples expect safety-quinine
 * not-flagged for a patient with no quinine on record and no checklist. Whether it was asked is
 * kept as a fact (`<item id>:asked`) and in the trace, so the summary can say so. Red flags that
 * depend on what only the clinician can see keep using `clinicianReports`, where unasked is unknown.
 */
import type { ChecklistItem } from '../../codes/checklist.js';
import { criterion, type Criterion } from '../criterion.js';
import { clinicianReports } from './checklist.js';

export function clinicianReportsIfAsked(item: ChecklistItem): Criterion {
  const asked = clinicianReports(item);
  const label = `${asked.label} (unasked counts as not reported)`;
  return criterion(label, (ctx) => {
    const r = asked.evaluate(ctx);
    const facts = { ...r.facts, [`${item.id}:asked`]: r.truth !== 'unknown' };
    if (r.truth !== 'unknown') return { ...r, facts };
    return { truth: 'false', evidence: [], missing: [], facts, trace: [{ criterion: label, result: 'false', note: r.missing.join('; ') }] };
  });
}
