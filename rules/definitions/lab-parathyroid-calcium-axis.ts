/**
 * lab-parathyroid-calcium-axis — knowledge base row B7.
 *
 * Reads intact PTH (2731-8 ◐, latest usable within 12 months) against calcium (latest within
 * 3 months, read as lab-low-calcium reads it: measured ionised calcium preferred, else a lab- or
 * albumin-corrected total; rules/engine/primitives/calcium.ts). Both are needed: without a PTH, or
 * without a calcium, the rule is insufficient-data. The pattern, as the knowledge base gives it:
 *
 *   calcium  | PTH                      | finding
 *   high     | high or high-normal      | primary hyperparathyroidism (flagged)
 *   low      | low                      | hypoparathyroidism, the one that causes tetany (flagged)
 *   low/norm | high                     | secondary hyperparathyroidism: vitamin D deficiency, CKD (flagged)
 *   anything else                       | no parathyroid pattern (not-flagged, the summary says which)
 *
 * "High-normal" PTH: within the range and in its upper half (from the midpoint of the lab's own
 * range, else of the default 10–65 pg/mL ◐). With a high calcium a healthy gland suppresses PTH,
 * so a PTH that is not suppressed is inappropriate (⚠️ the midpoint is this project's convention).
 * Calcium and PTH are judged against the lab's own ranges when the results carry them; the
 * defaults apply only without. A high calcium with a suppressed PTH is not parathyroid-driven and
 * is not flagged here; the summary says to look for other causes.
 *
 * In kidney disease (latest eGFR within 12 months below 60, or an active CKD or dialysis
 * Condition) a high PTH is secondary hyperparathyroidism of kidney disease and belongs to the
 * kidney team, not endocrinology, on screen and in the handout (rule catalogue, second round).
 *
 * Pitfall avoided (KB section 8): hyperparathyroidism raises calcium; it is HYPOparathyroidism
 * that causes low calcium and tetany. Calcium supplements are wrong in hypercalcaemic
 * hyperparathyroidism, and the next step says so.
 */
import { CHRONIC_KIDNEY_DISEASE, DIALYSIS } from '../codes/conditions/kidney.js';
import { ANALYTES } from '../codes/labs.js';
import { SOURCES } from '../codes/sources.js';
import { anyOf, criterion, result, withSupport, type CriterionResult } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { sourceUnreadable } from '../engine/primitives/lab-summary.js';
import { count, LOOKBACKS, threshold } from '../engine/parameters.js';
import type { LabResult } from '../engine/record.js';
import { albuminLookback, CALCIUM_PARAMETERS, calciumEvidence, calciumFacts, findCalcium, judgeCalcium, type CalciumReading } from '../engine/primitives/calcium.js';
import { latestAsContext } from '../engine/primitives/lab-context.js';
import { classify, type Direction } from '../engine/primitives/lab-range.js';
import { explainMissing, labEvidence, resultText, selectLab, unusableEvidence } from '../engine/primitives/lab-selection.js';
import { ignoredRangeReason, labThreshold, limitIn, quantityIn, resultNote, type Judgement } from '../engine/primitives/lab-threshold.js';
import { activeConditionIn } from '../engine/primitives/condition.js';
import { CONDITION_NEEDS } from '../engine/shared-parameters.js';
import { describeDuration } from '../engine/time.js';
import { formatNumber } from '../engine/units.js';

