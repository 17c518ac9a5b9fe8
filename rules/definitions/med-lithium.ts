/**
 * med-lithium — knowledge base row A20 (lithium).
 *
 * Lithium carbonate or citrate (Lithobid, Priadel; ATC N05AN01), active or recently dispensed.
 * Grade C: lithium appears only in a secondary clinician differential list (S31 ◐). Lithium has a
 * narrow therapeutic range and is usually managed by a psychiatrist, so the next step is review by
 * the prescriber, never a change made for cramps alone. A drug first recorded in the 12 months
 * before the first recorded cramp complaint is pointed out (temporal weighting), never changing
 * the outcome.
 */
import { LITHIUM } from '../codes/medications/single-drugs.js';
import { SOURCES } from '../codes/sources.js';
import { withSupport } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { medicationInsufficient } from '../engine/primitives/medication-summary.js';
import { CRAMP_TIMELINE_WINDOW, describeCrampTimeline, drugStartedBeforeCramps } from '../engine/primitives/cramp-timeline.js';
import { activeMedicationIn } from '../engine/primitives/medication.js';
import { CONDITION_NEEDS, MEDICATION_NEEDS, MEDICATION_PARAMETERS } from '../engine/shared-parameters.js';

const PARAMETERS = { ...MEDICATION_PARAMETERS, crampTimelineWindow: CRAMP_TIMELINE_WINDOW } as const;

export const rule = defineRule({
  id: 'med-lithium',
  version: '1.0.0',
  title: 'Lithium',
  family: 'med',
  redFlag: false,
  grade: 'C',
  evidenceStatement: 'Lithium appears as a cramp cause only in a secondary clinician differential list (S31, not confirmed in a primary source).',
  citations: [SOURCES.S31],
  knowledgeBaseRows: ['A20'],
  parameters: PARAMETERS,
  needs: [...MEDICATION_NEEDS, ...CONDITION_NEEDS],
  criteria: withSupport(
    activeMedicationIn([LITHIUM], { what: 'lithium' }),
    drugStartedBeforeCramps([LITHIUM], PARAMETERS.crampTimelineWindow),
  ),
  summary: {
    flagged: 'On lithium: a possible cramp contributor (low-grade evidence)',
    notFlagged: 'No lithium in use',
    insufficient: medicationInsufficient('Lithium use could not be checked'),
  },
  detail: (r) =>
    [
      'Lithium is listed as a cramp cause in a secondary source only (grade C). It should not be changed because of cramps without the prescriber.',
      describeCrampTimeline(r),
    ].filter(Boolean).join(' '),
  nextStep: 'Prescriber review (usually the psychiatrist); do not change lithium for cramps alone.',
  handoutSections: ['drug-review'],
});
