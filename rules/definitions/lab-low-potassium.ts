/**
 * lab-low-potassium — knowledge base row B3.
 *
 * The latest usable potassium within 3 months (an electrolyte: 2823-3 serum/plasma, 6298-4 blood,
 * 22760-3 mass concentration in mg/dL, converted by the engine with K = 39.098 g/mol), below the
 * lab's own lower limit when the result carries a range or an interpretation code, otherwise
 * below 3.5 mmol/L (= 3.5 mEq/L, potassium being monovalent). The 3.5 is a reference range, so
 * the lab's own range wins (catalogue, "Reference ranges").
 *
 * The summary names the StatPearls severity (S13): mild 3.0–3.4, moderate 2.5–2.9, severe below
 * 2.5 mmol/L; severe also fires redflag-severe-electrolyte. High potassium is not this rule's
 * finding; it matters as a safety check with potassium-sparing drugs or supplements and is raised
 * by the red flag above 6.0 mmol/L.
 *
 * Pitfall avoided: no advice to take potassium supplements or eat bananas for cramps (KB section
 * 8); replacement is for a measured deficiency, and only with kidney function known.
 */
import { SOURCES } from '../codes/sources.js';
import { defineRule } from '../engine/define-rule.js';
import { LOOKBACKS, threshold } from '../engine/parameters.js';
import { bandOf, withLatestFacts } from '../engine/primitives/lab-category.js';
import { insufficientLabSummary } from '../engine/primitives/lab-summary.js';
import { labThreshold } from '../engine/primitives/lab-threshold.js';

const PARAMETERS = {
  lowerLimit: threshold('Default lower limit when the result carries no reference range or interpretation', 3.5, 'mmol/L', 'KB B3 (S13)', '✅', { 'mEq/L': 3.5 }),
  moderateBelow: threshold('Moderate hypokalaemia below this (names the severity only)', 3.0, 'mmol/L', 'KB B3 (S13)', '✅', { 'mEq/L': 3.0 }),
  severeBelow: threshold('Severe hypokalaemia below this (names the severity only; the severe-electrolyte red flag fires too)', 2.5, 'mmol/L', 'KB B3 (S13)', '✅', { 'mEq/L': 2.5 }),
  lookback: LOOKBACKS.electrolytes,
} as const;

const LOOKBACK = PARAMETERS.lookback.iso;

export const rule = defineRule({
  id: 'lab-low-potassium',
  version: '1.0.0',
  title: 'Low potassium (hypokalaemia)',
  family: 'lab',
  redFlag: false,
  grade: 'B',
  evidenceStatement:
    'Hypokalaemia causes muscle weakness and cramps; diuretics, gastrointestinal losses and beta-agonists are common causes (S13). Among veterans with hypokalaemia most reported cramps (S1), though the evidence overall is described as conflicting (S32).',
  citations: [SOURCES.S13, SOURCES.S1, SOURCES.S32],
  knowledgeBaseRows: ['B3'],
  parameters: PARAMETERS,
  needs: [{ kind: 'lab', analyte: 'potassium', lookback: LOOKBACK }],
  criteria: withLatestFacts(
    labThreshold({ analyte: 'potassium', op: '<', limit: PARAMETERS.lowerLimit, lookback: LOOKBACK, useLabRange: true }),
    'potassium',
    LOOKBACK,
    (r) => ({ severity: bandOf(r, [{ name: 'severe', below: PARAMETERS.severeBelow }, { name: 'moderate', below: PARAMETERS.moderateBelow }], 'mild') }),
  ),
  summary: {
    flagged: (r) => `Low potassium (${r.facts.severity}): ${r.facts.potassium}`,
    notFlagged: (r) => `Potassium not low: ${r.facts.potassium}`,
    insufficient: insufficientLabSummary('potassium', LOOKBACK),
  },
  detail:
    'Low potassium can cause cramps and weakness. Usual causes: thiazide or loop diuretics, vomiting or diarrhoea, heavy beta-agonist use. Check magnesium too: low magnesium keeps potassium low. A high potassium is a different problem (potassium-sparing drugs, supplements, kidney disease) and is raised by the severe-electrolyte red flag above 6.0 mmol/L.',
  nextStep: 'Treat the cause (review diuretics and beta-agonists, look for GI losses), replace potassium if indicated with kidney function known, and check magnesium.',
  handoutSections: ['low-potassium'],
});
