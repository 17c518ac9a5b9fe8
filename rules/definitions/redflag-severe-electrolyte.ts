/**
 * redflag-severe-electrolyte — knowledge base row E6 (thresholds from B1–B4).
 *
 * Fires when the latest usable result of any of these, within 3 months (electrolytes), is in the
 * dangerous range:
 *  - potassium below 2.5 mmol/L (S13 "severe" ✅) or above 6.0 mmol/L ⚠️ (= mEq/L);
 *  - magnesium below 1.2 mg/dL (≈ 0.5 mmol/L, 1.0 mEq/L) ◐;
 *  - calcium, read as lab-low-calcium reads it (rules/engine/primitives/calcium.ts: measured
 *    ionised preferred, else lab- or albumin-corrected total): corrected total below 7.5 mg/dL ⚠️,
 *    or ionised below 0.90 mmol/L (3.6 mg/dL) ⚠️ (catalogue, Decisions: severe ionised calcium);
 *  - sodium below 125 mmol/L ⚠️.
 * The thresholds are fixed numbers: a red flag does not follow the lab's range or its LL/HH code
 * (catalogue, "Reference ranges"). The magnesium equivalent in mmol/L is the knowledge base's
 * "≈ 0.5", which errs on the side of firing (1.2 mg/dL is 0.494 mmol/L).
 *
 * Partly missing inputs (catalogue, Decisions): one dangerous value is enough to fire; the rule is
 * not-flagged only when all four analytes were available and none is dangerous; otherwise it is
 * insufficient-data and names the analytes it could not check.
 */
import { SOURCES } from '../codes/sources.js';
import { anyOf } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { LOOKBACKS, threshold } from '../engine/parameters.js';
import { albuminLookback, CALCIUM_PARAMETERS, calciumThreshold } from '../engine/primitives/calcium.js';
import { labOutsideRange } from '../engine/primitives/lab-range.js';
import { sourceUnreadable } from '../engine/primitives/lab-summary.js';
import { labThreshold } from '../engine/primitives/lab-threshold.js';
import { describeDuration } from '../engine/time.js';
import type { RuleSummaryInput } from '../engine/types.js';

const PARAMETERS = {
  potassiumLow: threshold('Dangerous hypokalaemia: potassium below (fixed)', 2.5, 'mmol/L', 'KB E6, B3 (S13: severe below 2.5)', '✅', { 'mEq/L': 2.5 }),
  potassiumHigh: threshold('Dangerous hyperkalaemia: potassium above (fixed)', 6.0, 'mmol/L', 'KB E6', '⚠️', { 'mEq/L': 6.0 }),
  magnesiumLow: threshold('Dangerous hypomagnesaemia: magnesium below (fixed)', 1.2, 'mg/dL', 'KB E6, B1 (S12: symptoms likelier below about 1.2 mg/dL)', '◐', { 'mmol/L': 0.5, 'mEq/L': 1.0 }),
  correctedCalciumLow: threshold('Dangerous hypocalcaemia: corrected total calcium below (fixed)', 7.5, 'mg/dL', 'KB E6', '⚠️'),
  ionisedCalciumLow: threshold('Dangerous hypocalcaemia: ionised calcium below (fixed)', 0.9, 'mmol/L', 'rule catalogue, Decisions: severe ionised calcium', '⚠️', { 'mg/dL': 3.6 }),
  sodiumLow: threshold('Dangerous hyponatraemia: sodium below (fixed)', 125, 'mmol/L', 'KB E6', '⚠️', { 'mEq/L': 125 }),
  lookback: LOOKBACKS.electrolytes,
  ...CALCIUM_PARAMETERS,
} as const;

const LOOKBACK = PARAMETERS.lookback.iso;
const ANALYTE_WORDS = { potassium: 'potassium', magnesium: 'magnesium', calcium: 'calcium', sodium: 'sodium' } as const;
type Analyte = keyof typeof ANALYTE_WORDS;

/** Which analytes were read (a fact carries their value), in a fixed order. */
function withValues(r: RuleSummaryInput): Analyte[] {
  return (Object.keys(ANALYTE_WORDS) as Analyte[]).filter((a) => r.facts[a] !== undefined);
}

