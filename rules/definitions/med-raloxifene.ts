/**
 * med-raloxifene — knowledge base row A10.
 *
 * Raloxifene (Evista; ATC G03XC01), active or recently dispensed. Grade B/C: the AAFP review
 * lists it among the drugs most strongly associated with cramps (S1). Its label carries a boxed
 * warning for venous thromboembolism and stroke death (S29b), so, as for estrogens, the next step
 * reminds that a persistent one-sided calf pain needs DVT excluded (redflag-vte-risk raises the
 * flag itself). Osteoporosis itself is not a cause of cramps (KB section 8); its drugs are.
 * A drug first recorded in the 12 months before the first recorded cramp complaint is pointed
 * out (temporal weighting), never changing the outcome.
 */
import { RALOXIFENE } from '../codes/medications/hormones.js';
import { SOURCES } from '../codes/sources.js';
import { withSupport } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { medicationInsufficient } from '../engine/primitives/medication-summary.js';
import { CRAMP_TIMELINE_WINDOW, describeCrampTimeline, drugStartedBeforeCramps } from '../engine/primitives/cramp-timeline.js';
import { activeMedicationIn } from '../engine/primitives/medication.js';
import { CONDITION_NEEDS, MEDICATION_NEEDS, MEDICATION_PARAMETERS } from '../engine/shared-parameters.js';

const PARAMETERS = { ...MEDICATION_PARAMETERS, crampTimelineWindow: CRAMP_TIMELINE_WINDOW } as const;

export const rule = defineRule({
  id: 'med-raloxifene',
  version: '1.0.0',
  title: 'Raloxifene',
  family: 'med',
  redFlag: false,
  grade: 'B/C',
  evidenceStatement:
    'The AAFP review lists raloxifene among the drugs most strongly associated with leg cramps (S1). Its prescribing information carries a boxed warning for venous thromboembolism and stroke death (S29b).',
  citations: [SOURCES.S1, SOURCES.S29b],
  knowledgeBaseRows: ['A10'],
  parameters: PARAMETERS,
  needs: [...MEDICATION_NEEDS, ...CONDITION_NEEDS],
  criteria: withSupport(
    activeMedicationIn([RALOXIFENE], { what: 'raloxifene' }),
    drugStartedBeforeCramps([RALOXIFENE], PARAMETERS.crampTimelineWindow),
  ),
  summary: {
    flagged: 'On raloxifene: linked to leg cramps; boxed warning for blood clots',
    notFlagged: 'No raloxifene in use',
    insufficient: medicationInsufficient('Raloxifene use could not be checked'),
  },
  detail: (r) =>
    [
      'Raloxifene is on the AAFP list of drugs most strongly associated with cramps (S1). Because of its boxed clot warning (S29b), a calf pain that does not settle like a cramp should be treated as a possible deep-vein thrombosis first.',
      describeCrampTimeline(r),
    ].filter(Boolean).join(' '),
  nextStep:
    'Prescriber review of the drug. Raloxifene raises VTE risk: a persistent one-sided calf pain, or a swollen, warm calf, needs DVT excluded the same day before it is called a cramp.',
  handoutSections: ['drug-hormones'],
});
