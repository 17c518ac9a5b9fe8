/**
 * lab-raised-ck — knowledge base row B11.
 *
 * The latest usable creatine kinase within 12 months (2157-6; U/L, or µkat/L × 60), above the
 * lab's own upper limit when the result carries a range or an H/HH interpretation, otherwise above
 * the default upper limit for the patient's sex: women 135 U/L, men 170 U/L ◐ (KB B11, typical
 * ranges F 30–135, M 55–170). These are reference ranges, so the lab's own wins.
 *
 * Sex not recorded as female or male (other, unknown, no Patient): the women's limit, 135 U/L.
 * It is the lower of the two, so a raised CK is not missed; a false alarm costs a repeat test,
 * while a missed drug myopathy costs muscle.
 *
 * An active statin or aminocaproic acid is shown beside a raised CK as supporting evidence (the
 * drugs the KB names for CK review, A7 and A16); it does not change the outcome. Above 5 × the
 * upper limit, or with dark urine, redflag-rhabdomyolysis fires as well.
 */
import { AMINOCAPROIC_ACID, STATINS } from '../codes/medications/index.js';
import { SOURCES } from '../codes/sources.js';
import { withSupport } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { LOOKBACKS, threshold } from '../engine/parameters.js';
import { activeMedicationIn } from '../engine/primitives/medication.js';
import { insufficientLabSummary } from '../engine/primitives/lab-summary.js';
import { labThresholdBySex } from '../engine/primitives/sex-specific-limit.js';

const PARAMETERS = {
  upperLimitFemale: threshold('Default CK upper limit for women (and when sex is not recorded), when the result carries no range or interpretation', 135, 'U/L', 'KB B11 (typical F 30–135 U/L)', '◐'),
  upperLimitMale: threshold('Default CK upper limit for men, when the result carries no range or interpretation', 170, 'U/L', 'KB B11 (typical M 55–170 U/L)', '◐'),
  lookback: LOOKBACKS.otherLabs,
} as const;

const LOOKBACK = PARAMETERS.lookback.iso;

export const rule = defineRule({
  id: 'lab-raised-ck',
  version: '1.0.0',
  title: 'Raised creatine kinase (muscle damage)',
  family: 'lab',
  redFlag: false,
  grade: 'B/C',
  evidenceStatement:
    'CK belongs in the targeted work-up of cramps when a myopathy or drug-induced muscle damage is suspected (BMJ Best Practice, S23; NICE, S7).',
  citations: [SOURCES.S23, SOURCES.S7],
  knowledgeBaseRows: ['B11'],
  parameters: PARAMETERS,
  needs: [{ kind: 'lab', analyte: 'ck', lookback: LOOKBACK }, { kind: 'patient' }, { kind: 'medications' }],
  criteria: withSupport(
    labThresholdBySex({
      analyte: 'ck',
      op: '>',
      limits: { female: PARAMETERS.upperLimitFemale, male: PARAMETERS.upperLimitMale, otherwise: 'female' },
      lookback: LOOKBACK,
      useLabRange: true,
      what: "latest CK above the lab's upper limit (default by sex: F 135, M 170 U/L) within 12 months",
    }),
    activeMedicationIn([STATINS, AMINOCAPROIC_ACID], { what: 'a statin or aminocaproic acid' }),
  ),
  summary: {
    flagged: (r) => `CK raised: ${r.facts.ck}${r.facts.drug ? ` (on ${r.facts.drug})` : ''}`,
    notFlagged: (r) => `CK not raised: ${r.facts.ck}`,
    insufficient: insufficientLabSummary('CK', LOOKBACK),
  },
  detail:
    'A raised CK means muscle damage: a drug myopathy (statins, aminocaproic acid), an under-active thyroid, recent hard exercise or injury, or a primary muscle disease. Above 5 times the upper limit, or with weakness or dark urine, treat it as possible rhabdomyolysis.',
  nextStep: 'Prescriber review of a statin or aminocaproic acid; check TSH; repeat CK after rest. Neurology or a neuromuscular clinic if it stays raised.',
  handoutSections: ['muscle-enzyme'],
});