const PARAMETERS = {
  pthLowerLimit: threshold('Default PTH lower limit when the result carries no reference range or interpretation', 10, 'pg/mL', 'KB B7 (typical 10–65 pg/mL)', '◐'),
  pthUpperLimit: threshold('Default PTH upper limit when the result carries no reference range or interpretation', 65, 'pg/mL', 'KB B7 (typical 10–65 pg/mL)', '◐'),
  pthHighNormalFrom: count('PTH within range counts as high-normal (not suppressed) from this fraction of the way from the lower to the upper limit', 0.5, 'project convention for KB B7 "high-normal"', undefined, '⚠️'),
  calciumLowerLimit: threshold('Default lower limit for corrected total calcium', 8.5, 'mg/dL', 'KB B2 (S14)', '◐', { 'mmol/L': 2.12, 'mEq/L': 4.24 }),
  calciumUpperLimit: threshold('Default upper limit for corrected total calcium', 10.5, 'mg/dL', 'typical adult range 8.5–10.5 mg/dL (not in the KB)', '⚠️', { 'mmol/L': 2.62 }),
  ionisedLowerLimit: threshold('Default lower limit for ionised calcium', 1.12, 'mmol/L', 'KB B2 (S14)', '◐', { 'mg/dL': 4.5 }),
  ionisedUpperLimit: threshold('Default upper limit for ionised calcium', 1.32, 'mmol/L', 'typical adult range 1.12–1.32 mmol/L (not in the KB)', '⚠️', { 'mg/dL': 5.3 }),
  egfrKidneyDisease: threshold('A high PTH is secondary hyperparathyroidism of kidney disease with an eGFR below', 60, 'mL/min/1.73m2', 'rule catalogue, second round (KDIGO G3a, S33)', '✅'),
  pthLookback: LOOKBACKS.otherLabs,
  calciumLookback: LOOKBACKS.electrolytes,
  ...CALCIUM_PARAMETERS,
} as const;

const PTH_LOOKBACK = PARAMETERS.pthLookback.iso;
const CA_LOOKBACK = PARAMETERS.calciumLookback.iso;

type PthLevel = 'low' | 'low-normal' | 'high-normal' | 'high';
type Pattern = 'primary' | 'hypo' | 'secondary' | 'renal';

/** The knowledge base's table, B7. */
function patternOf(calcium: Direction, pth: PthLevel): Pattern | undefined {
  if (calcium === 'high') return pth === 'high' || pth === 'high-normal' ? 'primary' : undefined;
  if (pth === 'high') return 'secondary';
  if (calcium === 'low' && pth === 'low') return 'hypo';
  return undefined;
}

/** Why a pair is not a parathyroid pattern, for the not-flagged summary. */
function noPattern(calcium: Direction, pth: PthLevel): string {
  if (calcium === 'high') return 'High calcium with suppressed PTH: not parathyroid-driven, look for other causes';
  if (calcium === 'low') return 'Low calcium without a raised PTH: no clear parathyroid pattern';
  return pth === 'low' ? 'Low PTH with normal calcium: no parathyroid pattern' : 'Calcium and PTH within range';
}

const PATTERN_TITLE: Record<Pattern, string> = {
  primary: 'Pattern of primary hyperparathyroidism',
  hypo: 'Pattern of hypoparathyroidism',
  secondary: 'Pattern of secondary hyperparathyroidism',
  renal: 'Secondary hyperparathyroidism of kidney disease',
};

function pthLevel(r: LabResult): { level: PthLevel; judgement: Judgement } | undefined {
  const c = classify(r, { low: PARAMETERS.pthLowerLimit, high: PARAMETERS.pthUpperLimit }, true);
  if (!c || !r.value) return undefined;
  if (c.direction !== 'normal') return { level: c.direction, judgement: { ...c.judgement, reason: c.reason } };
  const unit = r.value.unit;
  // A range the engine ignored as broken (second round) does not place the PTH in its halves either.
  const rr = ignoredRangeReason(r, { low: PARAMETERS.pthLowerLimit, high: PARAMETERS.pthUpperLimit }) ? undefined : r.referenceRange;
  const low = (rr?.low ? quantityIn('pth', rr.low, unit) : undefined) ?? limitIn('pth', PARAMETERS.pthLowerLimit, unit);
  const high = (rr?.high ? quantityIn('pth', rr.high, unit) : undefined) ?? limitIn('pth', PARAMETERS.pthUpperLimit, unit);
  if (low === undefined || high === undefined) return undefined;
  const from = low + (high - low) * PARAMETERS.pthHighNormalFrom.value;
  const upper = r.value.value >= from;
  const reason = `${c.reason}; ${upper ? 'high-normal (upper half of the range, from' : 'low-normal (lower half of the range, below'} ${formatNumber(from)} ${unit})`;
  return { level: upper ? 'high-normal' : 'low-normal', judgement: { ...c.judgement, reason } };
}

