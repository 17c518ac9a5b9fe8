/**
 * redflag-cauda-equina — knowledge base row E4 (cauda equina / progressive radicular deficit),
 * with C7 (lumbar stenosis or radiculopathy) as context.
 *
 * Fires when the clinician reports saddle numbness or new bladder or bowel dysfunction on the
 * point-of-care checklist: emergency. Lumbar stenosis or radiculopathy Conditions are shown as
 * supporting evidence; on their own they are `cond-lumbar-radiculopathy`. Not-flagged only when
 * the question was answered "no" for this visit; unanswered is insufficient-data.
 *
 * Grade C: the knowledge base's only source for this row is a secondary leg-pain algorithm (S39);
 * the emergency action itself is standard practice.
 */
import { CHECKLIST_ITEMS } from '../codes/checklist.js';
import { LUMBAR_RADICULOPATHY } from '../codes/conditions/neurological.js';
import { SOURCES } from '../codes/sources.js';
import { withSupport } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { clinicianReports } from '../engine/primitives/checklist.js';
import { activeConditionIn } from '../engine/primitives/condition.js';

export const rule = defineRule({
  id: 'redflag-cauda-equina',
  version: '1.0.0',
  title: 'Possible cauda equina syndrome',
  family: 'redflag',
  redFlag: true,
  grade: 'C',
  evidenceStatement:
    'Saddle numbness, new bladder or bowel dysfunction and progressive leg weakness with back pain mark cauda equina compression, an emergency (leg-pain reasoning algorithm, S39, secondary source). Grade C: secondary source only.',
  citations: [SOURCES.S39],
  knowledgeBaseRows: ['E4', 'C7'],
  parameters: {},
  needs: [{ kind: 'checklist' }, { kind: 'conditions' }],
  criteria: withSupport(clinicianReports(CHECKLIST_ITEMS.saddleNumbness), activeConditionIn([LUMBAR_RADICULOPATHY], 'lumbar stenosis or radiculopathy')),
  summary: {
    flagged: 'Saddle numbness or new bladder/bowel dysfunction reported: possible cauda equina; emergency assessment',
    notFlagged: 'No saddle numbness or new bladder or bowel dysfunction reported',
    insufficient: 'Not asked: saddle numbness or new bladder or bowel dysfunction',
  },
  detail:
    'Leg cramps with back pain are usually harmless, but numbness in the saddle area, new urinary retention or incontinence, loss of bowel control or progressive leg weakness suggest compression of the cauda equina, which needs decompression within hours.',
  nextStep: 'Emergency: same-day emergency assessment and MRI of the lumbar spine; do not wait for a routine referral.',
  handoutSections: ['urgent-help', 'back-nerves'],
  urgency: 'emergency',
});
