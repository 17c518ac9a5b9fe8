/**
 * lab-low-sodium — knowledge base row B4.
 *
 * The latest usable sodium within 3 months (an electrolyte: 2951-2 serum/plasma, 2947-0 blood),
 * below the lab's own lower limit when the result carries a range or an interpretation code,
 * otherwise below 135 mmol/L (= mEq/L) ⚠️. The 135 is a reference range, so the lab's own range
 * wins (catalogue, "Reference ranges"). Below 125 mmol/L the severe-electrolyte red flag fires too.
 *
 * Pitfall avoided (KB section 8): the lay advice to "drink more" to flush out cramps is unsafe
 * here: extra water lowers sodium further, and many people with low sodium are on a fluid limit.
 * Nothing this rule says, and no handout section it feeds, tells the patient to drink more water.
 */
import { SOURCES } from '../codes/sources.js';
import { defineRule } from '../engine/define-rule.js';
import { LOOKBACKS, threshold } from '../engine/parameters.js';
import { insufficientLabSummary } from '../engine/primitives/lab-summary.js';
import { labThreshold } from '../engine/primitives/lab-threshold.js';

const PARAMETERS = {
  lowerLimit: threshold('Default lower limit when the result carries no reference range or interpretation', 135, 'mmol/L', 'KB B4 (lab LLN)', '⚠️', { 'mEq/L': 135 }),
  lookback: LOOKBACKS.electrolytes,
} as const;

const LOOKBACK = PARAMETERS.lookback.iso;

export const rule = defineRule({
  id: 'lab-low-sodium',
  version: '1.0.0',
  title: 'Low sodium (hyponatraemia)',
  family: 'lab',
  redFlag: false,
  grade: 'C',
  evidenceStatement:
    'Low sodium appears in clinical differential lists for muscle cramps (S31, secondary source); the usual context is a thiazide diuretic or cirrhosis. The direct evidence for cramps is weak.',
  citations: [SOURCES.S31],
  knowledgeBaseRows: ['B4'],
  parameters: PARAMETERS,
  needs: [{ kind: 'lab', analyte: 'sodium', lookback: LOOKBACK }],
  criteria: labThreshold({ analyte: 'sodium', op: '<', limit: PARAMETERS.lowerLimit, lookback: LOOKBACK, useLabRange: true }),
  summary: {
    flagged: (r) => `Low sodium: ${r.facts.sodium}`,
    notFlagged: (r) => `Sodium not low: ${r.facts.sodium}`,
    insufficient: insufficientLabSummary('sodium', LOOKBACK),
  },
  detail:
    'Low sodium may contribute to cramps. Look for thiazide diuretics, cirrhosis, heart failure and other causes. Extra water makes it worse: do not advise drinking more to ease cramps.',
  nextStep: 'Review thiazides and other sodium-lowering drugs and the fluid intake; primary care follow-up. Do not advise extra water.',
  handoutSections: ['low-sodium'],
});
