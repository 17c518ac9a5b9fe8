/**
 * med-thiazide-diuretic — knowledge base row A2.
 *
 * Hydrochlorothiazide, chlorthalidone, indapamide, metolazone (and the other thiazides), alone or
 * in combination (Hyzaar, Zestoretic, Triampur, ...), active or recently dispensed. Garrison 2012's
 * sequence-symmetry analysis found a significant signal (S3). The AAFP review notes that older
 * reviews had not implicated HCTZ (S1); the 2012 analysis is the newer and stronger evidence.
 *
 * Beside the drug, low potassium, magnesium or sodium within 3 months is shown as supporting
 * evidence (KB A1/A2 detection: "pull K, Mg, Na"), and a drug first recorded in the 12 months
 * before the first recorded cramp complaint is pointed out (Table A, temporal weighting). Neither
 * changes the outcome: the drug alone decides it.
 */
import { THIAZIDE_DIURETICS } from '../codes/medications/diuretics.js';
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
  lowMagnesium: LOW_ELECTROLYTE_LIMITS.magnesium,
  lowSodium: LOW_ELECTROLYTE_LIMITS.sodium,
  electrolyteLookback: LOOKBACKS.electrolytes,
} as const;

export const rule = defineRule({
  id: 'med-thiazide-diuretic',
  version: '1.0.0',
  title: 'Thiazide or thiazide-like diuretic',
  family: 'med',
  redFlag: false,
  grade: 'A',
  evidenceStatement:
    'In a sequence-symmetry analysis of 4.2 million people aged 50 or more, new thiazide or thiazide-like diuretic use preceded cramp treatment more often than followed it (adjusted sequence ratio 1.48, 95% CI 1.29–1.68; S3). Older reviews had not implicated HCTZ (S1). An association, not proof of cause.',
  citations: [SOURCES.S3, SOURCES.S1],
  knowledgeBaseRows: ['A2'],
  parameters: PARAMETERS,
  needs: [
    ...MEDICATION_NEEDS,
    ...CONDITION_NEEDS,
    { kind: 'lab', analyte: 'potassium', lookback: PARAMETERS.electrolyteLookback.iso },
    { kind: 'lab', analyte: 'magnesium', lookback: PARAMETERS.electrolyteLookback.iso },
    { kind: 'lab', analyte: 'sodium', lookback: PARAMETERS.electrolyteLookback.iso },
  ],
  criteria: withSupport(
    withSupport(
      activeMedicationIn([THIAZIDE_DIURETICS], { what: 'a thiazide or thiazide-like diuretic' }),
      lowElectrolytes({ potassium: PARAMETERS.lowPotassium, magnesium: PARAMETERS.lowMagnesium, sodium: PARAMETERS.lowSodium }, PARAMETERS.electrolyteLookback.iso),
    ),
    drugStartedBeforeCramps([THIAZIDE_DIURETICS], PARAMETERS.crampTimelineWindow),
  ),
  summary: {
    flagged: (r) => `On a thiazide-type diuretic (${r.facts.drug}): linked to night cramps in a large population study`,
    notFlagged: 'No thiazide or thiazide-like diuretic in use',
    insufficient: medicationInsufficient('Thiazide diuretic use could not be checked'),
  },
  detail: (r) => {
    return [
      'Thiazide and thiazide-like diuretics were significantly associated with starting cramp treatment (aSR 1.48; S3). They can lower potassium, magnesium and sodium, which is worth checking.',
      describeElectrolyteSupport(r),
      describeCrampTimeline(r),
    ].filter(Boolean).join(' ');
  },
  nextStep: 'Prescriber review of the indication and dose. Check potassium, magnesium and sodium.',
  handoutSections: ['drug-thiazide-diuretic'],
});
