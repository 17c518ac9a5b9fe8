/**
 * redflag-nocturnal-hypoglycemia — knowledge base row E9 (with B5).
 *
 * Fires when insulin or a sulfonylurea is active (rules/codes/medications/glucose-lowering.ts:
 * INSULINS, SULFONYLUREAS; active as the catalogue defines it) AND the most recent usable glucose
 * within 12 months, random or fasting, serum, plasma or blood, is at or below 70 mg/dL
 * (3.9 mmol/L), the ADA level 1 threshold (S15). Fixed: the ADA threshold, not the lab range.
 * In that patient, night cramps with sweating, confusion or nightmares may be hypoglycaemia
 * (BMJ Best Practice lists hypoglycaemia in diabetes as a risk factor, S23).
 *
 * Not-flagged when every medication source was read and no insulin or sulfonylurea is active, or
 * when the latest glucose is above 70 mg/dL; insufficient-data otherwise (medications unreadable,
 * or no usable glucose while such a drug is active).
 * Urgency: urgent for ADA level 2 (below 54 mg/dL, 3.0 mmol/L), prompt for level 1.
 */
import { INSULINS, SULFONYLUREAS } from '../codes/medications/index.js';
import { SOURCES } from '../codes/sources.js';
import { allOf, criterion, type Criterion } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { LOOKBACKS, threshold } from '../engine/parameters.js';
import { ANALYTES } from '../codes/labs.js';
import { GLUCOSE_ANALYTES, glucoseAtOrBelow } from '../engine/primitives/glycaemia.js';
import { labUnreadable } from '../engine/primitives/lab-summary.js';
import { activeMedicationIn } from '../engine/primitives/medication.js';
import { MEDICATION_PARAMETERS } from '../engine/shared-parameters.js';

const PARAMETERS = {
  hypoglycaemia: threshold('ADA level 1 hypoglycaemia: glucose at or below (fixed)', 70, 'mg/dL', 'KB E9, B5 (S15 ADA classification of hypoglycaemia)', '✅', { 'mmol/L': 3.9 }),
  level2: threshold('ADA level 2 hypoglycaemia: glucose below (raises the urgency)', 54, 'mg/dL', 'KB E9, B5 (S15)', '✅', { 'mmol/L': 3.0 }),
  lookback: LOOKBACKS.otherLabs,
  ...MEDICATION_PARAMETERS,
} as const;

const LOOKBACK = PARAMETERS.lookback.iso;

/** Marks a medication search that found none (all sources read), so the summary can say so; unknown stays unknown. */
function noneMeansNone(c: Criterion): Criterion {
  return criterion(c.label, (ctx) => {
    const r = c.evaluate(ctx);
    return r.truth === 'false' ? { ...r, facts: { ...r.facts, noGlucoseLoweringDrug: true } } : r;
  });
}

export const rule = defineRule({
  id: 'redflag-nocturnal-hypoglycemia',
  version: '1.0.0',
  title: 'Possible nocturnal hypoglycaemia on insulin or a sulfonylurea',
  family: 'redflag',
  redFlag: true,
  grade: 'B',
  evidenceStatement:
    'Hypoglycaemia in people with diabetes is a risk factor for leg cramps (S23); at night it can present as cramps with sweating, confusion or nightmares. Threshold: ADA level 1, at or below 70 mg/dL (S15).',
  citations: [SOURCES.S23, SOURCES.S15],
  knowledgeBaseRows: ['E9', 'B5'],
  parameters: PARAMETERS,
  needs: [{ kind: 'medications' }, ...GLUCOSE_ANALYTES.map((analyte) => ({ kind: 'lab', analyte, lookback: LOOKBACK }) as const)],
  criteria: allOf(
    'insulin or a sulfonylurea, with the latest glucose at or below 70 mg/dL (3.9 mmol/L)',
    noneMeansNone(activeMedicationIn([INSULINS, SULFONYLUREAS], { what: 'insulin or a sulfonylurea' })),
    glucoseAtOrBelow({ limit: PARAMETERS.hypoglycaemia, level2: PARAMETERS.level2, lookback: LOOKBACK }),
  ),
  summary: {
    flagged: (r) => `On ${r.facts.drug} with glucose ${r.facts.glucose} (ADA level ${r.facts.hypoglycaemiaLevel}): possible night-time hypoglycaemia`,
    notFlagged: (r) =>
      r.facts.drug ? `On ${r.facts.drug}, but glucose not low: ${r.facts.glucose}` : r.facts.noGlucoseLoweringDrug ? 'No insulin or sulfonylurea in use' : `Glucose not low: ${r.facts.glucose}`,
    insufficient: (r) =>
      !r.facts.drug
        ? 'Insulin or sulfonylurea use could not be checked'
        : labUnreadable(r, ...GLUCOSE_ANALYTES.map((a) => ANALYTES[a].name))
          ? `On ${r.facts.drug}, but the glucose results could not be read to check for hypoglycaemia`
          : `On ${r.facts.drug}, but no usable glucose in the last 12 months to check for hypoglycaemia`,
  },
  detail:
    'Insulin and sulfonylureas can cause hypoglycaemia during the night. Cramps at night with sweating, confusion or nightmares may be low blood sugar rather than an ordinary cramp.',
  nextStep: 'Check glucose at night (or review continuous glucose data); diabetes team to review the insulin or sulfonylurea dose.',
  handoutSections: ['low-blood-sugar'],
  urgency: (r) => (r.facts.hypoglycaemiaLevel === 2 ? 'urgent' : 'prompt'),
});
