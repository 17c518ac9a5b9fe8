/**
 * cond-peripheral-neuropathy — knowledge base row C8.
 *
 * What decides it: an active Condition coded as peripheral neuropathy: ICD-10-CM G62.9, G62.0 and
 * the rest of G60–G63, diabetic neuropathy E10.40/E10.42/E11.40/E11.42, SNOMED 302226006,
 * 368581000119106 (neuropathy due to type 2 diabetes) or 230572002, or text naming a peripheral
 * neuropathy or polyneuropathy. Code list: PERIPHERAL_NEUROPATHY in
 * rules/codes/conditions/neurological.ts. Activity as for every condition rule.
 *
 * Pitfalls avoided: optic, cranial and autonomic neuropathies, and focal arm neuropathies (ulnar,
 * carpal tunnel), are not peripheral neuropathy of the legs and do not match. Weakness, wasting or
 * fasciculations are the neuromuscular red flag (redflag-neuromuscular), not this rule.
 */
import { PERIPHERAL_NEUROPATHY } from '../codes/conditions/neurological.js';
import { SOURCES } from '../codes/sources.js';
import { defineRule } from '../engine/define-rule.js';
import { activeConditionIn } from '../engine/primitives/condition.js';
import { CONDITION_NEEDS } from '../engine/shared-parameters.js';

export const rule = defineRule({
  id: 'cond-peripheral-neuropathy',
  version: '1.0.0',
  title: 'Peripheral neuropathy',
  family: 'cond',
  redFlag: false,
  grade: 'B',
  evidenceStatement:
    'A peripheral neurological deficit was found in 12% of veterans with night cramps and none of the controls (S35); the AAFP review lists neuropathy in the differential (S1).',
  citations: [SOURCES.S35, SOURCES.S1],
  knowledgeBaseRows: ['C8'],
  parameters: {},
  needs: CONDITION_NEEDS,
  criteria: activeConditionIn([PERIPHERAL_NEUROPATHY], 'peripheral neuropathy'),
  summary: {
    flagged: (r) => `Peripheral neuropathy on record (${r.facts.condition}): nerve damage is linked to cramps`,
    notFlagged: 'No peripheral neuropathy on record',
    insufficient: 'Conditions could not be read: peripheral neuropathy not checked',
  },
  detail:
    'Peripheral nerve dysfunction is one of the leading explanations for cramps. Common causes are diabetes, alcohol and neurotoxic chemotherapy. ' +
    'Ask about numbness, burning and weakness; new weakness or wasting calls for prompt neurology.',
  nextStep: 'Neurology: EMG and nerve conduction studies; look for the cause (diabetes, alcohol, chemotherapy).',
  handoutSections: ['neuropathy'],
});
