/**
 * med-carbonic-anhydrase-inhibitor — knowledge base row A4.
 *
 * Acetazolamide ("Diacarb", ATC S01EC01: filed under ophthalmologicals even when taken by mouth)
 * and methazolamide, active or recently dispensed. Dorzolamide and brinzolamide eye drops are not
 * in the class. Grade C: the only source naming it is the lay article; it was not in Garrison's
 * study. A mechanism through low potassium or metabolic acidosis is plausible but unverified, so
 * a low potassium within 3 months is shown beside it as supporting evidence (never changing the
 * outcome), and a drug first recorded in the 12 months before the first recorded cramp complaint
 * is pointed out (Table A, temporal weighting).
 */
import { CARBONIC_ANHYDRASE_INHIBITORS } from '../codes/medications/diuretics.js';
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
  id: 'med-carbonic-anhydrase-inhibitor',
  version: '1.0.0',
  title: 'Carbonic anhydrase inhibitor (acetazolamide)',
  family: 'med',
  redFlag: false,
  grade: 'C',
  evidenceStatement:
    'Acetazolamide is named as a cramp cause only in the lay article this product started from; no guideline or study read for the knowledge base confirms it, and Garrison did not study it (S3). Low potassium or acidosis is a plausible but unverified mechanism (S13).',
  citations: [SOURCES.S3, SOURCES.S13],
  knowledgeBaseRows: ['A4'],
  parameters: PARAMETERS,
  needs: [...MEDICATION_NEEDS, ...CONDITION_NEEDS, { kind: 'lab', analyte: 'potassium', lookback: PARAMETERS.electrolyteLookback.iso }],
  criteria: withSupport(
    withSupport(
      activeMedicationIn([CARBONIC_ANHYDRASE_INHIBITORS], { what: 'a carbonic anhydrase inhibitor' }),
      lowElectrolytes({ potassium: PARAMETERS.lowPotassium }, PARAMETERS.electrolyteLookback.iso),
    ),
    drugStartedBeforeCramps([CARBONIC_ANHYDRASE_INHIBITORS], PARAMETERS.crampTimelineWindow),
  ),
  summary: {
    flagged: (r) => `On a carbonic anhydrase inhibitor (${r.facts.drug}): a possible cramp contributor (low-grade evidence)`,
    notFlagged: 'No acetazolamide or methazolamide in use',
    insufficient: medicationInsufficient('Carbonic anhydrase inhibitor use could not be checked'),
  },
  detail: (r) => {
    return [
      'Only lay sources name acetazolamide as a cramp cause (grade C). It can lower potassium and cause metabolic acidosis, a plausible route to cramps that has not been verified.',
      describeElectrolyteSupport(r),
      describeCrampTimeline(r),
    ].filter(Boolean).join(' ');
  },
  nextStep: 'Check potassium and bicarbonate, and review whether the drug is still needed.',
  handoutSections: ['drug-acetazolamide'],
});
