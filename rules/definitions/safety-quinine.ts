/**
 * safety-quinine — knowledge base rows A22 and D8 (with E7 for toxicity, its own red-flag rule).
 *
 * A SAFETY WARNING, NEVER A TREATMENT. Flagged when any quinine product is active in any
 * Medication* resource (quinine sulfate, Qualaquin; ATC P01BC01; tonic water recorded as a
 * medicine), OR when the clinician reports on the point-of-care checklist that the patient takes
 * tonic water or quinine bought without a prescription for the cramps: FDA warns that quinine
 * "from any source" can re-sensitise (S4). Quinidine and hydroxychloroquine are different drugs and
 * never match.
 *
 * Outcome: either source alone flags. Not-flagged when every medication source was read in full
 * with no active quinine and the clinician did not report tonic water; an unasked checklist counts
 * as "not reported" (the shared examples expect not-flagged without one), and the summary then
 * says the question was not asked, because self-treatment never reaches the medication list.
 * Unreadable medication sources make it insufficient-data.
 *
 * Grade A: the FDA boxed warning and safety communication (S4) and the MHRA drug safety update
 * (S6). No text here, in the summary, detail or next step, presents quinine as an option.
 */
import { CHECKLIST_ITEMS } from '../codes/checklist.js';
import { QUININE } from '../codes/medications/quinine.js';
import { SOURCES } from '../codes/sources.js';
import { anyOf } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { medicationInsufficient } from '../engine/primitives/medication-summary.js';
import { duration } from '../engine/parameters.js';
import { clinicianAnsweredYes } from '../engine/primitives/checklist-yes.js';
import { activeMedicationIn } from '../engine/primitives/medication.js';
import { MEDICATION_NEEDS, MEDICATION_PARAMETERS } from '../engine/shared-parameters.js';
import { describeDuration } from '../engine/time.js';

const PARAMETERS = {
  ...MEDICATION_PARAMETERS,
  noBenefitTrial: duration('MHRA: stop quinine if there is no benefit after a trial of', 'P4W', 'KB A22 (S6)'),
  review: duration('MHRA: review continuing quinine at least every', 'P3M', 'KB A22 (S6)'),
} as const;

export const rule = defineRule({
  id: 'safety-quinine',
  version: '1.0.0',
  title: 'Quinine use (safety warning)',
  family: 'safety',
  redFlag: false,
  grade: 'A',
  evidenceStatement:
    'The FDA boxed warning and 2010 safety communication say quinine should not be used for leg cramps: serious and life-threatening blood reactions (thrombocytopenia, HUS/TTP) and chronic kidney damage, with risks that outweigh any benefit (S4). The MHRA advises against routine use and warns of QT prolongation (S6).',
  citations: [SOURCES.S4, SOURCES.S6],
  knowledgeBaseRows: ['A22', 'D8'],
  parameters: PARAMETERS,
  needs: [...MEDICATION_NEEDS, { kind: 'checklist' }],
  criteria: anyOf(
    'quinine in use: a medicine on record, or tonic water or quinine taken for the cramps',
    activeMedicationIn([QUININE], { what: 'a quinine product' }),
    clinicianAnsweredYes(CHECKLIST_ITEMS.tonicWater),
  ),
  summary: {
    flagged: (r) =>
      r.evidence.some((e) => e.resourceType === 'QuestionnaireResponse')
        ? 'Takes tonic water or quinine for cramps: not recommended (bleeding, kidney harm); advise stopping'
        : `Quinine in use (${r.facts.drug}): not recommended for cramps (bleeding, kidney harm); plan to stop`,
    notFlagged: (r) =>
      r.evidence.some((e) => e.code === CHECKLIST_ITEMS.tonicWater.id)
        ? 'No quinine on record and no tonic water or quinine taken for cramps'
        : 'No quinine on record; ask about tonic water or quinine bought for the cramps',
    insufficient: medicationInsufficient('Quinine use could not be checked: medications could not all be read'),
  },
  detail:
    'Quinine is not recommended for leg cramps: it can cause severe thrombocytopenia, haemolytic-uraemic syndrome or thrombotic thrombocytopenic purpura, and chronic kidney damage, and the FDA judges the risk to outweigh the modest benefit (S4). It prolongs the QT interval (S6) and is contraindicated in pregnancy. Tonic water is a source of quinine too. Low platelets or bleeding on quinine are a separate red flag.',
  nextStep: `Plan to stop (MHRA: a trial without it; stop if no benefit after ${describeDuration(PARAMETERS.noBenefitTrial.iso)}; if it is continued, review at least every ${describeDuration(PARAMETERS.review.iso)}). CBC and creatinine if any bruising or bleeding. Caution with other QT-prolonging drugs.`,
  handoutSections: ['quinine-warning'],
});
