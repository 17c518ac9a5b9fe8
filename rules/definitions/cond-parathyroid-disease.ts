/**
 * cond-parathyroid-disease — knowledge base row C11 (with B7).
 *
 * What decides it: an active Condition coded as a parathyroid disorder: hyperparathyroidism
 * ICD-10-CM E21.0, E21.3 (and the rest of E21), secondary hyperparathyroidism of renal origin
 * N25.81, hypoparathyroidism E20.9 (and the rest of E20, E89.2), SNOMED 66999008 or 36976004, or
 * text naming hyper- or hypoparathyroidism. Code list: PARATHYROID_DISEASE in
 * rules/codes/conditions/metabolic.ts. Activity as for every condition rule.
 *
 * Pitfalls avoided: the lay article lists hyperparathyroidism as a cause of calcium deficiency,
 * which is the wrong way round (KB section 8). Hypoparathyroidism lowers calcium (tetany, cramps);
 * primary hyperparathyroidism raises it; in secondary hyperparathyroidism the high PTH is the
 * response to low calcium or vitamin D (CKD, deficiency), not its cause. Calcium supplements are
 * wrong in hypercalcaemic hyperparathyroidism, so none is suggested without a calcium result.
 */
import { PARATHYROID_DISEASE } from '../codes/conditions/metabolic.js';
import { SOURCES } from '../codes/sources.js';
import { defineRule } from '../engine/define-rule.js';
import { activeConditionIn } from '../engine/primitives/condition.js';
import { CONDITION_NEEDS } from '../engine/shared-parameters.js';

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
  criteria: activeConditionIn([PARATHYROID_DISEASE], 'a parathyroid disorder'),
  summary: {
    flagged: (r) => `Parathyroid disorder on record (${r.facts.condition}): check calcium, PTH and vitamin D`,
    notFlagged: 'No parathyroid disorder on record',
    insufficient: 'Conditions could not be read: parathyroid disorders not checked',
  },
  detail:
    'Read the calcium and PTH together. Hypoparathyroidism causes low calcium, which can cause cramps and tetany. Primary hyperparathyroidism raises calcium. ' +
    'In secondary hyperparathyroidism (vitamin D deficiency, chronic kidney disease) the high PTH is the body’s response to low or low-normal calcium. Calcium supplements are wrong when calcium is high.',
  nextStep: 'Endocrinology. Check calcium (albumin-corrected or ionised), PTH, 25-OH vitamin D, magnesium and creatinine; no calcium supplement without a calcium result.',
  handoutSections: ['parathyroid'],
});
