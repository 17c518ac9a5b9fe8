/**
 * cond-motor-neuron-disease — knowledge base row C12 (E3 for the red flag).
 *
 * What decides it: an active Condition coded as motor neuron disease: ICD-10-CM G12.21
 * (amyotrophic lateral sclerosis) and the rest of G12.2x, SNOMED 86044005 (ALS) or 37340000, or
 * text naming ALS, motor neuron(e) disease, primary lateral sclerosis, progressive bulbar palsy or
 * progressive muscular atrophy. Code list: MOTOR_NEURON_DISEASE in
 * rules/codes/conditions/neurological.ts, shared with redflag-neuromuscular.
 *
 * Pitfalls avoided: spinal muscular atrophy (G12.0/G12.1) and multiple sclerosis are different
 * diseases and do not match; a suspected or ruled-out diagnosis does not count. Cramps with
 * weakness, wasting, fasciculations or bulbar symptoms are the neuromuscular red flag
 * (redflag-neuromuscular), which reads the same code list.
 */
import { MOTOR_NEURON_DISEASE } from '../codes/conditions/neurological.js';
import { SOURCES } from '../codes/sources.js';
import { defineRule } from '../engine/define-rule.js';
import { activeConditionIn } from '../engine/primitives/condition.js';
import { CONDITION_NEEDS } from '../engine/shared-parameters.js';

export const rule = defineRule({
  id: 'cond-motor-neuron-disease',
  version: '1.0.0',
  title: 'Motor neuron disease (ALS)',
  family: 'cond',
  redFlag: false,
  grade: 'B',
  evidenceStatement:
    'Cramps and fasciculations can be early features of ALS: four patients first labelled benign cramp-fasciculation syndrome progressed to ALS, and the authors advise 4–5 years of follow-up (S36). No drug is proven for cramps in ALS (S34).',
  citations: [SOURCES.S36, SOURCES.S34, SOURCES.S7],
  knowledgeBaseRows: ['C12'],
  parameters: {},
  needs: CONDITION_NEEDS,
  criteria: activeConditionIn([MOTOR_NEURON_DISEASE], 'motor neuron disease'),
  summary: {
    flagged: (r) => `Motor neuron disease on record (${r.facts.condition}): cramps are part of the disease; neurology`,
    notFlagged: 'No motor neuron disease on record',
    insufficient: 'Conditions could not be read: motor neuron disease not checked',
  },
  detail:
    'In motor neuron disease, cramps come from the disease itself, often with fasciculations. Symptomatic treatment is a decision for the neurology team; no drug is proven for ALS cramps. ' +
    'New or progressing weakness, wasting, fasciculations, or speech or swallowing problems need neurology promptly.',
  nextStep: 'Neurology promptly if there is weakness, wasting, fasciculations or bulbar symptoms (speech or swallowing); otherwise tell the treating neurology team.',
  handoutSections: ['weakness-warning'],
});
