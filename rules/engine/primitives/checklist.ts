/**
 * Criterion: the clinician reported a finding on the point-of-care checklist.
 * Only a checklist completed for this visit counts (authored within a day of `asOf`); an item
 * nobody answered is unknown, never "no".
 */
import type { ChecklistItem } from '../../codes/checklist.js';
import type { EvaluationContext } from '../context.js';
import { criterion, result, type Criterion } from '../criterion.js';
import type { ChecklistResponse } from '../record.js';
import { withinLookback } from '../time.js';
import type { EvidenceItem } from '../types.js';

/** How old a checklist may be and still describe this visit. */
export const CHECKLIST_MAX_AGE = 'P1D';

const NOT_CURRENT = new Set(['entered-in-error', 'stopped']);

export function currentChecklist(ctx: EvaluationContext): ChecklistResponse | undefined {
  return ctx.memoise('checklist', () =>
    ctx.record.checklists.find((c) => !NOT_CURRENT.has(c.status) && withinLookback(c.authored, ctx.asOf, CHECKLIST_MAX_AGE)),
  );
}

function checklistEvidence(c: ChecklistResponse, item: ChecklistItem, answer: string): EvidenceItem {
  return {
    resourceType: c.source.resourceType,
    id: c.source.id,
    role: answer === 'yes' ? 'trigger' : 'checked',
    code: item.id,
    display: item.text,
    value: answer,
    ...(c.authored ? { date: c.authored } : {}),
    note: 'reported by the clinician on the point-of-care checklist',
  };
}

export function clinicianReports(item: ChecklistItem): Criterion {
  const label = `clinician reports: ${item.text.toLowerCase()}`;
  return criterion(label, (ctx) => {
    const c = currentChecklist(ctx);
    const answer = c?.answers[item.id];
    if (!c || !answer) {
      const older = ctx.record.checklists[0]?.authored;
      const why = c ? 'not answered on the checklist' : older ? `checklist not completed for this visit (last one ${older})` : 'checklist not completed';
      return result('unknown', label, { missing: [`not asked: ${item.text.toLowerCase()} (${why})`] });
    }
    return result(answer === 'yes' ? 'true' : 'false', label, { evidence: [checklistEvidence(c, item, answer)] });
  });
}
