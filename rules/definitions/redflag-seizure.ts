/**
 * redflag-seizure — knowledge base row E8 (seizure mistaken for "cramps").
 *
 * Fires when the clinician reports loss of consciousness or whole-body jerking during an episode
 * (point-of-care checklist). The Russian word "судороги" covers both cramps and convulsions, so
 * the lay source's "epileptologist and EEG" advice belongs here and only here: EEG is not part
 * of the work-up of ordinary leg cramps (S1, S7; knowledge base section 8). Not-flagged only when
 * the question was answered "no" for this visit; unanswered is insufficient-data.
 */
import { CHECKLIST_ITEMS } from '../codes/checklist.js';
import { SOURCES } from '../codes/sources.js';
import { defineRule } from '../engine/define-rule.js';
import { clinicianReports } from '../engine/primitives/checklist.js';

export const rule = defineRule({
  id: 'redflag-seizure',
  version: '1.0.0',
  title: 'Possible seizure described as "cramps"',
  family: 'redflag',
  redFlag: true,
  grade: 'B/C',
  evidenceStatement:
    'Diagnostic criteria for nocturnal leg cramps describe a painful, localised muscle contraction with preserved awareness (systematic review, S27); loss of consciousness, generalised jerking, tongue-biting or confusion afterwards are not part of it. EEG is not in the cramp work-up (S1, S7).',
  citations: [SOURCES.S27, SOURCES.S1, SOURCES.S7],
  knowledgeBaseRows: ['E8'],
  parameters: {},
  needs: [{ kind: 'checklist' }],
  criteria: clinicianReports(CHECKLIST_ITEMS.seizureFeatures),
  summary: {
    flagged: 'Loss of consciousness or whole-body jerking reported: not a leg cramp; urgent seizure assessment',
    notFlagged: 'No loss of consciousness or whole-body jerking reported',
    insufficient: 'Not asked: loss of consciousness or whole-body jerking during an episode',
  },
  detail:
    'A leg cramp is a painful tightening of one muscle in a person who stays aware throughout. Loss of consciousness, jerking of the whole body, tongue-biting, incontinence or confusion afterwards describe a seizure (or syncope), not a cramp, and need their own assessment.',
  nextStep: 'Urgent medical assessment for a possible seizure (epilepsy clinic; EEG belongs in that work-up, not in ordinary cramp work-up).',
  handoutSections: ['urgent-help'],
  urgency: 'urgent',
});
