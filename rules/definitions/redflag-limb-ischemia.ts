/**
 * redflag-limb-ischemia — knowledge base row E2 (acute or critical limb ischaemia), with C5
 * (peripheral arterial disease) as context.
 *
 * Fires on what the clinician reports at the visit (point-of-care checklist):
 *  - a cold, pale, pulseless or numb leg: possible acute limb ischaemia → emergency;
 *  - pain in the foot at rest or at night, eased by hanging the leg down: possible critical
 *    limb ischaemia → urgent vascular referral (S40).
 * A PAD code on its own is `cond-peripheral-arterial-disease`, not this red flag: it is shown
 * here only as supporting evidence when the flag fires.
 *
 * Not-flagged only when both questions were answered "no" for this visit; one unanswered
 * question (and the other "no") is insufficient-data. Pitfall avoided: claudication (calf pain on
 * walking, relieved by rest) is a different symptom and is not what this flag asks about.
 */
import { CHECKLIST_ITEMS } from '../codes/checklist.js';
import { PERIPHERAL_ARTERIAL_DISEASE } from '../codes/conditions/vascular.js';
import { SOURCES } from '../codes/sources.js';
import { anyOf, withSupport } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { clinicianReports } from '../engine/primitives/checklist.js';
import { activeConditionIn } from '../engine/primitives/condition.js';
import type { RuleSummaryInput } from '../engine/types.js';

const reported = (r: RuleSummaryInput, itemId: string) => r.evidence.some((e) => e.role === 'trigger' && e.code === itemId);
const acute = (r: RuleSummaryInput) => reported(r, CHECKLIST_ITEMS.coldPaleNumbLeg.id);

export const rule = defineRule({
  id: 'redflag-limb-ischemia',
  version: '1.0.0',
  title: 'Possible acute or critical limb ischaemia',
  family: 'redflag',
  redFlag: true,
  grade: 'B/C',
  evidenceStatement:
    'NHS vascular referral guidance makes nocturnal or rest pain an urgent vascular referral (S40); a cold, pale, pulseless, numb leg is the classic picture of acute ischaemia (leg-pain algorithm, S39, secondary). Grade B/C: referral guidance and clinical convention.',
  citations: [SOURCES.S40, SOURCES.S39],
  knowledgeBaseRows: ['E2', 'C5'],
  parameters: {},
  needs: [{ kind: 'checklist' }, { kind: 'conditions' }],
  criteria: withSupport(
    anyOf('cold, pale, pulseless or numb leg, or rest pain, reported', clinicianReports(CHECKLIST_ITEMS.coldPaleNumbLeg), clinicianReports(CHECKLIST_ITEMS.restPain)),
    activeConditionIn([PERIPHERAL_ARTERIAL_DISEASE], 'peripheral arterial disease'),
  ),
  summary: {
    flagged: (r) =>
      acute(r)
        ? 'Cold, pale, pulseless or numb leg reported: possible acute limb ischaemia; emergency assessment now'
        : 'Rest pain in the foot reported: possible critical limb ischaemia; urgent vascular referral',
    notFlagged: 'No cold, pale or numb leg and no rest pain reported',
    insufficient: 'Not asked: cold, pale, pulseless or numb leg, or rest pain in the foot',
  },
  detail:
    'A cramp comes and goes and the leg looks normal between attacks. A leg that is cold, pale, pulseless or numb (often weak) suggests acute arterial occlusion. Foot pain at rest or at night, eased by hanging the leg out of bed, suggests critical ischaemia. Pain on walking that rest relieves is claudication: a different symptom (peripheral arterial disease).',
  nextStep:
    'Cold, pale, pulseless or numb leg: emergency vascular assessment now. Rest pain: urgent vascular referral (ankle-brachial index).',
  handoutSections: ['urgent-help', 'circulation'],
  urgency: (r) => (acute(r) ? 'emergency' : 'urgent'),
});
