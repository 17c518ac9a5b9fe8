/**
 * cond-peripheral-arterial-disease — knowledge base row C5 (E2 for the urgent signs).
 *
 * What decides it: an active Condition coded as peripheral arterial disease: ICD-10-CM I70.2*
 * (atherosclerosis of native arteries of the extremities), I73.9, SNOMED 400047006 or 399957001,
 * or text naming peripheral arterial/vascular disease or intermittent claudication. Code list:
 * PERIPHERAL_ARTERIAL_DISEASE in rules/codes/conditions/vascular.ts. Activity as for every
 * condition rule (active, recurrence or relapse; not refuted or entered in error; onset on or
 * before the as-of date; not abated by then).
 *
 * Pitfalls avoided: neurogenic (spinal) claudication is lumbar stenosis, not PAD; atherosclerosis
 * of the aorta or renal arteries is not limb disease. Calf pain on walking that rest relieves is
 * claudication, a different symptom from a cramp. Night rest pain or a cold, pale, pulseless leg
 * is the limb-ischaemia red flag (redflag-limb-ischemia), not this rule.
 */
import { PERIPHERAL_ARTERIAL_DISEASE } from '../codes/conditions/vascular.js';
import { SOURCES } from '../codes/sources.js';
import { defineRule } from '../engine/define-rule.js';
import { activeConditionIn } from '../engine/primitives/condition.js';
import { CONDITION_NEEDS } from '../engine/shared-parameters.js';

export const rule = defineRule({
  id: 'cond-peripheral-arterial-disease',
  version: '1.0.0',
  title: 'Peripheral arterial disease',
  family: 'cond',
  redFlag: false,
  grade: 'B',
  evidenceStatement:
    'In a case-control study of male veterans, peripheral vascular disease was present in 34% of those with night cramps against 12% of controls (S35); the AAFP review reports cramps in 75% of veterans with PVD (S1). Nocturnal rest pain is an urgent vascular referral (S40).',
  citations: [SOURCES.S35, SOURCES.S1, SOURCES.S40],
  knowledgeBaseRows: ['C5'],
  parameters: {},
  needs: CONDITION_NEEDS,
  criteria: activeConditionIn([PERIPHERAL_ARTERIAL_DISEASE], 'peripheral arterial disease'),
  summary: {
    flagged: (r) => `Peripheral arterial disease on record (${r.facts.condition}): associated with night cramps`,
    notFlagged: 'No peripheral arterial disease on record',
    insufficient: 'Conditions could not be read: peripheral arterial disease not checked',
  },
  detail:
    'Peripheral arterial disease is more common in people with night cramps. Tell the symptoms apart: calf pain that comes on with walking and eases with rest is claudication, not a cramp. ' +
    'Night pain in the foot eased by hanging it out of bed (rest pain) suggests critical ischaemia, and a cold, pale, pulseless or numb leg is an emergency.',
  nextStep:
    'Vascular surgery referral with an ankle-brachial index. Night rest pain: urgent vascular referral; a cold, pale, pulseless or numb leg: emergency.',
  handoutSections: ['circulation'],
});
