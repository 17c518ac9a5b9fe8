/**
 * lab-hypoglycemia — knowledge base rows B5 (hypoglycaemia) and E9.
 *
 * Fires when the most recent usable glucose within 12 months, random or fasting, from serum,
 * plasma or blood (2345-7, 14749-6, 15074-8, 2339-0, 1558-6, 14771-0), is at or below 70 mg/dL
 * (3.9 mmol/L): ADA level 1 (S15). Below 54 mg/dL (3.0 mmol/L) is level 2 and the finding says
 * so. Both are ADA classification thresholds, not reference ranges, so they are fixed and a lab's
 * own glucose range is not used. The comparison is `at or below`, made in the unit the result was
 * sent in: 3.9 mmol/L is hypoglycaemia although 3.9 × 18.016 = 70.3 mg/dL.
 *
 * In someone on insulin or a sulfonylurea, night cramps with sweating or confusion may be
 * nocturnal hypoglycaemia; redflag-nocturnal-hypoglycemia fires for that combination.
 */
import { SOURCES } from '../codes/sources.js';
import { defineRule } from '../engine/define-rule.js';
import { sourceUnreadable } from '../engine/primitives/lab-summary.js';
import { LOOKBACKS, threshold } from '../engine/parameters.js';
import { GLUCOSE_ANALYTES, glucoseAtOrBelow } from '../engine/primitives/glycaemia.js';
import { describeDuration } from '../engine/time.js';

const PARAMETERS = {
  hypoglycaemia: threshold('ADA level 1 hypoglycaemia: glucose at or below', 70, 'mg/dL', 'KB B5, E9 (S15 ADA classification of hypoglycaemia)', '✅', { 'mmol/L': 3.9 }),
  level2: threshold('ADA level 2 (clinically significant) hypoglycaemia: glucose below', 54, 'mg/dL', 'KB B5, E9 (S15 ADA classification of hypoglycaemia)', '✅', { 'mmol/L': 3.0 }),
  lookback: LOOKBACKS.otherLabs,
} as const;

const LOOKBACK = PARAMETERS.lookback.iso;

export const rule = defineRule({
  id: 'lab-hypoglycemia',
  version: '1.0.0',
  title: 'Low blood glucose (hypoglycaemia)',
  family: 'lab',
  redFlag: false,
  grade: 'B',
  evidenceStatement:
    'Hypoglycaemia in people with diabetes is listed as a risk factor for leg cramps (S23). Levels follow the ADA classification: level 1 at or below 70 mg/dL, level 2 below 54 mg/dL (S15).',
  citations: [SOURCES.S23, SOURCES.S15],
  knowledgeBaseRows: ['B5', 'E9'],
  parameters: PARAMETERS,
  needs: GLUCOSE_ANALYTES.map((analyte) => ({ kind: 'lab', analyte, lookback: LOOKBACK }) as const),
  criteria: glucoseAtOrBelow({ limit: PARAMETERS.hypoglycaemia, level2: PARAMETERS.level2, lookback: LOOKBACK }),
  summary: {
    flagged: (r) => `Low glucose, ADA level ${r.facts.hypoglycaemiaLevel}${r.facts.hypoglycaemiaLevel === 2 ? ' (clinically significant)' : ''}: ${r.facts.glucose}`,
    notFlagged: (r) => `Glucose not low: ${r.facts.glucose}`,
    insufficient: (r) =>
      sourceUnreadable(r)
        ? 'Glucose could not be fully checked: some laboratory results could not be read'
        : `No usable glucose result in the last ${describeDuration(LOOKBACK)}`,
  },
  detail: (r) =>
    `${r.facts.hypoglycaemiaLevel === 2 ? 'Level 2 hypoglycaemia (below 54 mg/dL, 3.0 mmol/L) is clinically significant. ' : ''}In people taking insulin or a sulfonylurea, night cramps with sweating, confusion or nightmares may be low blood sugar. Without glucose-lowering drugs, a low glucose needs its own explanation.`,
  nextStep: 'Ask about night-time hypoglycaemia symptoms; review insulin or sulfonylurea doses with the diabetes team; without glucose-lowering drugs, look for another cause.',
  handoutSections: ['low-blood-sugar'],
});
