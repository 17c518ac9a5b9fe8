/**
 * lab-hyperglycemia — knowledge base row B5 (diabetes range).
 *
 * Fires when the latest usable result within 12 months of any of these is in the ADA diabetes
 * range (S15):
 *  - HbA1c (4548-4, 17856-6) at or above 6.5 % (48 mmol/mol, IFCC conversion ⚠️);
 *  - fasting glucose (1558-6, 14771-0) at or above 126 mg/dL (7.0 mmol/L);
 *  - random glucose (2345-7, 14749-6, 15074-8, 2339-0) at or above 200 mg/dL (11.1 mmol/L). The ADA
 *    accepts a random value only with classic symptoms, so the finding says it needs confirming.
 * These are diagnostic cut-offs, not reference ranges, so they are fixed: a lab's HbA1c range
 * (often 4.0–5.6 %) would otherwise flag prediabetes. Prediabetes (HbA1c 5.7–6.4 %, fasting
 * 100–125 mg/dL) is not flagged; the not-flagged summary names it.
 *
 * Any one of the three measures glycaemia, so the rule is not-flagged when at least one was
 * usable and none is in the diabetes range (and every glucose source was read in full);
 * insufficient-data when none was usable or a source failed.
 *
 * Pitfall avoided: this is a laboratory finding, not a diagnosis. An HbA1c of 8.1 % flags this
 * rule, not cond-diabetes, which reads coded Conditions only (catalogue, Decisions).
 */
import { ANALYTES } from '../codes/labs.js';
import { SOURCES } from '../codes/sources.js';
import { defineRule } from '../engine/define-rule.js';
import { newerResultSummary, newerResultUnreadable, sourceUnreadable } from '../engine/primitives/lab-summary.js';
import { LOOKBACKS, threshold } from '../engine/parameters.js';
import { diabetesRange } from '../engine/primitives/glycaemia.js';
import { describeDuration } from '../engine/time.js';
import type { RuleSummaryInput } from '../engine/types.js';

const PARAMETERS = {
  hba1c: threshold('Diabetes range: HbA1c at or above', 6.5, '%', 'KB B5 (S15, ADA); IFCC equivalent ⚠️', '✅', { 'mmol/mol': 48 }),
  fastingGlucose: threshold('Diabetes range: fasting glucose at or above', 126, 'mg/dL', 'KB B5 (S15, ADA)', '✅', { 'mmol/L': 7.0 }),
  randomGlucose: threshold('Diabetes range: random glucose at or above (ADA: with classic symptoms)', 200, 'mg/dL', 'KB B5 (S15, ADA)', '✅', { 'mmol/L': 11.1 }),
  prediabetesHba1c: threshold('Prediabetes (named, not flagged): HbA1c at or above', 5.7, '%', 'KB B5 (S15, ADA)', '✅', { 'mmol/mol': 39 }),
  prediabetesFasting: threshold('Prediabetes (named, not flagged): fasting glucose at or above', 100, 'mg/dL', 'KB B5 (S15, ADA)', '✅', { 'mmol/L': 5.6 }),
  lookback: LOOKBACKS.otherLabs,
} as const;

const LOOKBACK = PARAMETERS.lookback.iso;
const MEASURES = ['hba1c', 'glucose-fasting', 'glucose'] as const;

/** "HbA1c 8.1 % on 2026-10-02; fasting glucose 7.4 mmol/L on 2026-09-30" for the measures named in `list`. */
function values(r: RuleSummaryInput, list: unknown): string {
  const names = String(list ?? '').split(', ');
  return MEASURES.filter((a) => names.includes(ANALYTES[a].name) && r.facts[a])
    .map((a) => `${a === 'glucose' ? 'random glucose' : ANALYTES[a].name} ${r.facts[a]}`)
    .join('; ');
}

export const rule = defineRule({
  id: 'lab-hyperglycemia',
  version: '1.0.0',
  title: 'Diabetes-range HbA1c or glucose',
  family: 'lab',
  redFlag: false,
  grade: 'B',
  evidenceStatement:
    'HbA1c was associated with nocturnal leg cramps in the NHANES survey (S20), and diabetes appears in clinical lists of cramp causes (S28), mainly through neuropathy. Thresholds are the ADA diagnostic criteria (S15).',
  citations: [SOURCES.S15, SOURCES.S20, SOURCES.S28],
  knowledgeBaseRows: ['B5'],
  parameters: PARAMETERS,
  needs: MEASURES.map((analyte) => ({ kind: 'lab', analyte, lookback: LOOKBACK }) as const),
  criteria: diabetesRange({
    hba1c: PARAMETERS.hba1c,
    fasting: PARAMETERS.fastingGlucose,
    random: PARAMETERS.randomGlucose,
    prediabetes: { hba1c: PARAMETERS.prediabetesHba1c, fasting: PARAMETERS.prediabetesFasting },
    lookback: LOOKBACK,
  }),
  summary: {
    flagged: (r) => {
      const onlyRandom = r.facts.inRange === ANALYTES.glucose.name;
      return `Diabetes range: ${values(r, r.facts.inRange)}${onlyRandom ? ' (random: confirm, or symptoms needed)' : ''}`;
    },
    notFlagged: (r) =>
      r.facts.prediabetes ? `Not in the diabetes range; prediabetes range: ${r.facts.prediabetes}` : `Not in the diabetes range: ${values(r, r.facts.checked)}`,
    insufficient: (r) =>
      sourceUnreadable(r)
        ? 'HbA1c and glucose could not be fully checked: some laboratory results could not be read'
        : newerResultUnreadable(r)
          ? newerResultSummary('HbA1c or glucose')
          : `No usable HbA1c or glucose result in the last ${describeDuration(LOOKBACK)}`,
  },
  detail: (r) =>
    [
      'High blood sugar over time damages nerves, and HbA1c was linked with night cramps in NHANES (S20). This is a laboratory finding: unless symptoms are clear, the ADA asks for a second abnormal test before diabetes is diagnosed.',
      r.facts.inRange === ANALYTES.glucose.name ? 'A random glucose counts toward diabetes only with classic symptoms (thirst, polyuria, weight loss); check HbA1c or a fasting glucose.' : '',
      r.facts.prediabetes ? 'Prediabetes is not flagged as a cause of cramps.' : '',
    ]
      .filter(Boolean)
      .join(' '),
  nextStep: 'Primary care or endocrinology: confirm and manage glycaemia; examine the feet and look for neuropathy.',
  handoutSections: ['blood-sugar'],
});
