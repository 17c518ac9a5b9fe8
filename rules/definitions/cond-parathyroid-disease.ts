/**
 * cond-parathyroid-disease — knowledge base row C11 (with B7).
 *
 * What decides it: an active Condition coded as a parathyroid disorder: hyperparathyroidism
 * ICD-10-CM E21.0, E21.3 (and the rest of E21), secondary hyperparathyroidism of renal origin
 * N25.81, hypoparathyroidism E20.9 (and the rest of E20, E89.2), SNOMED 66999008 or 36976004, or
 * text naming hyper- or hypoparathyroidism. Code list: PARATHYROID_DISEASE in
 * rules/codes/conditions/metabolic.ts. Activity as for every condition rule.
 *
 * Kidney disease (rule catalogue, second round: "Parathyroid hormone in kidney disease"):
 * secondary hyperparathyroidism of renal origin (N25.81), or a parathyroid disorder beside an
 * active CKD or dialysis Condition, belongs to the kidney team, not endocrinology, on screen and in
 * the handout; the kidney Condition is shown beside it.
 *
 * Pitfalls avoided: the lay article lists hyperparathyroidism as a cause of calcium deficiency,
 * which is the wrong way round (KB section 8). Hypoparathyroidism lowers calcium (tetany, cramps);
 * primary hyperparathyroidism raises it; in secondary hyperparathyroidism the high PTH is the
 * response to low calcium or vitamin D (CKD, deficiency), not its cause. Calcium supplements are
 * wrong in hypercalcaemic hyperparathyroidism, so none is suggested without a calcium result.
 */
import { CHRONIC_KIDNEY_DISEASE, DIALYSIS } from '../codes/conditions/kidney.js';
import { PARATHYROID_DISEASE } from '../codes/conditions/metabolic.js';
import { SOURCES } from '../codes/sources.js';
import { icdMatches } from '../engine/condition-matching.js';
import { withSupport } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { activeConditionIn } from '../engine/primitives/condition.js';
import { CONDITION_NEEDS } from '../engine/shared-parameters.js';
import type { RuleSummaryInput } from '../engine/types.js';

/** Secondary hyperparathyroidism of renal origin, or a parathyroid disorder beside CKD or dialysis. */
function ofKidneyDisease(r: RuleSummaryInput): boolean {
  return r.evidence.some((e) => (e.role === 'trigger' && e.code !== undefined && icdMatches(e.code, 'N25.81')) || e.role === 'supporting');
}

export const rule = defineRule({
  id: 'cond-parathyroid-disease',
  version: '1.0.0',
  title: 'Parathyroid disorder',
  family: 'cond',
  redFlag: false,
  grade: 'C',
  evidenceStatement:
    'No study of parathyroid disease and night cramps was found; the link runs through calcium. Low calcium causes cramps, tingling and tetany (S14), and NICE includes calcium in the targeted work-up (S7).',
  citations: [SOURCES.S14, SOURCES.S7],
  knowledgeBaseRows: ['C11', 'B7'],
  parameters: {},
  needs: CONDITION_NEEDS,
  criteria: withSupport(activeConditionIn([PARATHYROID_DISEASE], 'a parathyroid disorder'), activeConditionIn([CHRONIC_KIDNEY_DISEASE, DIALYSIS], 'chronic kidney disease or dialysis')),
  summary: {
    flagged: (r) => `Parathyroid disorder on record (${r.facts.condition}): check calcium, PTH and vitamin D`,
    notFlagged: 'No parathyroid disorder on record',
    insufficient: 'Conditions could not be read: parathyroid disorders not checked',
  },
  detail:
    'Read the calcium and PTH together. Hypoparathyroidism causes low calcium, which can cause cramps and tetany. Primary hyperparathyroidism raises calcium. ' +
    'In secondary hyperparathyroidism (vitamin D deficiency, chronic kidney disease) the high PTH is the body’s response to low or low-normal calcium. Calcium supplements are wrong when calcium is high.',
  nextStep: (r) =>
    ofKidneyDisease(r)
      ? 'Kidney team (nephrology): parathyroid disorder of kidney disease; check calcium, phosphate, PTH and 25-OH vitamin D with them.'
      : 'Endocrinology. Check calcium (albumin-corrected or ionised), PTH, 25-OH vitamin D, magnesium and creatinine; no calcium supplement without a calcium result.',
  handoutSections: (r) => (ofKidneyDisease(r) ? ['parathyroid-kidney'] : ['parathyroid']),
});
