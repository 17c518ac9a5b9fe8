/**
 * med-penicillamine — knowledge base row A15.
 *
 * Penicillamine (Cuprimine, Depen; ATC M01CC01), active or recently dispensed. Grade C: named in
 * the lay article only and not confirmed in any source read for the knowledge base; the rule says
 * so. The next step (check CK if there is weakness) follows the targeted work-up in NICE CKS and
 * BMJ Best Practice (S7, S23), which is why those are cited. A drug first recorded in the 12
 * months before the first recorded cramp complaint is pointed out (temporal weighting), never
 * changing the outcome.
 */
import { PENICILLAMINE } from '../codes/medications/single-drugs.js';
import { SOURCES } from '../codes/sources.js';
import { withSupport } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { medicationInsufficient } from '../engine/primitives/medication-summary.js';
import { CRAMP_TIMELINE_WINDOW, describeCrampTimeline, drugStartedBeforeCramps } from '../engine/primitives/cramp-timeline.js';
import { activeMedicationIn } from '../engine/primitives/medication.js';
import { CONDITION_NEEDS, MEDICATION_NEEDS, MEDICATION_PARAMETERS } from '../engine/shared-parameters.js';

const PARAMETERS = { ...MEDICATION_PARAMETERS, crampTimelineWindow: CRAMP_TIMELINE_WINDOW } as const;

export const rule = defineRule({
  id: 'med-penicillamine',
  version: '1.0.0',
  title: 'Penicillamine',
  family: 'med',
  redFlag: false,
  grade: 'C',
  evidenceStatement:
    'Named as a cramp cause only in the lay article this product started from; no source read for the knowledge base confirms it. CK belongs to the targeted work-up when weakness is present (S7, S23).',
  citations: [SOURCES.S7, SOURCES.S23],
  knowledgeBaseRows: ['A15'],
  parameters: PARAMETERS,
  needs: [...MEDICATION_NEEDS, ...CONDITION_NEEDS],
  criteria: withSupport(
    activeMedicationIn([PENICILLAMINE], { what: 'penicillamine' }),
    drugStartedBeforeCramps([PENICILLAMINE], PARAMETERS.crampTimelineWindow),
  ),
  summary: {
    flagged: 'On penicillamine: a possible, unconfirmed cramp contributor',
    notFlagged: 'No penicillamine in use',
    insufficient: medicationInsufficient('Penicillamine use could not be checked'),
  },
  detail: (r) =>
    [
      'Penicillamine is listed as a cramp cause only in lay sources (grade C); worth a medication review, not a firm attribution.',
      describeCrampTimeline(r),
    ].filter(Boolean).join(' '),
  nextStep: 'Prescriber review; check CK if there is muscle weakness.',
  handoutSections: ['drug-review'],
});
