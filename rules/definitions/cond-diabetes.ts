/**
 * cond-diabetes — knowledge base row C9 (with B5 for the next step and handout).
 *
 * What decides it: an active Condition coded as diabetes mellitus: ICD-10-CM E10.* (type 1),
 * E11.* (type 2), E13.*, SNOMED 73211009, 44054006, 46635009 and listed diabetic complications
 * (neuropathy, retinopathy, kidney disease due to diabetes), or text naming diabetes mellitus.
 * Code list: DIABETES in rules/codes/conditions/metabolic.ts. Activity as for every condition rule.
 *
 * Pitfalls avoided: a raised HbA1c or glucose is lab-hyperglycemia, never this rule (rule
 * catalogue, Decisions: coded Conditions only). Prediabetes (SNOMED 15777000, R73.03), diabetes
 * insipidus (E23.2) and gestational diabetes are not diabetes mellitus here and do not match.
 * Hypoglycaemia at night in insulin or sulfonylurea users is a separate red flag.
 */
import { DIABETES } from '../codes/conditions/metabolic.js';
import { SOURCES } from '../codes/sources.js';
import { defineRule } from '../engine/define-rule.js';
import { activeConditionIn } from '../engine/primitives/condition.js';
import { CONDITION_NEEDS } from '../engine/shared-parameters.js';

export const rule = defineRule({
  id: 'cond-diabetes',
  version: '1.0.0',
  title: 'Diabetes mellitus',
  family: 'cond',
  redFlag: false,
  grade: 'B',
  evidenceStatement:
    'HbA1c was associated with night cramps in NHANES (S20); diabetes appears in the Mayo and National Sleep Foundation lists (S28, S19), and hypoglycaemia in people with diabetes is a BMJ Best Practice risk factor (S23).',
  citations: [SOURCES.S20, SOURCES.S28, SOURCES.S19, SOURCES.S23],
  knowledgeBaseRows: ['C9', 'B5'],
  parameters: {},
  needs: CONDITION_NEEDS,
  criteria: activeConditionIn([DIABETES], 'diabetes mellitus'),
  summary: {
    flagged: (r) => `Diabetes on record (${r.facts.condition}): linked to cramps via neuropathy; check feet and night hypos`,
    notFlagged: 'No diabetes mellitus on record',
    insufficient: 'Conditions could not be read: diabetes not checked',
  },
  detail:
    'Diabetes is associated with night cramps, mostly through peripheral neuropathy; poor control makes neuropathy more likely. ' +
    'In people using insulin or a sulfonylurea, night-time cramps with sweating, confusion or nightmares may be hypoglycaemia.',
  nextStep:
    'Primary care or endocrinology: neuropathy and foot examination. If on insulin or a sulfonylurea, ask about night-time hypoglycaemia and check glucose.',
  handoutSections: ['diabetes'],
});
