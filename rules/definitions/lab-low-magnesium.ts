/**
 * lab-low-magnesium — knowledge base row B1.
 *
 * The latest usable magnesium (19123-9 mass, 2601-3 molar) within 3 months, below the lab's own
 * lower limit when the result carries one, otherwise below 1.7 mg/dL (0.70 mmol/L, 1.4 mEq/L).
 * The handout must not promise that magnesium tablets stop ordinary night cramps: Cochrane 2020
 * found they do not usefully prevent idiopathic cramps in older adults (S8).
 */
import { ANALYTES } from '../codes/labs.js';
import { SOURCES } from '../codes/sources.js';
import { defineRule } from '../engine/define-rule.js';
import { LOOKBACKS, threshold } from '../engine/parameters.js';
import { insufficientLabSummary } from '../engine/primitives/lab-summary.js';
import { labThreshold } from '../engine/primitives/lab-threshold.js';

const PARAMETERS = {
  lowerLimit: threshold('Default lower limit when the result carries no reference range or interpretation', 1.7, 'mg/dL', 'KB B1 (typical LLN; HL7 example range 0.7–1.1 mmol/L; S12)', '◐', { 'mmol/L': 0.7, 'mEq/L': 1.4 }),
  lookback: LOOKBACKS.electrolytes,
} as const;

export const rule = defineRule({
  id: 'lab-low-magnesium',
  version: '1.0.0',
  title: 'Low magnesium (hypomagnesaemia)',
  family: 'lab',
  redFlag: false,
  grade: 'B',
  evidenceStatement:
    'Hypomagnesaemia increases neuromuscular excitability (cramps, tetany) and lowers potassium and calcium (S12). Magnesium supplements do not usefully prevent idiopathic cramps in older adults (Cochrane 2020, S8), so treat a measured deficiency, not cramps.',
  citations: [SOURCES.S12, SOURCES.S8],
  knowledgeBaseRows: ['B1'],
  parameters: PARAMETERS,
  needs: [{ kind: 'lab', analyte: 'magnesium', lookback: PARAMETERS.lookback.iso }],
  criteria: labThreshold({ analyte: 'magnesium', op: '<', limit: PARAMETERS.lowerLimit, lookback: PARAMETERS.lookback.iso, useLabRange: true }),
  summary: {
    flagged: (r) => `Low magnesium: ${r.facts.magnesium}`,
    notFlagged: (r) => `Magnesium normal: ${r.facts.magnesium}`,
    insufficient: insufficientLabSummary(ANALYTES.magnesium.name, PARAMETERS.lookback.iso),
  },
  detail:
    'Low magnesium can cause cramps and muscle twitching and makes low potassium and calcium harder to correct. Common causes: diuretics, alcohol, diarrhoea, cisplatin, proton-pump inhibitors (the last unverified).',
  nextStep: 'Look for the cause (diuretics, alcohol, diarrhoea, cisplatin). Replace if truly low, then recheck potassium and calcium.',
  handoutSections: ['low-magnesium'],
});
