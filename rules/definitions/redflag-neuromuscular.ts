/**
 * redflag-neuromuscular — knowledge base rows E3 (neuromuscular disease: MND/ALS, myopathy,
 * neuropathy) and C12 (motor neuron disease).
 *
 * Fires when the clinician reports (point-of-care checklist) muscle weakness, wasting or visible
 * fasciculations, or cramps in unusual or widespread muscles or lasting longer than 10 minutes;
 * or when an active motor-neuron-disease Condition is on record (G12.21, G12.2x, SNOMED 86044005,
 * 37340000). Active neuropathy or myopathy Conditions are shown as supporting evidence; they have
 * their own condition rules and do not fire this one.
 *
 * Why: cramps with fasciculations can be an early sign of ALS; four patients first labelled
 * "benign cramp-fasciculation" later progressed (S36). BMJ Best Practice: widespread cramps
 * suggest lower-motor-neuron disease, and cramps over 10 minutes or an abnormal examination
 * suggest an organic cause (S23). Not-flagged only when both questions were answered "no" and no
 * motor-neuron-disease Condition is on record (Conditions read in full).
 */
import { CHECKLIST_ITEMS } from '../codes/checklist.js';
import { MOTOR_NEURON_DISEASE, MYOPATHY, PERIPHERAL_NEUROPATHY } from '../codes/conditions/neurological.js';
import { SOURCES } from '../codes/sources.js';
import { anyOf, withSupport } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { count } from '../engine/parameters.js';
import { clinicianReports } from '../engine/primitives/checklist.js';
import { activeConditionIn } from '../engine/primitives/condition.js';
import { factsWithPrefix, withFact } from '../engine/primitives/fact.js';
import { CONDITION_NEEDS } from '../engine/shared-parameters.js';

const SIGN = 'sign:';

const PARAMETERS = {
  longCramp: count('A cramp lasting longer than this suggests an organic cause (asked on the checklist)', 10, 'S23 (BMJ Best Practice)', 'min', '✅'),
} as const;

export const rule = defineRule({
  id: 'redflag-neuromuscular',
  version: '1.0.0',
  title: 'Possible neuromuscular disease (weakness, wasting, fasciculations, atypical cramps)',
  family: 'redflag',
  redFlag: true,
  grade: 'B',
  evidenceStatement:
    'NICE CKS and BMJ Best Practice list weakness, wasting, fasciculations, widespread cramps and cramps over 10 minutes as pointers to an organic, often neuromuscular, cause (S7, S23). Cramps with fasciculations preceded ALS in a published case series (S36).',
  citations: [SOURCES.S7, SOURCES.S23, SOURCES.S36],
  knowledgeBaseRows: ['E3', 'C12'],
  parameters: PARAMETERS,
  needs: [{ kind: 'checklist' }, ...CONDITION_NEEDS],
  criteria: withSupport(
    anyOf(
      'neuromuscular warning sign reported, or motor neuron disease on record',
      withFact(`${SIGN}weakness`, 'weakness, wasting or fasciculations', clinicianReports(CHECKLIST_ITEMS.weaknessWasting)),
      withFact(`${SIGN}cramps`, `widespread cramps or cramps over ${PARAMETERS.longCramp.value} min`, clinicianReports(CHECKLIST_ITEMS.widespreadOrLongCramps)),
      withFact(`${SIGN}mnd`, 'motor neuron disease on record', activeConditionIn([MOTOR_NEURON_DISEASE], 'motor neuron disease')),
    ),
    activeConditionIn([PERIPHERAL_NEUROPATHY, MYOPATHY], 'peripheral neuropathy or myopathy'),
  ),
  summary: {
    flagged: (r) => `Neuromuscular red flag (${factsWithPrefix(r.facts, SIGN).join('; ')}): prompt neurology, EMG/NCS`,
    notFlagged: 'No weakness, wasting, fasciculations or atypical cramps reported; no motor neuron disease on record',
    insufficient: (r) =>
      r.missing.some((m) => m.startsWith('not asked'))
        ? 'Not asked: weakness, wasting, fasciculations, widespread or prolonged cramps'
        : 'Neuromuscular red flags could not all be checked',
  },
  detail:
    'Ordinary night cramps leave no weakness or wasting. Weakness, muscle wasting, visible twitching, bulbar symptoms, cramps in unusual places (thighs, abdomen, hands) or lasting over 10 minutes, or an abnormal neurological examination point to motor neuron disease, myopathy or neuropathy. In known motor neuron disease, cramps are part of the illness: make sure the neurology team knows.',
  nextStep: 'Prompt neurology referral; EMG and nerve conduction studies. Ask about speech and swallowing; check CK.',
  handoutSections: ['weakness-warning', 'urgent-help'],
  urgency: 'prompt',
});
