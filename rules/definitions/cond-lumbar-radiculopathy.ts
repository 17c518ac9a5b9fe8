/**
 * cond-lumbar-radiculopathy — knowledge base row C7 (E4 for the emergency).
 *
 * What decides it: an active Condition coded as lumbar spinal stenosis or lumbar/lumbosacral
 * radiculopathy: ICD-10-CM M48.061/M48.062 (and M48.07), M54.16, M54.17, M51.16, M51.17, sciatica
 * M54.3x and M54.4x, SNOMED 18347007 (lumbar spinal stenosis) or 23056005 (sciatica), or text naming
 * them. Code list: LUMBAR_RADICULOPATHY in rules/codes/conditions/neurological.ts. Activity as
 * for every condition rule.
 *
 * Pitfalls avoided: cervical and thoracic radiculopathy or stenosis do not cause leg cramps and do
 * not match. The lay article's "osteochondrosis" is not a diagnosis used here. Saddle numbness or
 * new bladder/bowel dysfunction is cauda equina (redflag-cauda-equina): the next step says so.
 */
import { LUMBAR_RADICULOPATHY } from '../codes/conditions/neurological.js';
import { SOURCES } from '../codes/sources.js';
import { defineRule } from '../engine/define-rule.js';
import { activeConditionIn } from '../engine/primitives/condition.js';
import { CONDITION_NEEDS } from '../engine/shared-parameters.js';

export const rule = defineRule({
  id: 'cond-lumbar-radiculopathy',
  version: '1.0.0',
  title: 'Lumbar spinal stenosis or radiculopathy',
  family: 'cond',
  redFlag: false,
  grade: 'B',
  evidenceStatement:
    'The AAFP review names lumbar canal stenosis among the conditions associated with nocturnal leg cramps (S1). Cauda equina signs are an emergency (S39).',
  citations: [SOURCES.S1, SOURCES.S39],
  knowledgeBaseRows: ['C7'],
  parameters: {},
  needs: CONDITION_NEEDS,
  criteria: activeConditionIn([LUMBAR_RADICULOPATHY], 'lumbar spinal stenosis or radiculopathy'),
  summary: {
    flagged: (r) => `Lumbar stenosis or radiculopathy on record (${r.facts.condition}): can cause leg cramps`,
    notFlagged: 'No lumbar spinal stenosis or radiculopathy on record',
    insufficient: 'Conditions could not be read: lumbar stenosis or radiculopathy not checked',
  },
  detail:
    'Compression of lumbar nerve roots can produce cramps in the muscles they supply, often one-sided. A progressive neurological deficit needs specialist review; ' +
    'saddle numbness or new bladder or bowel dysfunction suggests cauda equina compression, an emergency.',
  nextStep:
    'Spine/orthopaedics, or neurology if there is a neurological deficit. Saddle numbness or new bladder or bowel dysfunction: emergency (cauda equina).',
  handoutSections: ['back-nerves'],
});
