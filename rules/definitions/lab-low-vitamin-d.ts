/**
 * lab-low-vitamin-d — knowledge base row B8.
 *
 * The latest usable 25-OH vitamin D within 12 months (62292-8 D2+D3, 1989-3 D3 mass, 14635-7 D3
 * molar; ng/mL × 2.496 = nmol/L), below the lab's own lower limit when the result carries one
 * (or the lab flagged it L), otherwise below 20 ng/mL (50 nmol/L), the IOM deficiency threshold ◐
 * (S16). Below 12 ng/mL (30 nmol/L) is named severe. The severity bands are fixed; whether the
 * rule fires follows the catalogue's reference-range decision.
 *
 * How a lab range of 30–100 ng/mL is treated: many US labs print the Endocrine Society's
 * "sufficiency" range, 30–100. The catalogue says a threshold rule follows the lab's own range, so
 * 25 ng/mL with that range is flagged — but the finding names it honestly: below the lab's range,
 * "insufficient" (20–29 ng/mL), not deficient by the IOM threshold. Equally, a lab range whose
 * lower limit is below 20 keeps a value between the two from being flagged.
 *
 * Pitfall avoided: vitamin D is relevant to cramps through low calcium and secondary
 * hyperparathyroidism; direct evidence is weak, so the finding does not promise that treatment
 * will stop cramps, and it does not suggest megadoses.
 */
import { SOURCES } from '../codes/sources.js';
import { defineRule } from '../engine/define-rule.js';
import { LOOKBACKS, threshold } from '../engine/parameters.js';
import { bandOf, withLatestFacts } from '../engine/primitives/lab-category.js';
import { insufficientLabSummary } from '../engine/primitives/lab-summary.js';
import { labThreshold } from '../engine/primitives/lab-threshold.js';

const PARAMETERS = {
  deficientBelow: threshold('Deficient below (IOM); the default lower limit when the result carries no reference range or interpretation', 20, 'ng/mL', 'KB B8 (S16, IOM 2011)', '◐', { 'nmol/L': 50 }),
  severeBelow: threshold('Severe deficiency below (names the severity only)', 12, 'ng/mL', 'KB B8 (S16)', '◐', { 'nmol/L': 30 }),
  lookback: LOOKBACKS.otherLabs,
} as const;

const LOOKBACK = PARAMETERS.lookback.iso;

const FLAGGED = {
  severe: 'Severe vitamin D deficiency',
  deficient: 'Vitamin D deficiency',
  insufficient: "Vitamin D below the lab's range (insufficient, not deficient)",
} as const;

export const rule = defineRule({
  id: 'lab-low-vitamin-d',
  version: '1.0.0',
  title: 'Low 25-OH vitamin D',
  family: 'lab',
  redFlag: false,
  grade: 'C',
  evidenceStatement:
    'Direct evidence linking vitamin D to cramps is weak; it matters through low calcium and secondary hyperparathyroidism. Vitamin D was among the small-study treatments for cramps in cirrhosis (S10). Thresholds: IOM and Endocrine Society via secondary sources (S16).',
  citations: [SOURCES.S16, SOURCES.S10],
  knowledgeBaseRows: ['B8'],
  parameters: PARAMETERS,
  needs: [{ kind: 'lab', analyte: 'vitamin-d', lookback: LOOKBACK }],
  criteria: withLatestFacts(
    labThreshold({ analyte: 'vitamin-d', op: '<', limit: PARAMETERS.deficientBelow, lookback: LOOKBACK, useLabRange: true }),
    'vitamin-d',
    LOOKBACK,
    (r) => ({ severity: bandOf(r, [{ name: 'severe', below: PARAMETERS.severeBelow }, { name: 'deficient', below: PARAMETERS.deficientBelow }], 'insufficient') }),
  ),
  summary: {
    flagged: (r) => `${FLAGGED[r.facts.severity as keyof typeof FLAGGED] ?? FLAGGED.deficient}: ${r.facts['vitamin-d']}`,
    notFlagged: (r) => `Vitamin D not low: ${r.facts['vitamin-d']}`,
    insufficient: insufficientLabSummary('25-OH vitamin D', LOOKBACK),
  },
  detail: (r) =>
    [
      !r.evidence.some((e) => e.role === 'trigger')
        ? 'Deficiency is below 20 ng/mL (50 nmol/L), severe below 12 ng/mL (30 nmol/L); a lab range takes precedence.'
        : r.facts.severity === 'insufficient'
        ? "Below the lab's own range but not below 20 ng/mL (50 nmol/L): insufficient by the Endocrine Society's definition, not deficient by the IOM's."
        : 'Deficient: below 20 ng/mL (50 nmol/L); below 12 ng/mL (30 nmol/L) is severe.',
      'Low vitamin D can lower calcium and raise PTH; its direct link to cramps is weak. Treatment helps bone health but may not stop cramps.',
    ].join(' '),
  nextStep: 'Primary care: replace according to local guidance (no megadoses); check calcium and PTH if deficient.',
  handoutSections: ['vitamin-d'],
});
