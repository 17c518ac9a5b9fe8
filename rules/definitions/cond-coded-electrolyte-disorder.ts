/**
 * cond-coded-electrolyte-disorder — knowledge base row C23 (mirrors Table B rows B1, B2, B3, B4,
 * B5/E9 and B8).
 *
 * What decides it: an active Condition coded as one of hypomagnesaemia (E83.42, SNOMED 190855004),
 * hypocalcaemia (E83.51, 5291005), hypokalaemia (E87.6, 43339004), hyponatraemia (E87.1,
 * 89627008), vitamin D deficiency (E55.9, 34713006) or hypoglycaemia (E16.2, 302866003), or text
 * naming one of them. Code lists: one per disorder, CODED_ELECTROLYTE_DISORDERS in
 * rules/codes/conditions/metabolic.ts. Activity as for every condition rule.
 *
 * Grade: the rows it mirrors range from B (magnesium, potassium, glucose) to C (sodium, vitamin D),
 * with calcium B/C; one rule carries one grade, so it is B/C and the detail names each disorder's.
 * Pitfalls avoided: a lab value never fires this rule (the lab rules judge current values; a
 * potassium of 2.9 is lab-low-potassium); the opposite disorders (hyperkalaemia, hypercalcaemia,
 * hypernatraemia) do not match. No supplement is suggested for a coded diagnosis alone: replace
 * only a measured deficiency (KB section 8).
 */
import { CODED_ELECTROLYTE_DISORDERS } from '../codes/conditions/metabolic.js';
import { SOURCES } from '../codes/sources.js';
import { defineRule } from '../engine/define-rule.js';
import { activeConditionIn } from '../engine/primitives/condition.js';
import { CONDITION_NEEDS } from '../engine/shared-parameters.js';

export const rule = defineRule({
  id: 'cond-coded-electrolyte-disorder',
  version: '1.0.0',
  title: 'Coded electrolyte or metabolic disorder',
  family: 'cond',
  redFlag: false,
  grade: 'B/C',
  evidenceStatement:
    'Low magnesium (S12), potassium (S13) and calcium (S14) increase neuromuscular excitability; hypoglycaemia in people with diabetes is a risk factor (S23, S15). Low sodium (S31) and vitamin D deficiency (S16) have weaker, indirect links.',
  citations: [SOURCES.S12, SOURCES.S13, SOURCES.S14, SOURCES.S23, SOURCES.S15, SOURCES.S31, SOURCES.S16],
  knowledgeBaseRows: ['C23', 'B1', 'B2', 'B3', 'B4', 'B5', 'B8'],
  parameters: {},
  needs: CONDITION_NEEDS,
  criteria: activeConditionIn(CODED_ELECTROLYTE_DISORDERS, 'a coded electrolyte or metabolic disorder'),
  summary: {
    flagged: (r) => `Electrolyte or metabolic disorder on record (${r.facts.condition}): confirm with a current result`,
    notFlagged: 'No coded electrolyte or metabolic disorder on record',
    insufficient: 'Conditions could not be read: coded electrolyte disorders not checked',
  },
  detail:
    'A coded diagnosis may be current or historical; the lab rules judge the latest value. Strength of the link to cramps: low magnesium B, low potassium B, hypoglycaemia B, low calcium B/C, low sodium C, vitamin D deficiency C (mostly through calcium). ' +
    'Look for the cause (diuretics, diarrhoea, alcohol, malabsorption, kidney disease, glucose-lowering drugs).',
  nextStep:
    'Confirm with a current result, find and treat the cause, and replace only a measured deficiency. Hypoglycaemia: review glucose-lowering treatment with the diabetes team.',
  handoutSections: ['medicines'],
});
