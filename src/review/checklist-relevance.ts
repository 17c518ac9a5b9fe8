/**
 * Which checklist questions matter for this patient, and which red flags an answer raised.
 *
 * - "Unusual bruising or bleeding while taking quinine" only when quinine is on record (or the
 *   clinician said the patient takes tonic water or shop-bought quinine), or when the medicines
 *   could not all be read: safety-quinine then says so (flagged or insufficient-data). Without
 *   quinine the question does not apply (redflag-quinine-toxicity reads it only with quinine).
 * - "Frequent falls or loss of motor skills (in a child)" only under 18, or when the age is not
 *   known: it only changes the pediatric red flag's urgency.
 * - Every other question is asked of everyone. A question already answered is always shown, so an
 *   answer never disappears from the screen.
 */
import { CHECKLIST_ITEM_LIST, CHECKLIST_ITEMS, type ChecklistItem } from '../../rules/codes/checklist.js';
import type { Finding } from '../../rules/engine/types.js';

export interface ChecklistContext {
  readonly ageYears: number | null;
  readonly findings: readonly Finding[];
  readonly answers: Readonly<Record<string, unknown>>;
}

const ADULT_AGE = 18;

function quinineMayBeInUse(findings: readonly Finding[]): boolean {
  const safety = findings.find((f) => f.ruleId === 'safety-quinine');
  return !safety || safety.outcome !== 'not-flagged';
}

export function checklistItemsFor(c: ChecklistContext): ChecklistItem[] {
  const applies: Readonly<Record<string, () => boolean>> = {
    [CHECKLIST_ITEMS.bleedingOnQuinine.id]: () => quinineMayBeInUse(c.findings),
    [CHECKLIST_ITEMS.falls.id]: () => c.ageYears === null || c.ageYears < ADULT_AGE,
  };
  return CHECKLIST_ITEM_LIST.filter((item) => Object.hasOwn(c.answers, item.id) || (applies[item.id]?.() ?? true));
}

/** Flagged red flags by the checklist item whose "yes" triggered them. */
export function redFlagsByItem(findings: readonly Finding[]): ReadonlyMap<string, readonly Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.redFlag || f.outcome !== 'flagged') continue;
    for (const e of f.evidence) {
      if (e.resourceType !== 'QuestionnaireResponse' || e.role !== 'trigger' || e.value !== 'yes' || !e.code) continue;
      const list = out.get(e.code) ?? [];
      if (!list.includes(f)) list.push(f);
      out.set(e.code, list);
    }
  }
  return out;
}
