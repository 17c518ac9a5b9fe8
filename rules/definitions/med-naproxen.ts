/**
 * med-naproxen — knowledge base row A12.
 *
 * Naproxen or naproxen sodium (Aleve, Naprosyn, Anaprox; combinations Vimovo and Treximet; ATC
 * M01AE02), prescribed or bought over the counter: a MedicationStatement counts like an order.
 * Other NSAIDs are not in the row. Grade B/C: the AAFP review lists naproxen among the drugs most
 * strongly associated with cramps (S1). A drug first recorded in the 12 months before the first
 * recorded cramp complaint is pointed out (temporal weighting), never changing the outcome.
 */
import { NAPROXEN } from '../codes/medications/naproxen.js';
import { SOURCES } from '../codes/sources.js';
import { withSupport } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { medicationInsufficient } from '../engine/primitives/medication-summary.js';
import { CRAMP_TIMELINE_WINDOW, describeCrampTimeline, drugStartedBeforeCramps } from '../engine/primitives/cramp-timeline.js';
import { activeMedicationIn } from '../engine/primitives/medication.js';
import { CONDITION_NEEDS, MEDICATION_NEEDS, MEDICATION_PARAMETERS } from '../engine/shared-parameters.js';

const PARAMETERS = { ...MEDICATION_PARAMETERS, crampTimelineWindow: CRAMP_TIMELINE_WINDOW } as const;

export const rule = defineRule({
  id: 'med-naproxen',
  version: '1.0.0',
  title: 'Naproxen',
  family: 'med',
  redFlag: false,
  grade: 'B/C',
  evidenceStatement: 'The AAFP review lists naproxen among the drugs most strongly associated with leg cramps (S1); its table of figures was not read for the knowledge base.',
  citations: [SOURCES.S1],
  knowledgeBaseRows: ['A12'],
  parameters: PARAMETERS,
  needs: [...MEDICATION_NEEDS, ...CONDITION_NEEDS],
  criteria: withSupport(
    activeMedicationIn([NAPROXEN], { what: 'naproxen' }),
    drugStartedBeforeCramps([NAPROXEN], PARAMETERS.crampTimelineWindow),
  ),
  summary: {
    flagged: 'Takes naproxen: listed among drugs linked to leg cramps',
    notFlagged: 'No naproxen in use',
    insufficient: medicationInsufficient('Naproxen use could not be checked'),
  },
  detail: (r) =>
    [
      'Naproxen, prescribed or bought over the counter, is on the AAFP list of drugs most strongly associated with cramps (S1). Regular use is worth asking about.',
      describeCrampTimeline(r),
    ].filter(Boolean).join(' '),
  nextStep: 'Review whether the NSAID is still needed.',
  handoutSections: ['drug-naproxen'],
});
