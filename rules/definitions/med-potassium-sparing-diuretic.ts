/**
 * med-potassium-sparing-diuretic — knowledge base row A1.
 *
 * Spironolactone, eplerenone, amiloride or triamterene, alone or in combination (Triampur,
 * Aldactazide, Moduretic), active or recently dispensed. The strongest diuretic signal in
 * Garrison 2012's sequence-symmetry analysis (S3).
 *
 * Beside the drug, low magnesium or sodium within 3 months is shown as supporting evidence (KB A1
 * detection: "pull K, Mg, Na"; potassium is not shown as "low" here because these drugs raise
 * it), and a drug first recorded in the 12 months before the first recorded cramp complaint is
 * pointed out (Table A, temporal weighting). Neither changes the outcome: the drug alone decides.
 * Potassium supplements and salt substitutes are never suggested: with these drugs they risk
 * hyperkalaemia (KB A1, section 8).
 */
import { POTASSIUM_SPARING_DIURETICS } from '../codes/medications/diuretics.js';
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
  lowMagnesium: LOW_ELECTROLYTE_LIMITS.magnesium,
  lowSodium: LOW_ELECTROLYTE_LIMITS.sodium,
  electrolyteLookback: LOOKBACKS.electrolytes,
} as const;

export const rule = defineRule({
  id: 'med-potassium-sparing-diuretic',
  version: '1.0.0',
  title: 'Potassium-sparing diuretic',
  family: 'med',
  redFlag: false,
  grade: 'A',
  evidenceStatement:
    'In a population sequence-symmetry analysis of 4.2 million people aged 50 or more, new potassium-sparing diuretic use preceded cramp treatment more often than followed it (adjusted sequence ratio 2.12, 95% CI 1.61–2.78): the strongest diuretic signal (S3). An association, not proof of cause.',
  citations: [SOURCES.S3],
  knowledgeBaseRows: ['A1'],
  parameters: PARAMETERS,
  needs: [
    ...MEDICATION_NEEDS,
    ...CONDITION_NEEDS,
    { kind: 'lab', analyte: 'magnesium', lookback: PARAMETERS.electrolyteLookback.iso },
    { kind: 'lab', analyte: 'sodium', lookback: PARAMETERS.electrolyteLookback.iso },
  ],
  criteria: withSupport(
    withSupport(
      activeMedicationIn([POTASSIUM_SPARING_DIURETICS], { what: 'a potassium-sparing diuretic' }),
      lowElectrolytes({ magnesium: PARAMETERS.lowMagnesium, sodium: PARAMETERS.lowSodium }, PARAMETERS.electrolyteLookback.iso),
    ),
    drugStartedBeforeCramps([POTASSIUM_SPARING_DIURETICS], PARAMETERS.crampTimelineWindow),
  ),
  summary: {
    flagged: (r) => `On a potassium-sparing diuretic (${r.facts.drug}): strongest diuretic link to night cramps`,
    notFlagged: 'No potassium-sparing diuretic in use',
    insufficient: medicationInsufficient('Potassium-sparing diuretic use could not be checked'),
  },
  detail: (r) => {
    return [
      'Spironolactone, eplerenone, amiloride and triamterene were the diuretics most strongly associated with starting cramp treatment (aSR 2.12; S3). The drug is often essential (heart failure, hyperaldosteronism, resistant hypertension), so the question is whether it is still needed and whether an alternative exists.',
      describeElectrolyteSupport(r),
      describeCrampTimeline(r),
    ].filter(Boolean).join(' ');
  },
  nextStep:
    'Prescriber review: is it still needed, is there an alternative? Check potassium, magnesium, sodium and kidney function. Do not add potassium supplements or salt substitutes without checking potassium and eGFR (hyperkalaemia risk).',
  handoutSections: ['drug-potassium-sparing-diuretic'],
});