function calciumDirection(reading: CalciumReading): { direction: Direction; judgement: Judgement } | undefined {
  const low = judgeCalcium(reading, '<', { total: PARAMETERS.calciumLowerLimit, ionised: PARAMETERS.ionisedLowerLimit }, true);
  const high = judgeCalcium(reading, '>', { total: PARAMETERS.calciumUpperLimit, ionised: PARAMETERS.ionisedUpperLimit }, true);
  if (!low || !high) return undefined;
  if (low.meets) return { direction: 'low', judgement: low };
  if (high.meets) return { direction: 'high', judgement: high };
  return { direction: 'normal', judgement: { ...low, reason: low.reason === high.reason ? low.reason : `${low.reason}; ${high.reason}` } };
}

const LABEL = 'PTH (12 months) and calcium (3 months) in a pattern of hyper- or hypoparathyroidism';

/** Kidney disease for a high PTH: the latest eGFR below 60 within 12 months, or an active CKD or dialysis Condition. */
const kidneyDisease = anyOf(
  'kidney disease: eGFR below 60, CKD or dialysis',
  labThreshold({ analyte: 'egfr', op: '<', limit: PARAMETERS.egfrKidneyDisease, lookback: PTH_LOOKBACK, useLabRange: false }),
  activeConditionIn([CHRONIC_KIDNEY_DISEASE, DIALYSIS], 'chronic kidney disease or dialysis'),
);

const pthCalciumPattern = criterion(LABEL, (ctx): CriterionResult => {
  const pthSel = selectLab(ctx, 'pth', PTH_LOOKBACK);
  const found = findCalcium(ctx, CA_LOOKBACK);
  const pth = pthSel.latest;
  const reading = found.reading;
  if (!pth || !reading) {
    return result('unknown', LABEL, {
      evidence: [...(pth ? [] : unusableEvidence(pthSel)), ...found.unusable],
      missing: [...(pth ? [] : [explainMissing(pthSel, PTH_LOOKBACK)]), ...found.missing],
    });
  }
  const p = pthLevel(pth);
  const ca = calciumDirection(reading);
  if (!p || !ca) return result('unknown', LABEL, { missing: [`PTH ${resultText(pth)} or calcium ${resultText(reading.measured)} cannot be compared with the limits`] });
  const kidney = p.level === 'high' ? kidneyDisease.evaluate(ctx) : undefined;
  const pattern = kidney?.truth === 'true' ? 'renal' : patternOf(ca.direction, p.level);
  const role = pattern ? 'trigger' : 'checked';
  const evidence = [labEvidence(pth, role, resultNote(pth, p.judgement)), ...calciumEvidence(reading, ca.judgement, role)];
  const facts = { ...calciumFacts(reading), pth: `${resultText(pth)} on ${pth.date}`, pthValue: resultText(pth), pthLevel: p.level, calciumDirection: ca.direction };
  if (pattern === 'renal') {
    const kidneyEvidence = kidney!.evidence.filter((e) => e.role === 'trigger').map((e) => ({ ...e, role: 'supporting' as const }));
    return result('true', LABEL, { evidence: [...evidence, ...kidneyEvidence], facts: { ...facts, pattern }, note: PATTERN_TITLE[pattern] });
  }
  if (pattern) return result('true', LABEL, { evidence, facts: { ...facts, pattern, ...(kidney?.truth === 'unknown' ? { kidneyUnknown: true } : {}) }, note: PATTERN_TITLE[pattern] });
  const incomplete = [...found.incomplete, ...(pthSel.complete ? [] : [`PTH results ${pthSel.sourceProblem}: a newer result may be missing`])];
  if (incomplete.length) return result('unknown', LABEL, { evidence, missing: incomplete });
  return result('false', LABEL, { evidence, facts: { ...facts, noPattern: noPattern(ca.direction, p.level) } });
});

