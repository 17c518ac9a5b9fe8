/**
 * lab-thyroid-dysfunction — knowledge base row B6.
 *
 * The latest usable TSH within 12 months (3016-3, 11580-8, 11579-0), outside the lab's own range
 * in either direction, read from the result's reference range or its interpretation code (H/HH or
 * L/LL), and only without either from the default range 0.4–4.5 mIU/L ⚠️. These are reference
 * ranges, so the lab's own wins (catalogue, "Reference ranges"). The finding says which way:
 *  - TSH above the range suggests an under-active thyroid (primary hypothyroidism);
 *  - TSH below the range suggests an over-active thyroid (hyperthyroidism), or too much thyroid
 *    hormone replacement.
 * Free T4 (14920-3, 3024-7) within 12 months is shown beside it as supporting evidence; it never
 * decides the outcome (free T4 alone, without a TSH, is not enough to call the thyroid normal).
 *
 * Thyroid hormone users (rule catalogue, second round): with levothyroxine or liothyronine in
 * use, the TSH speaks about the dose: below the range "suggests over-replacement: review the
 * thyroid hormone dose", above it "suggests under-replacement", and the next step is primary care.
 * The drug is shown beside the TSH; a stale thyroid hormone order makes the finding ask whether
 * the patient still takes it (the meaning of the TSH depends on it).
 */
import { THYROID_HORMONES } from '../codes/medications/thyroid-hormones.js';
import { SOURCES } from '../codes/sources.js';
import { defineRule } from '../engine/define-rule.js';
import { withSupport } from '../engine/criterion.js';
import { LOOKBACKS, threshold } from '../engine/parameters.js';
import { insufficientLabSummary } from '../engine/primitives/lab-summary.js';
import { latestAsContext, unreadFact } from '../engine/primitives/lab-context.js';
import { labOutsideRange } from '../engine/primitives/lab-range.js';
import { activeMedicationIn } from '../engine/primitives/medication.js';
import { capitalised } from '../engine/primitives/source-words.js';
import { MEDICATION_NEEDS } from '../engine/shared-parameters.js';
import type { RuleSummaryInput } from '../engine/types.js';

const PARAMETERS = {
  lowerLimit: threshold('Default TSH lower limit when the result carries no reference range or interpretation', 0.4, 'mIU/L', 'KB B6 (typical lab range)', '⚠️'),
  upperLimit: threshold('Default TSH upper limit when the result carries no reference range or interpretation', 4.5, 'mIU/L', 'KB B6 (often about 4–4.5 mIU/L)', '⚠️'),
  lookback: LOOKBACKS.otherLabs,
} as const;

const LOOKBACK = PARAMETERS.lookback.iso;
const LIMITS = { low: PARAMETERS.lowerLimit, high: PARAMETERS.upperLimit } as const;

const MEANING = { high: 'suggests an under-active thyroid (hypothyroidism)', low: 'suggests an over-active thyroid (hyperthyroidism)' } as const;
const ON_HORMONE = { high: 'suggests under-replacement: review the thyroid hormone dose', low: 'suggests over-replacement: review the thyroid hormone dose' } as const;

/** The thyroid hormone in use (shown beside the TSH), if any. */
const hormone = (r: RuleSummaryInput) => (typeof r.facts.drug === 'string' ? r.facts.drug : undefined);

/** Why there is no free T4 beside the TSH: none in the lookback, or its results could not be read (never an absence then). */
function noFreeT4(r: RuleSummaryInput): string {
  const unread = r.facts[unreadFact('t4-free')];
  return typeof unread === 'string' ? `${capitalised(unread)}, so it could not be used to confirm it.` : 'No free T4 in the last 12 months to confirm it.';
}

function freeT4(r: RuleSummaryInput): string {
  return r.facts['t4-free'] ? `; free T4 ${String(r.facts['t4-free']).replace(/ on .*/, '')}` : '';
}

export const rule = defineRule({
  id: 'lab-thyroid-dysfunction',
  version: '1.0.0',
  title: 'Thyroid dysfunction (TSH outside the range)',
  family: 'lab',
  redFlag: false,
  grade: 'B/C',
  evidenceStatement:
    'NICE lists thyroid disease among secondary causes of cramps and thyroid function tests in the targeted work-up (S7); Mayo Clinic lists both under- and over-active thyroid (S28).',
  citations: [SOURCES.S7, SOURCES.S28],
  knowledgeBaseRows: ['B6'],
  parameters: PARAMETERS,
  needs: [
    ...MEDICATION_NEEDS,
    { kind: 'lab', analyte: 'tsh', lookback: LOOKBACK },
    { kind: 'lab', analyte: 't4-free', lookback: LOOKBACK },
  ],
  criteria: withSupport(
    withSupport(
      labOutsideRange({ analyte: 'tsh', limits: LIMITS, lookback: LOOKBACK, useLabRange: true, what: "latest TSH outside the lab's range (default 0.4–4.5 mIU/L) within 12 months" }),
      latestAsContext('t4-free', LOOKBACK),
    ),
    activeMedicationIn([THYROID_HORMONES], { what: 'a thyroid hormone (levothyroxine, liothyronine)' }),
  ),
  summary: {
    flagged: (r) => {
      const dir = r.facts.tshDirection === 'low' ? 'low' : 'high';
      if (hormone(r)) return `TSH ${dir} on ${hormone(r)}: ${r.facts.tsh}; ${ON_HORMONE[dir]}`;
      if (typeof r.facts.staleDrug === 'string') return `TSH ${dir}: ${r.facts.tsh}; ask whether still taking ${r.facts.staleDrug} (old order)`;
      return `TSH ${dir}: ${r.facts.tsh}; ${MEANING[dir]}${freeT4(r)}`;
    },
    notFlagged: (r) => `TSH within range: ${r.facts.tsh}`,
    insufficient: insufficientLabSummary('TSH', LOOKBACK),
  },
  detail: (r) =>
    [
      'An under- or over-active thyroid can cause cramps and muscle symptoms, and treating it often helps.',
      hormone(r) && r.facts.tshDirection === 'low' ? `On ${hormone(r)}, a TSH below the range suggests over-replacement: review the thyroid hormone dose (too much can also cause muscle symptoms).` : '',
      hormone(r) && r.facts.tshDirection === 'high' ? `On ${hormone(r)}, a TSH above the range suggests under-replacement (or missed doses, or absorption problems): review the dose.` : '',
      !hormone(r) && typeof r.facts.staleDrug === 'string' ? `An old order for ${r.facts.staleDrug} is still marked active with nothing since: if the patient still takes it, the TSH speaks about the dose, not about new thyroid disease.` : '',
      !hormone(r) && r.facts.tshDirection === 'high' ? 'A high TSH with a low free T4 confirms primary hypothyroidism; with muscle symptoms, check CK (unverified recommendation).' : '',
      !hormone(r) && r.facts.tshDirection === 'low' ? 'A low TSH with a high free T4 confirms hyperthyroidism; in someone on levothyroxine, a low TSH can mean over-replacement.' : '',
      (r.facts.tshDirection === 'high' || r.facts.tshDirection === 'low') && !r.facts['t4-free'] && !hormone(r) ? noFreeT4(r) : '',
    ]
      .filter(Boolean)
      .join(' '),
  nextStep: (r) =>
    hormone(r)
      ? 'Primary care: review the thyroid hormone dose.'
      : 'Primary care or endocrinology: confirm with free T4 and treat the thyroid disorder; if hypothyroid with muscle symptoms, check CK.',
  handoutSections: ['thyroid'],
});
