/**
 * med-loop-diuretic — knowledge base row A3; rule catalogue decision "Loop diuretics".
 *
 * Furosemide, bumetanide, torsemide (and ethacrynic acid), by any name: "Lasix 40mg" (RxNorm
 * 315971) names no ingredient. Flagged whenever one is active, as the catalogue decides, but graded
 * C-weak and worded as weak: in Garrison 2012 loop diuretics did NOT reach significance
 * (aSR 1.20, 95% CI 1.00–1.44, p = 0.07; S3). The summary must never present it as an
 * established cause.
 *
 * Low potassium, magnesium or sodium within 3 months is shown beside the drug as supporting
 * evidence (the catalogue's decision), and a drug first recorded in the 12 months before the first
 * recorded cramp complaint is pointed out (Table A, temporal weighting). Neither changes the
 * outcome. Loop diuretics are often essential (heart failure, cirrhosis with ascites): dose
 * changes there belong to the treating team.
 */
import { LOOP_DIURETICS } from '../codes/medications/diuretics.js';
import { SOURCES } from '../codes/sources.js';
import { withSupport } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { medicationInsufficient } from '../engine/primitives/medication-summary.js';
import { LOOKBACKS } from '../engine/parameters.js';
import { CRAMP_TIMELINE_WINDOW, describeCrampTimeline, drugStartedBeforeCramps } from '../engine/primitives/cramp-timeline.js';
import { describeElectrolyteSupport, describeLowElectrolytes, LOW_ELECTROLYTE_LIMITS, lowElectrolytes } from '../engine/primitives/low-electrolytes.js';
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
  id: 'med-loop-diuretic',
  version: '1.0.0',
  title: 'Loop diuretic (weak link)',
  family: 'med',
  redFlag: false,
  grade: 'C-weak',
  evidenceStatement:
    'In the same sequence-symmetry analysis that found clear signals for potassium-sparing and thiazide diuretics, loop diuretics did not reach significance (adjusted sequence ratio 1.20, 95% CI 1.00–1.44, p = 0.07; S3). The link is weak at best.',
  citations: [SOURCES.S3],
  knowledgeBaseRows: ['A3'],
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
      activeMedicationIn([LOOP_DIURETICS], { what: 'a loop diuretic' }),
      lowElectrolytes({ potassium: PARAMETERS.lowPotassium, magnesium: PARAMETERS.lowMagnesium, sodium: PARAMETERS.lowSodium }, PARAMETERS.electrolyteLookback.iso),
    ),
    drugStartedBeforeCramps([LOOP_DIURETICS], PARAMETERS.crampTimelineWindow),
  ),
  summary: {
    flagged: (r) =>
      describeLowElectrolytes(r.evidence).length
        ? `On a loop diuretic (${r.facts.drug}): weak link, not significant (p = 0.07); low electrolytes shown beside it`
        : `On a loop diuretic (${r.facts.drug}): only a weak link to cramps, not significant (aSR 1.20, p = 0.07)`,
    notFlagged: 'No loop diuretic in use',
    insufficient: medicationInsufficient('Loop diuretic use could not be checked'),
  },
  detail: (r) => {
    return [
      'Loop diuretics showed only a weak, non-significant association with starting cramp treatment (aSR 1.20, 95% CI 1.00–1.44, p = 0.07; S3), so the drug is a possible, not a likely, contributor. Low electrolytes beside it make it more relevant.',
      describeElectrolyteSupport(r, 'No low potassium, magnesium or sodium is shown beside it (none low, or none measured in the last 3 months).'),
      describeCrampTimeline(r),
    ].filter(Boolean).join(' ');
  },
  nextStep: 'Check potassium, magnesium and sodium. In cirrhosis or heart failure, leave any dose change to the treating (hepatology or cardiology) team.',
  handoutSections: ['drug-loop-diuretic'],
});
