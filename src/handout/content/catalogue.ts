/**
 * Every handout section's content, by section id. A test checks that each id the rules can name
 * (rules/codes/handout-sections.ts) has content here, in every language.
 */
import type { Finding } from '../../../rules/engine/types.js';
import type { SectionId } from '../model.js';
import { CONDITION_SECTIONS } from './condition-sections.js';
import { CRAMP_DIARY, DIET, DURING_A_CRAMP, MEDICINES, PREVENTION } from './general.js';
import { LAB_SECTIONS } from './lab-sections.js';
import { MEDICINE_SECTIONS } from './medicine-sections.js';
import { CHILDREN, PREGNANCY, QUININE_WARNING } from './routes.js';
import type { SectionSpec } from './spec.js';
import { URGENT_HELP } from './urgent-help.js';

export const SECTION_SPECS: readonly SectionSpec[] = [
  URGENT_HELP,
  QUININE_WARNING,
  PREGNANCY,
  CHILDREN,
  ...MEDICINE_SECTIONS,
  ...LAB_SECTIONS,
  ...CONDITION_SECTIONS,
  DURING_A_CRAMP,
  PREVENTION,
  MEDICINES,
  DIET,
  CRAMP_DIARY,
];

export const SPEC_BY_ID: ReadonlyMap<SectionId, SectionSpec> = new Map(SECTION_SPECS.map((s) => [s.id, s]));

/**
 * When both sections of a pair are on the handout, the first is folded into the second, so the
 * patient does not read two near-identical sections (blood sugar into diabetes; dialysis and a low
 * eGFR both speak about the kidneys; the parathyroid hormone of kidney disease is the kidney
 * team's). The rule ids of the folded section move with it. The first matching pair wins.
 *
 * Water pills fold only when `sameProduct`: one pill holding both (triamterene with
 * hydrochlorothiazide fires both diuretic rules from one order). Two different pills keep two
 * sections, each with its own class's message: a loop diuretic is not a thiazide.
 */
export const FOLDS: readonly { readonly from: SectionId; readonly into: SectionId; readonly sameProduct?: true }[] = [
  { from: 'drug-thiazide-diuretic', into: 'drug-potassium-sparing-diuretic', sameProduct: true },
  { from: 'blood-sugar', into: 'diabetes' },
  { from: 'kidney', into: 'dialysis' },
  { from: 'parathyroid', into: 'parathyroid-kidney' },
];

/**
 * The sections a flagged finding feeds, as the rule names them, with one correction: a coded
 * hyperparathyroidism of renal origin (ICD-10-CM N25.81) is the kidney team's, like a high PTH in
 * kidney disease (rule catalogue, second round: "the kidney team, not endocrinology ... in the
 * handout").
 */
export function routedSections(f: Finding): SectionId[] {
  const ids = f.handoutSections.filter((id): id is SectionId => SPEC_BY_ID.has(id as SectionId));
  if (f.ruleId === 'cond-parathyroid-disease' && f.evidence.some((e) => e.role === 'trigger' && /^N25\.?8/i.test(e.code ?? ''))) {
    return ids.map((id) => (id === 'parathyroid' ? 'parathyroid-kidney' : id));
  }
  return ids;
}
