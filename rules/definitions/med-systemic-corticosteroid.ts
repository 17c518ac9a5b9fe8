/**
 * med-systemic-corticosteroid — knowledge base row A20 (systemic corticosteroids).
 *
 * Corticosteroids taken by mouth or injected: prednisone (e.g. RxNorm 312617), prednisolone,
 * methylprednisolone, dexamethasone, hydrocortisone tablets or injection, ...; ATC H02AB.
 * Not topical, inhaled, nasal, eye or ear use (the class is `systemicOnly`): "Hydrocortisone
 * 10 MG/ML Topical Cream" (106258) and a fluticasone inhaler alone (895994) are not flagged.
 *
 * Grade C: steroids appear only in lay-facing lists of cramp-associated drugs (the knowledge base
 * row cites "NSF, S28": the National Sleep Foundation page is S19, Mayo Clinic S28). A drug first recorded in the 12 months before the first recorded cramp complaint
 * is pointed out (temporal weighting), never changing the outcome.
 */
import { SYSTEMIC_CORTICOSTEROIDS } from '../codes/medications/corticosteroids.js';
import { SOURCES } from '../codes/sources.js';
import { withSupport } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { medicationInsufficient } from '../engine/primitives/medication-summary.js';
import { CRAMP_TIMELINE_WINDOW, describeCrampTimeline, drugStartedBeforeCramps } from '../engine/primitives/cramp-timeline.js';
import { activeMedicationIn } from '../engine/primitives/medication.js';
import { CONDITION_NEEDS, MEDICATION_NEEDS, MEDICATION_PARAMETERS } from '../engine/shared-parameters.js';

const PARAMETERS = { ...MEDICATION_PARAMETERS, crampTimelineWindow: CRAMP_TIMELINE_WINDOW } as const;

export const rule = defineRule({
  id: 'med-systemic-corticosteroid',
  version: '1.0.0',
  title: 'Systemic corticosteroid',
  family: 'med',
  redFlag: false,
  grade: 'C',
  evidenceStatement: 'Steroids appear in a secondary list of drugs associated with night leg cramps (S28, S19); no study measuring the risk was read.',
  citations: [SOURCES.S28, SOURCES.S19],
  knowledgeBaseRows: ['A20'],
  parameters: PARAMETERS,
  needs: [...MEDICATION_NEEDS, ...CONDITION_NEEDS],
  criteria: withSupport(
    activeMedicationIn([SYSTEMIC_CORTICOSTEROIDS], { what: 'a systemic corticosteroid' }),
    drugStartedBeforeCramps([SYSTEMIC_CORTICOSTEROIDS], PARAMETERS.crampTimelineWindow),
  ),
  summary: {
    flagged: (r) => `On a systemic corticosteroid (${r.facts.drug}): a possible cramp contributor (low-grade evidence)`,
    notFlagged: 'No oral or injected corticosteroid in use (creams and inhalers do not count)',
    insufficient: medicationInsufficient('Systemic corticosteroid use could not be checked'),
  },
  detail: (r) =>
    [
      'Corticosteroids taken by mouth or injected are listed among drugs associated with night cramps (grade C). Creams, inhalers, nasal sprays and eye drops are not counted.',
      describeCrampTimeline(r),
    ].filter(Boolean).join(' '),
  nextStep: 'Prescriber review of the need for and dose of the steroid; do not stop long-term steroids abruptly.',
  handoutSections: ['drug-review'],
});
