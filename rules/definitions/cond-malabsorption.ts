/**
 * cond-malabsorption — knowledge base row C17.
 *
 * What decides it: an active Condition coded as gastrectomy, post-gastric-surgery syndrome,
 * bariatric surgery, coeliac disease or intestinal malabsorption: ICD-10-CM Z90.3, K91.1, K90.0
 * (and the rest of K90), Z98.84; SNOMED 396331005 (coeliac disease); or text naming them. Code
 * list: MALABSORPTION in rules/codes/conditions/other.ts. Activity as for every condition rule.
 *
 * Why: the mechanism is poor absorption of calcium, magnesium and vitamin D, so the next step is
 * to measure them, not to supplement blindly (KB section 8: supplement only a measured deficiency).
 * Pitfalls avoided: a gastric operation recorded only as a Procedure is not read (condition rules
 * read Conditions); lactose intolerance is not malabsorption of minerals and does not match.
 */
import { MALABSORPTION } from '../codes/conditions/other.js';
import { SOURCES } from '../codes/sources.js';
import { defineRule } from '../engine/define-rule.js';
import { activeConditionIn } from '../engine/primitives/condition.js';
import { CONDITION_NEEDS } from '../engine/shared-parameters.js';

export const rule = defineRule({
  id: 'cond-malabsorption',
  version: '1.0.0',
  title: 'Gastrectomy, bariatric surgery, coeliac disease or malabsorption',
  family: 'cond',
  redFlag: false,
  grade: 'C',
  evidenceStatement:
    'Coeliac disease appears in a clinical differential list for cramps (S31); the proposed mechanism is malabsorption of calcium, magnesium and vitamin D. No direct study was read.',
  citations: [SOURCES.S31],
  knowledgeBaseRows: ['C17'],
  parameters: {},
  needs: CONDITION_NEEDS,
  criteria: activeConditionIn([MALABSORPTION], 'gastrectomy, bariatric surgery, coeliac disease or malabsorption'),
  summary: {
    flagged: (r) => `Malabsorption risk on record (${r.facts.condition}): check calcium, magnesium and vitamin D`,
    notFlagged: 'No gastrectomy, bariatric surgery, coeliac disease or malabsorption on record',
    insufficient: 'Conditions could not be read: malabsorption not checked',
  },
  detail:
    'After stomach or bariatric surgery, and in coeliac disease, calcium, magnesium and vitamin D may be poorly absorbed; low levels can cause cramps. Measure before replacing.',
  nextStep: 'Gastroenterology. Check calcium, magnesium and 25-OH vitamin D; replace only a measured deficiency.',
  handoutSections: ['malabsorption'],
});
