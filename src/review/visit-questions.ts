/**
 * "Ask during the visit": red flags that could not be excluded only because a checklist question
 * has not been asked yet. Before the clinician has asked anything, that is every patient's
 * situation (six checklist-only red flags for a healthy adult), so showing each as "red flag not
 * excluded" would make every first screen a red wall. They are questions to ask, listed once each
 * in the checklist's order, with the rule ids they would settle.
 *
 * A red flag that also lacks data (no CK on record, a lab query that failed) is not only a
 * question: it stays in "Could not be checked".
 */
import { CHECKLIST_ITEM_LIST, type ChecklistItem } from '../../rules/codes/checklist.js';
import type { NotCheckedItem } from './group-findings.js';

export interface VisitQuestion {
  readonly item: ChecklistItem;
  /** The red flags the answer would settle. */
  readonly ruleIds: readonly string[];
}

/** A red flag whose every missing input is an unasked checklist question. */
export function onlyQuestionsMissing(i: NotCheckedItem): boolean {
  return i.finding.redFlag && i.finding.outcome === 'insufficient-data' && i.reasons.length > 0 && i.reasons.every((r) => r.kind === 'not-asked');
}

/** The checklist item an engine "not asked" line names ("one-sided calf swelling, warmth or tenderness (checklist not completed)"). */
function itemNamed(text: string): ChecklistItem | undefined {
  const lower = text.toLowerCase();
  return CHECKLIST_ITEM_LIST.find((item) => lower.startsWith(item.text.toLowerCase()));
}

export function visitQuestions(items: readonly NotCheckedItem[]): VisitQuestion[] {
  const byItem = new Map<string, string[]>();
  for (const i of items.filter(onlyQuestionsMissing)) {
    for (const r of i.reasons) {
      const item = itemNamed(r.text);
      if (!item) continue;
      const ids = byItem.get(item.id) ?? [];
      if (!ids.includes(i.finding.ruleId)) ids.push(i.finding.ruleId);
      byItem.set(item.id, ids);
    }
  }
  return CHECKLIST_ITEM_LIST.filter((item) => byItem.has(item.id)).map((item) => ({ item, ruleIds: byItem.get(item.id)! }));
}
