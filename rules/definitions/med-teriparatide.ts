/**
 * med-teriparatide — knowledge base row A11.
 *
 * Teriparatide (Forteo, Bonsity; ATC H05AA02), a daily injection, active or recently dispensed.
 * Grade B/C: the AAFP review lists it among the drugs most strongly associated with cramps (S1).
 * Osteoporosis itself is not a cause (KB section 8). A drug first recorded in the 12 months before
 * the first recorded cramp complaint is pointed out (temporal weighting), never changing the outcome.
 */
import { TERIPARATIDE } from '../codes/medications/hormones.js';
import { SOURCES } from '../codes/sources.js';
import { withSupport } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { medicationInsufficient } from '../engine/primitives/medication-summary.js';
import { CRAMP_TIMELINE_WINDOW, describeCrampTimeline, drugStartedBeforeCramps } from '../engine/primitives/cramp-timeline.js';
import { activeMedicationIn } from '../engine/primitives/medication.js';
import { CONDITION_NEEDS, MEDICATION_NEEDS, MEDICATION_PARAMETERS } from '../engine/shared-parameters.js';

const PARAMETERS = { ...MEDICATION_PARAMETERS, crampTimelineWindow: CRAMP_TIMELINE_WINDOW } as const;

export const rule = defineRule({
  id: 'med-teriparatide',
  version: '1.0.0',
  title: 'Teriparatide',
  family: 'med',
  redFlag: false,
  grade: 'B/C',
  evidenceStatement: 'The AAFP review lists teriparatide among the drugs most strongly associated with leg cramps (S1); its table of figures was not read for the knowledge base.',
  citations: [SOURCES.S1],
  knowledgeBaseRows: ['A11'],
  parameters: PARAMETERS,
  needs: [...MEDICATION_NEEDS, ...CONDITION_NEEDS],
  criteria: withSupport(
    activeMedicationIn([TERIPARATIDE], { what: 'teriparatide' }),
    drugStartedBeforeCramps([TERIPARATIDE], PARAMETERS.crampTimelineWindow),
  ),
  summary: {
    flagged: 'On teriparatide: listed among drugs linked to leg cramps',
    notFlagged: 'No teriparatide in use',
    insufficient: medicationInsufficient('Teriparatide use could not be checked'),
  },
  detail: (r) =>
    [
      'Teriparatide, a bone-building injection for osteoporosis, is on the AAFP list of drugs most strongly associated with cramps (S1). The osteoporosis itself does not cause cramps.',
      describeCrampTimeline(r),
    ].filter(Boolean).join(' '),
  nextStep: 'Make the prescriber aware, especially if the cramps are troublesome.',
  handoutSections: ['drug-teriparatide'],
});
