/**
 * Criterion: the clinician answered "yes" to a checklist item for this visit; anything else
 * (answered no, not answered, no checklist) is false.
 *
 * Use it only where the question is conditional on something else the rule already checks, so
 * that an unanswered question cannot hide a finding: "bruising or bleeding *while taking
 * quinine*" matters only when quinine is in use, and the rule reads the medication list for that
 * (see redflag-quinine-toxicity). Everywhere else use `clinicianReports`, where an unanswered
 * item is unknown.
 */
import type { ChecklistItem } from '../../codes/checklist.js';
import { clinicianReports } from './checklist.js';
import { criterion, result, type Criterion } from '../criterion.js';

export function clinicianAnsweredYes(item: ChecklistItem): Criterion {
  const asked = clinicianReports(item);
  const label = `clinician answered yes: ${item.text.toLowerCase()}`;
  return criterion(label, (ctx) => {
    const r = asked.evaluate(ctx);
    if (r.truth === 'true') return { ...r, trace: { criterion: label, result: 'true' } };
    return result('false', label, { evidence: r.evidence, note: r.truth === 'false' ? 'answered no' : 'not answered' });
  });
}
