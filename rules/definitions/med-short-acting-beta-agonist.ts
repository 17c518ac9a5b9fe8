/**
 * med-short-acting-beta-agonist — knowledge base row A6.
 *
 * Albuterol (salbutamol), levalbuterol or terbutaline, inhaled or by mouth, alone or combined
 * (Combivent, DuoNeb), active or recently dispensed.
 *
 * Grade: the knowledge base grades this row C–B. It is recorded as B/C (the project's notation for
 * a grade between B and C): salbutamol is on NICE CKS's list of cramp-associated drugs (S7, an
 * expert list: C), salbutamol and terbutaline were named in a BMJ general-practice prescribing
 * study (S24: observational, towards B), and beta-adrenergic stimulation moves potassium into
 * cells (S13), a plausible mechanism. No large study like Garrison's looked at it, so it is not B.
 *
 * Because the mechanism runs through potassium, a low potassium within 3 months is shown beside
 * the drug as supporting evidence; with a cramp timeline (Table A, temporal weighting), neither
 * changes the outcome.
 */
import { SHORT_ACTING_BETA_AGONISTS } from '../codes/medications/beta-agonists.js';
import { SOURCES } from '../codes/sources.js';
import { withSupport } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { medicationInsufficient } from '../engine/primitives/medication-summary.js';
import { LOOKBACKS } from '../engine/parameters.js';
import { CRAMP_TIMELINE_WINDOW, describeCrampTimeline, drugStartedBeforeCramps } from '../engine/primitives/cramp-timeline.js';
import { describeElectrolyteSupport, LOW_ELECTROLYTE_LIMITS, lowElectrolytes } from '../engine/primitives/low-electrolytes.js';
import { activeMedicationIn } from '../engine/primitives/medication.js';
import { CONDITION_NEEDS, MEDICATION_NEEDS, MEDICATION_PARAMETERS } from '../engine/shared-parameters.js';

const PARAMETERS = {
  ...MEDICATION_PARAMETERS,
  crampTimelineWindow: CRAMP_TIMELINE_WINDOW,
  lowPotassium: LOW_ELECTROLYTE_LIMITS.potassium,
  electrolyteLookback: LOOKBACKS.electrolytes,
} as const;

export const rule = defineRule({
  id: 'med-short-acting-beta-agonist',
  version: '1.0.0',
  title: 'Short-acting beta-2 agonist (reliever)',
  family: 'med',
  redFlag: false,
  grade: 'B/C',
  evidenceStatement:
    'Salbutamol is on NICE CKS’s list of drugs associated with cramps (S7), and salbutamol and terbutaline were named in a BMJ study of cramp-inducing drugs in general practice (S24). Beta-adrenergic stimulation shifts potassium into cells (S13), a plausible mechanism, most relevant with heavy use.',
  citations: [SOURCES.S7, SOURCES.S24, SOURCES.S13],
  knowledgeBaseRows: ['A6'],
  parameters: PARAMETERS,
  needs: [...MEDICATION_NEEDS, ...CONDITION_NEEDS, { kind: 'lab', analyte: 'potassium', lookback: PARAMETERS.electrolyteLookback.iso }],
  criteria: withSupport(
    withSupport(
      activeMedicationIn([SHORT_ACTING_BETA_AGONISTS], { what: 'a short-acting beta-2 agonist' }),
      lowElectrolytes({ potassium: PARAMETERS.lowPotassium }, PARAMETERS.electrolyteLookback.iso),
    ),
    drugStartedBeforeCramps([SHORT_ACTING_BETA_AGONISTS], PARAMETERS.crampTimelineWindow),
  ),
  summary: {
    flagged: (r) => `On a short-acting beta-agonist (${r.facts.drug}): can contribute to cramps, mostly with frequent use`,
    notFlagged: 'No short-acting beta-agonist in use',
    insufficient: medicationInsufficient('Short-acting beta-agonist use could not be checked'),
  },
  detail: (r) => {
    return [
      'Reliever beta-agonists appear on expert lists of cramp-associated drugs (S7, S24) and lower blood potassium by moving it into cells (S13). How often the reliever is used matters more than the prescription itself.',
      describeElectrolyteSupport(r),
      describeCrampTimeline(r),
    ].filter(Boolean).join(' ');
  },
  nextStep: 'Ask how often the reliever is used; if use is heavy, check potassium and review asthma or COPD control.',
  handoutSections: ['drug-reliever-inhaler'],
});
