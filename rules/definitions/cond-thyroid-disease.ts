/**
 * cond-thyroid-disease — knowledge base row C10 (with B6).
 *
 * What decides it: an active Condition coded as hypo- or hyperthyroidism: ICD-10-CM E03.9 and the
 * rest of E03, E02, E05.90 and the rest of E05, E06.3, E89.0, SNOMED 40930008, 34486009, 83664006,
 * or text naming hypo-/hyperthyroidism, thyrotoxicosis, Graves' or Hashimoto's disease. Code list:
 * THYROID_DISEASE in rules/codes/conditions/metabolic.ts. Activity as for every condition rule.
 *
 * Pitfalls avoided: a TSH outside range is lab-thyroid-dysfunction, not this rule; thyroid nodules,
 * goitre without dysfunction and thyroid cancer are not thyroid dysfunction and do not match.
 */
import { THYROID_DISEASE } from '../codes/conditions/metabolic.js';
import { SOURCES } from '../codes/sources.js';
import { defineRule } from '../engine/define-rule.js';
import { activeConditionIn } from '../engine/primitives/condition.js';
import { CONDITION_NEEDS } from '../engine/shared-parameters.js';

export const rule = defineRule({
  id: 'cond-thyroid-disease',
  version: '1.0.0',
  title: 'Hypo- or hyperthyroidism',
  family: 'cond',
  redFlag: false,
  grade: 'B/C',
  evidenceStatement:
    'NICE lists thyroid disease among secondary causes of cramps and includes thyroid tests in the targeted work-up (S7); Mayo lists both hypo- and hyperthyroidism (S28).',
  citations: [SOURCES.S7, SOURCES.S28],
  knowledgeBaseRows: ['C10', 'B6'],
  parameters: {},
  needs: CONDITION_NEEDS,
  criteria: activeConditionIn([THYROID_DISEASE], 'hypo- or hyperthyroidism'),
  summary: {
    flagged: (r) => `Thyroid disease on record (${r.facts.condition}): can cause cramps; check it is controlled`,
    notFlagged: 'No hypo- or hyperthyroidism on record',
    insufficient: 'Conditions could not be read: thyroid disease not checked',
  },
  detail:
    'An under- or over-active thyroid can cause muscle cramps, and treating it often helps. Check that thyroid function is controlled (a recent TSH). ' +
    'Hypothyroidism with muscle pain or weakness can raise CK (unverified in the knowledge base).',
  nextStep: 'Primary care or endocrinology: confirm control with a current TSH. If hypothyroid with muscle symptoms, check CK.',
  handoutSections: ['thyroid'],
});
