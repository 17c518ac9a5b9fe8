/**
 * cond-myopathy — knowledge base row C15.
 *
 * What decides it: an active Condition coded as a primary muscle disease: ICD-10-CM G71.12
 * (myotonia congenita) and the rest of G71 (dystrophies, myotonic and congenital myopathies), G72.*
 * (drug-induced, alcoholic, inflammatory and other myopathies), E74.04 (McArdle disease), or text
 * naming a myopathy, myotonia, muscular dystrophy or McArdle disease. Code list: MYOPATHY in
 * rules/codes/conditions/neurological.ts. Activity as for every condition rule.
 *
 * Pitfalls avoided: cardiomyopathy is heart muscle and does not match. McArdle disease (glycogen
 * storage disease type V) is a muscle enzyme defect, not a liver disease as the lay article says
 * (KB section 8): exercise brings on cramps and contractures, with a raised CK. A raised CK alone
 * is lab-raised-ck, not this rule.
 */
import { MYOPATHY } from '../codes/conditions/neurological.js';
import { SOURCES } from '../codes/sources.js';
import { defineRule } from '../engine/define-rule.js';
import { activeConditionIn } from '../engine/primitives/condition.js';
import { CONDITION_NEEDS } from '../engine/shared-parameters.js';

export const rule = defineRule({
  id: 'cond-myopathy',
  version: '1.0.0',
  title: 'Myopathy, myotonia or McArdle disease',
  family: 'cond',
  redFlag: false,
  grade: 'C',
  evidenceStatement:
    'Muscle diseases are among the secondary causes for which BMJ Best Practice and NICE include CK in the targeted work-up (S23, S7). No study of night cramps in these diseases was read: expert lists only.',
  citations: [SOURCES.S23, SOURCES.S7],
  knowledgeBaseRows: ['C15'],
  parameters: {},
  needs: CONDITION_NEEDS,
  criteria: activeConditionIn([MYOPATHY], 'a myopathy, myotonia or McArdle disease'),
  summary: {
    flagged: (r) => `Muscle disease on record (${r.facts.condition}): may explain cramps; neuromuscular clinic`,
    notFlagged: 'No myopathy, myotonia or McArdle disease on record',
    insufficient: 'Conditions could not be read: muscle diseases not checked',
  },
  detail:
    'Primary muscle diseases can present with cramps or cramp-like contractures. McArdle disease is a muscle glycogen enzyme defect (not a liver disease): exercise triggers cramps and contractures, and CK is raised. ' +
    'Myotonia causes stiffness after rest that eases with repeated movement. Weakness, dark urine or a very high CK need urgent review.',
  nextStep: 'Neuromuscular clinic; check CK. Weakness, dark urine or a CK far above the upper limit needs urgent review.',
  handoutSections: ['weakness-warning'],
});