export const rule = defineRule({
  id: 'lab-parathyroid-calcium-axis',
  version: '1.0.0',
  title: 'Parathyroid–calcium pattern (hyper- or hypoparathyroidism)',
  family: 'lab',
  redFlag: false,
  grade: 'C',
  evidenceStatement:
    'Hypoparathyroidism lowers calcium and causes tetany and cramps; hyperparathyroidism raises calcium (primary) or follows low calcium from vitamin D deficiency or kidney disease (secondary). The calcium reading is albumin-corrected (S14); vitamin D thresholds from S16. No direct study of cramps was found (grade C).',
  citations: [SOURCES.S14, SOURCES.S16],
  knowledgeBaseRows: ['B7'],
  parameters: PARAMETERS,
  needs: [
    ...CONDITION_NEEDS,
    { kind: 'lab', analyte: 'pth', lookback: PTH_LOOKBACK },
    { kind: 'lab', analyte: 'calcium-ionised', lookback: CA_LOOKBACK },
    { kind: 'lab', analyte: 'calcium-corrected', lookback: CA_LOOKBACK },
    { kind: 'lab', analyte: 'calcium-total', lookback: CA_LOOKBACK },
    { kind: 'lab', analyte: 'albumin', lookback: albuminLookback(CA_LOOKBACK) },
    { kind: 'lab', analyte: 'vitamin-d', lookback: PTH_LOOKBACK },
    { kind: 'lab', analyte: 'egfr', lookback: PTH_LOOKBACK },
  ],
  criteria: withSupport(
    pthCalciumPattern,
    anyOf('context: 25-OH vitamin D and eGFR', latestAsContext('vitamin-d', PTH_LOOKBACK), latestAsContext('egfr', PTH_LOOKBACK)),
  ),
  summary: {
    flagged: (r) => {
      const pattern = r.facts.pattern as Pattern;
      return `${PATTERN_TITLE[pattern]}: ${r.facts.calciumDirection} calcium with ${r.facts.pthLevel} PTH (${r.facts.pthValue})`;
    },
    notFlagged: (r) => `${r.facts.noPattern} (PTH ${r.facts.pthValue})`,
    insufficient: (r) =>
      sourceUnreadable(r)
        ? 'Parathyroid pattern not fully assessable: some laboratory results could not be read'
        : r.missing.some((m) => m.startsWith(`no usable ${ANALYTES.pth.name}`))
          ? `Parathyroid pattern not assessable: no usable PTH in the last ${describeDuration(PTH_LOOKBACK)}`
          : `Parathyroid pattern not assessable: no usable calcium in the last ${describeDuration(CA_LOOKBACK)}`,
  },
  detail: (r) => {
    switch (r.facts.pattern) {
      case 'primary':
        return 'With a high calcium, the parathyroid glands should switch PTH off; a high or high-normal PTH points to primary hyperparathyroidism (in long-standing kidney disease, tertiary). It raises calcium; it is not a cause of low calcium.';
      case 'hypo':
        return 'Low calcium with a low PTH points to hypoparathyroidism (for example after neck surgery), which causes tingling, cramps and tetany.';
      case 'renal':
        return `A high PTH in kidney disease is secondary hyperparathyroidism of kidney disease (CKD–mineral and bone disorder): the kidneys no longer keep calcium, phosphate and vitamin D in balance${r.facts.egfr ? `; eGFR ${r.facts.egfr}` : ''}. It is managed by the kidney team, not endocrinology.`;
      case 'secondary':
        return `The glands are responding to low calcium or its causes: look for vitamin D deficiency and chronic kidney disease${r.facts['vitamin-d'] ? `; 25-OH vitamin D ${r.facts['vitamin-d']}` : ''}${r.facts.egfr ? `; eGFR ${r.facts.egfr}` : ''}.`;
      default:
        return 'PTH is read against calcium: high calcium with a high or high-normal PTH, low calcium with a low PTH, or a high PTH with low or normal calcium are parathyroid patterns.';
    }
  },
  nextStep: (r) =>
    r.facts.pattern === 'renal'
      ? 'Kidney team (nephrology): secondary hyperparathyroidism of kidney disease; check phosphate, calcium and 25-OH vitamin D with them.'
      : r.facts.pattern === 'secondary'
        ? 'Check 25-OH vitamin D and kidney function: the kidney team if there is kidney disease, otherwise endocrinology. Check phosphate and magnesium.'
        : 'Endocrinology. Check 25-OH vitamin D, eGFR, phosphate and magnesium. Do not give calcium supplements when calcium is high.',
  handoutSections: (r) => (r.facts.pattern === 'renal' ? ['parathyroid-kidney'] : ['parathyroid']),
});