function dangerous(r: RuleSummaryInput): string {
  return withValues(r)
    .map((a) => (a === 'calcium' ? String(r.facts.calcium) : `${a === 'potassium' ? `${r.facts.potassiumDirection} potassium` : a} ${r.facts[a]}`))
    .join('; ');
}

export const rule = defineRule({
  id: 'redflag-severe-electrolyte',
  version: '1.0.0',
  title: 'Dangerous electrolyte level',
  family: 'redflag',
  redFlag: true,
  grade: 'B',
  evidenceStatement:
    'Severe hypokalaemia (below 2.5 mmol/L) and severe hypomagnesaemia cause weakness, tetany and arrhythmia (S13, S12); severe hypocalcaemia causes tetany, laryngospasm and seizures (S14). Several thresholds here are unverified conventions (⚠️).',
  citations: [SOURCES.S13, SOURCES.S12, SOURCES.S14],
  knowledgeBaseRows: ['E6', 'B1', 'B2', 'B3', 'B4'],
  parameters: PARAMETERS,
  needs: [
    { kind: 'lab', analyte: 'potassium', lookback: LOOKBACK },
    { kind: 'lab', analyte: 'magnesium', lookback: LOOKBACK },
    { kind: 'lab', analyte: 'calcium-ionised', lookback: LOOKBACK },
    { kind: 'lab', analyte: 'calcium-corrected', lookback: LOOKBACK },
    { kind: 'lab', analyte: 'calcium-total', lookback: LOOKBACK },
    { kind: 'lab', analyte: 'albumin', lookback: albuminLookback(LOOKBACK) },
    { kind: 'lab', analyte: 'sodium', lookback: LOOKBACK },
  ],
  criteria: anyOf(
    'any electrolyte in the dangerous range (latest within 3 months, fixed thresholds)',
    labOutsideRange({
      analyte: 'potassium',
      limits: { low: PARAMETERS.potassiumLow, high: PARAMETERS.potassiumHigh },
      lookback: LOOKBACK,
      useLabRange: false,
      what: 'latest potassium below 2.5 or above 6.0 mmol/L within 3 months',
    }),
    labThreshold({ analyte: 'magnesium', op: '<', limit: PARAMETERS.magnesiumLow, lookback: LOOKBACK, useLabRange: false }),
    calciumThreshold({
      op: '<',
      limits: { total: PARAMETERS.correctedCalciumLow, ionised: PARAMETERS.ionisedCalciumLow },
      lookback: LOOKBACK,
      useLabRange: false,
      what: 'latest calcium below 7.5 mg/dL corrected, or ionised below 0.90 mmol/L, within 3 months',
    }),
    labThreshold({ analyte: 'sodium', op: '<', limit: PARAMETERS.sodiumLow, lookback: LOOKBACK, useLabRange: false }),
  ),
  summary: {
    flagged: (r) => `Dangerous electrolyte level: ${dangerous(r)}`,
    notFlagged: 'No dangerous potassium, magnesium, calcium or sodium level in the last 3 months',
    insufficient: (r) => {
      const unchecked = (Object.keys(ANALYTE_WORDS) as Analyte[]).filter((a) => r.facts[a] === undefined);
      if (unchecked.length === 4 && sourceUnreadable(r)) return 'Electrolytes could not be checked for dangerous levels: the laboratory results could not be read';
      return unchecked.length === 4
        ? `Electrolytes not checked for dangerous levels: no usable results in the last ${describeDuration(LOOKBACK)}`
        : `No dangerous level found, but not checked: ${unchecked.join(', ')}`;
    },
  },
  detail:
    'Potassium below 2.5 or above 6.0 mmol/L risks arrhythmia; magnesium below 1.2 mg/dL, corrected calcium below 7.5 mg/dL or ionised calcium below 0.90 mmol/L risk tetany, laryngospasm and seizures; sodium below 125 mmol/L risks confusion and seizures. These are fixed safety limits, independent of the lab range.',
  nextStep: 'Same-day review and repeat of the electrolyte (with an ECG for potassium); emergency care if there is tetany, laryngospasm, seizure, confusion or palpitations. Look for the cause (diuretics, GI losses, alcohol).',
  handoutSections: ['urgent-help'],
  urgency: 'urgent',
});
