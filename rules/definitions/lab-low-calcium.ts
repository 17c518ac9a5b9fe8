/**
 * lab-low-calcium — knowledge base row B2 (with B10 for the albumin correction).
 *
 * Fires on true hypocalcaemia: the latest calcium within 3 months (an electrolyte) below the lower
 * limit, read in this order of preference (rules/engine/primitives/calcium.ts):
 *  - measured ionised calcium (1995-0, 1994-3, 17864-0), below the lab's lower limit, else below
 *    1.12 mmol/L (4.5 mg/dL) ◐;
 *  - a corrected calcium the lab reported (29265-6), used as it is;
 *  - a total calcium (17861-6, 2000-8, 49765-1) corrected with an albumin (1751-7) drawn within
 *    7 days: Ca + 0.8 × (4.0 − albumin g/dL) ◐ (SI: + 0.02 × (40 − albumin g/L) ⚠️), only when
 *    the albumin is below 4.0 g/dL (second round: the correction corrects upward only); with
 *    albumin below 2.5 g/dL the finding calls the estimate unreliable and asks for ionised calcium;
 *  - a total calcium with no albumin close in time, uncorrected, and the finding says so.
 * Total and corrected calcium are judged against the lab's own range when the result carries one,
 * else below 8.5 mg/dL (2.12 mmol/L) ◐. Both thresholds are reference ranges (catalogue:
 * "Reference ranges"), so the lab's own range wins. The lab's L/H flag on a total calcium is not
 * used for a corrected value: it judged the uncorrected number.
 *
 * Pitfalls avoided: a low total calcium with a low albumin is not called hypocalcaemia once
 * corrected; a corrected total is not trusted over a measured ionised calcium; hyperparathyroidism
 * is never named as a cause of low calcium (KB section 8: it raises calcium; hypoparathyroidism
 * lowers it); calcium supplements are not suggested for cramps, only for a measured deficiency
 * under clinical guidance.
 */
import { SOURCES } from '../codes/sources.js';
import { defineRule } from '../engine/define-rule.js';
import { newerResultSummary, newerResultUnreadable, sourceUnreadable } from '../engine/primitives/lab-summary.js';
import { LOOKBACKS, threshold } from '../engine/parameters.js';
import { albuminLookback, CALCIUM_PARAMETERS, calciumThreshold } from '../engine/primitives/calcium.js';
import { describeDuration } from '../engine/time.js';
import type { RuleSummaryInput } from '../engine/types.js';

const PARAMETERS = {
  totalLowerLimit: threshold('Default lower limit for corrected (or, failing albumin, measured) total calcium, when the result carries no reference range', 8.5, 'mg/dL', 'KB B2 (S14)', '◐', { 'mmol/L': 2.12, 'mEq/L': 4.24 }),
  ionisedLowerLimit: threshold('Default lower limit for ionised calcium, when the result carries no reference range or interpretation', 1.12, 'mmol/L', 'KB B2 (S14)', '◐', { 'mg/dL': 4.5 }),
  lookback: LOOKBACKS.electrolytes,
  ...CALCIUM_PARAMETERS,
} as const;

const LOOKBACK = PARAMETERS.lookback.iso;

function detail(r: RuleSummaryInput): string {
  const base =
    'True hypocalcaemia raises neuromuscular excitability: cramps, tingling around the mouth, carpopedal spasm and, when severe, tetany (S14). NICE includes calcium in the targeted work-up of cramps (S7).';
  switch (r.facts.calciumBasis) {
    case 'uncorrected':
      return r.facts.albuminNotApplied
        ? `${base} Albumin was ${r.facts.albuminNotApplied}, not below 4.0 g/dL, so the total calcium is read as measured: the albumin correction is only applied upward (a high albumin does not make a normal calcium low).`
        : `${base} This total calcium could not be corrected for albumin (no albumin within ${describeDuration(PARAMETERS.albuminPairing.iso)}): a low albumin makes total calcium look low, so check albumin or measure ionised calcium before acting on it.`;
    case 'albumin-corrected':
      return r.facts.calciumUnreliable
        ? `${base} Corrected for albumin as Ca + 0.8 × (4.0 − albumin g/dL), but with albumin below 2.5 g/dL the estimate is unreliable: measure ionised calcium before acting on it.`
        : `${base} Corrected for albumin as Ca + 0.8 × (4.0 − albumin g/dL). The correction is an estimate: when albumin is very abnormal or acid–base status is disturbed, measure ionised calcium.`;
    case 'ionised':
      return `${base} Judged on measured ionised calcium, which is preferred to an albumin-corrected total.`;
    default:
      return base;
  }
}

export const rule = defineRule({
  id: 'lab-low-calcium',
  version: '1.0.0',
  title: 'Low calcium (hypocalcaemia), albumin-corrected or ionised',
  family: 'lab',
  redFlag: false,
  grade: 'B/C',
  evidenceStatement:
    'Low ionised calcium causes cramps, perioral tingling, carpopedal spasm and tetany (S14, secondary sources). NICE lists calcium among the targeted tests when a secondary cause of cramps is suspected (S7).',
  citations: [SOURCES.S14, SOURCES.S7],
  knowledgeBaseRows: ['B2', 'B10'],
  parameters: PARAMETERS,
  needs: [
    { kind: 'lab', analyte: 'calcium-ionised', lookback: LOOKBACK },
    { kind: 'lab', analyte: 'calcium-corrected', lookback: LOOKBACK },
    { kind: 'lab', analyte: 'calcium-total', lookback: LOOKBACK },
    { kind: 'lab', analyte: 'albumin', lookback: albuminLookback(LOOKBACK) },
  ],
  criteria: calciumThreshold({
    op: '<',
    limits: { total: PARAMETERS.totalLowerLimit, ionised: PARAMETERS.ionisedLowerLimit },
    lookback: LOOKBACK,
    useLabRange: true,
    what: 'latest calcium (ionised, or total corrected for albumin) below the lower limit within 3 months',
  }),
  summary: {
    flagged: (r) => (r.facts.calciumUnreliable ? `Low calcium, unreliable estimate: ${r.facts.calcium}` : `Low calcium: ${r.facts.calcium}`),
    notFlagged: (r) => `Calcium not low: ${r.facts.calcium}`,
    insufficient: (r) =>
      sourceUnreadable(r)
        ? 'Calcium could not be fully checked: some laboratory results could not be read'
        : newerResultUnreadable(r)
          ? newerResultSummary('calcium')
          : `No usable calcium result (total, corrected or ionised) in the last ${describeDuration(LOOKBACK)}`,
  },
  detail,
  nextStep:
    'Find the cause: check PTH, 25-OH vitamin D, magnesium, creatinine and phosphate, and refer to endocrinology. Same-day care for tetany, laryngospasm or seizure.',
  handoutSections: ['low-calcium'],
});
