/**
 * lab-hypoglycemia — knowledge base rows B5 (hypoglycaemia) and E9; rule catalogue, second round
 * ("Hypoglycaemia outside diabetes").
 *
 * Reads the most recent usable glucose within 12 months, random or fasting, from serum, plasma or
 * blood (2345-7, 14749-6, 15074-8, 2339-0, 1558-6, 14771-0).
 * - With diabetes known or treated (a diabetes Condition at any date, an HbA1c of 6.5 % or more
 *   within 12 months, or a glucose-lowering medicine in use), the ADA levels apply (S15b): at or
 *   below 70 mg/dL (3.9 mmol/L) is level 1, below 54 mg/dL (3.0 mmol/L) level 2.
 * - Without diabetes, it fires only below 55 mg/dL (3.05 mmol/L, compared after converting), the
 *   level at which the Endocrine Society advises evaluating hypoglycaemia (S41): a random glucose
 *   of 69.9 mg/dL in someone without diabetes is not hypoglycaemia.
 * - Between the two, when diabetes could not be ruled out (a source failed, a glucose-lowering
 *   order is stale), it is insufficient-data and asks.
 * Both limits are classification thresholds, not reference ranges: a lab's glucose range is not
 * used. The ADA comparison is made in the unit the result was sent in (3.9 mmol/L is level 1).
 *
 * In someone on insulin or a sulfonylurea, night cramps with sweating or confusion may be
 * nocturnal hypoglycaemia; redflag-nocturnal-hypoglycemia fires for that combination.
 */
import { SOURCES } from '../codes/sources.js';
import { defineRule } from '../engine/define-rule.js';
import { newerResultSummary, newerResultUnreadable, sourceUnreadable } from '../engine/primitives/lab-summary.js';
import { LOOKBACKS, threshold } from '../engine/parameters.js';
import { diabetesContext } from '../engine/primitives/diabetes-context.js';
import { GLUCOSE_ANALYTES, glucoseLowForPatient } from '../engine/primitives/glycaemia.js';
import { CONDITION_NEEDS, MEDICATION_NEEDS } from '../engine/shared-parameters.js';
import { describeDuration } from '../engine/time.js';
import type { RuleSummaryInput } from '../engine/types.js';

const PARAMETERS = {
  hypoglycaemia: threshold('With diabetes: ADA level 1 hypoglycaemia, glucose at or below', 70, 'mg/dL', 'KB B5, E9 (S15b ADA classification of hypoglycaemia)', '✅', { 'mmol/L': 3.9 }),
  level2: threshold('With diabetes: ADA level 2 (clinically significant) hypoglycaemia, glucose below', 54, 'mg/dL', 'KB B5, E9 (S15b ADA classification of hypoglycaemia)', '✅', { 'mmol/L': 3.0 }),
  withoutDiabetes: threshold('Without diabetes: glucose below (compared after converting, never on a rounded mmol/L value)', 55, 'mg/dL', 'rule catalogue, second round (S41 Endocrine Society)', '✅'),
  diabetesHba1c: threshold('Diabetes known: HbA1c at or above', 6.5, '%', 'KB B5 (S15 ADA)', '✅'),
  lookback: LOOKBACKS.otherLabs,
} as const;

const LOOKBACK = PARAMETERS.lookback.iso;

const withoutDiabetesFlag = (r: RuleSummaryInput) => r.facts.withoutDiabetes === true;

export const rule = defineRule({
  id: 'lab-hypoglycemia',
  version: '1.0.0',
  title: 'Low blood glucose (hypoglycaemia)',
  family: 'lab',
  redFlag: false,
  grade: 'B',
  evidenceStatement:
    'Hypoglycaemia in people with diabetes is listed as a risk factor for leg cramps (S23). With diabetes the ADA classification applies: level 1 at or below 70 mg/dL, level 2 below 54 mg/dL (S15b); without diabetes, hypoglycaemia is evaluated only below 55 mg/dL (Endocrine Society, S41).',
  citations: [SOURCES.S23, SOURCES.S15, SOURCES.S41],
  knowledgeBaseRows: ['B5', 'E9'],
  parameters: PARAMETERS,
  needs: [
    ...GLUCOSE_ANALYTES.map((analyte) => ({ kind: 'lab', analyte, lookback: LOOKBACK }) as const),
    { kind: 'lab', analyte: 'hba1c', lookback: LOOKBACK },
    ...CONDITION_NEEDS,
    ...MEDICATION_NEEDS,
  ],
  criteria: glucoseLowForPatient({
    limit: PARAMETERS.hypoglycaemia,
    level2: PARAMETERS.level2,
    withoutDiabetes: PARAMETERS.withoutDiabetes,
    lookback: LOOKBACK,
    diabetes: diabetesContext({ hba1c: PARAMETERS.diabetesHba1c, lookback: LOOKBACK }),
  }),
  summary: {
    flagged: (r) =>
      withoutDiabetesFlag(r)
        ? `Low glucose below 55 mg/dL without known diabetes: ${r.facts.glucose}; evaluate (Whipple's triad)`
        : `Low glucose, ADA level ${r.facts.hypoglycaemiaLevel}${r.facts.hypoglycaemiaLevel === 2 ? ' (clinically significant)' : ''}: ${r.facts.glucose}`,
    notFlagged: (r) =>
      r.facts.diabetesContext === 'no'
        ? `Glucose ${r.facts.glucose}: not low without diabetes (only below 55 mg/dL counts)`
        : `Glucose not low: ${r.facts.glucose}`,
    insufficient: (r) =>
      r.facts.diabetesContext === 'unknown'
        ? `Glucose ${r.facts.glucose} is low only if diabetic: diabetes or its treatment could not be ruled out`
        : sourceUnreadable(r)
          ? 'Glucose could not be fully checked: some laboratory results could not be read'
          : newerResultUnreadable(r)
            ? newerResultSummary('glucose')
            : `No usable glucose result in the last ${describeDuration(LOOKBACK)}`,
  },
  detail: (r) =>
    withoutDiabetesFlag(r)
      ? 'Without diabetes or glucose-lowering treatment, a glucose below 55 mg/dL (3.0 mmol/L) is the level at which the Endocrine Society advises evaluating hypoglycaemia (S41): look for symptoms relieved by raising the glucose (Whipple\'s triad) and for a cause (drugs, alcohol, liver or kidney disease, adrenal insufficiency).'
      : `${r.facts.hypoglycaemiaLevel === 2 ? 'Level 2 hypoglycaemia (below 54 mg/dL, 3.0 mmol/L) is clinically significant. ' : ''}In people taking insulin or a sulfonylurea, night cramps with sweating, confusion or nightmares may be low blood sugar. The ADA levels apply to people with diabetes; without it, only a glucose below 55 mg/dL counts.`,
  nextStep: 'Ask about night-time hypoglycaemia symptoms; review insulin or sulfonylurea doses with the diabetes team; without diabetes, a glucose below 55 mg/dL needs evaluation (Whipple\'s triad, look for a cause).',
  handoutSections: ['low-blood-sugar'],
});
