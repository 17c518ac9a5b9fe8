/**
 * redflag-rhabdomyolysis — knowledge base row E5 (with B11).
 *
 * Fires when any of:
 *  - the latest usable CK within 12 months (2157-6) is above 5 × the upper limit of normal ⚠️
 *    (a clinical convention, not a verified threshold);
 *  - the CK is above the upper limit and the clinician answers yes to the checklist's weakness
 *    item ("muscle weakness, wasting or visible twitching"): KB B11, "any raise with weakness or
 *    dark urine → red flag" (rule catalogue, second round: "CK with weakness");
 *  - the clinician reports dark (cola-coloured) urine with muscle pain on the point-of-care
 *    checklist.
 * How the upper limit is fixed: a red flag does not follow the lab's range (catalogue, "Reference
 * ranges"), so the limit is 5 × the knowledge base's default upper limit for the patient's sex
 * (B11 ◐): women 5 × 135 = 675 U/L, men 5 × 170 = 850 U/L; sex not recorded as female or male →
 * the women's 675 U/L, the lower, so a dangerous rise is not missed.
 *
 * Not-flagged only when a CK was available and not above the limit AND the clinician answered
 * "no" to dark urine with muscle pain (and, for a CK above the upper limit, "no" to weakness);
 * otherwise insufficient-data, naming what is missing.
 * An active statin or aminocaproic acid (the suspect drugs, A7 and A16) is shown beside it.
 *
 * The 12-month window is the catalogue's for every non-electrolyte lab; rhabdomyolysis is acute,
 * so the summary carries the date for the clinician to weigh.
 */
import { CHECKLIST_ITEMS } from '../codes/checklist.js';
import { ANALYTES } from '../codes/labs.js';
import { AMINOCAPROIC_ACID, STATINS } from '../codes/medications/index.js';
import { SOURCES } from '../codes/sources.js';
import { allOf, anyOf, withSupport } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { count, LOOKBACKS, threshold } from '../engine/parameters.js';
import { clinicianReports } from '../engine/primitives/checklist.js';
import { withFact } from '../engine/primitives/fact.js';
import { labUnreadable } from '../engine/primitives/lab-summary.js';
import { activeMedicationIn } from '../engine/primitives/medication.js';
import { labThresholdBySex } from '../engine/primitives/sex-specific-limit.js';
import type { RuleSummaryInput } from '../engine/types.js';

const MULTIPLE = count('Multiple of the upper limit of normal that makes a raised CK a red flag', 5, 'KB E5, B11 (clinical convention)', '× ULN', '⚠️');
const DEFAULT_ULN = { female: 135, male: 170 } as const; // U/L, KB B11 ◐

const PARAMETERS = {
  multiple: MULTIPLE,
  limitFemale: threshold(`CK above ${MULTIPLE.value} × ${DEFAULT_ULN.female} U/L (women, and sex not recorded); fixed, not the lab range`, MULTIPLE.value * DEFAULT_ULN.female, 'U/L', 'KB E5 (5 × ULN ⚠️), B11 (F ULN 135 U/L ◐)', '⚠️'),
  limitMale: threshold(`CK above ${MULTIPLE.value} × ${DEFAULT_ULN.male} U/L (men); fixed, not the lab range`, MULTIPLE.value * DEFAULT_ULN.male, 'U/L', 'KB E5 (5 × ULN ⚠️), B11 (M ULN 170 U/L ◐)', '⚠️'),
  ulnFemale: threshold('CK upper limit of normal (women, and sex not recorded), for CK with weakness; fixed, not the lab range', DEFAULT_ULN.female, 'U/L', 'KB B11 (F ULN 135 U/L ◐); rule catalogue, second round', '◐'),
  ulnMale: threshold('CK upper limit of normal (men), for CK with weakness; fixed, not the lab range', DEFAULT_ULN.male, 'U/L', 'KB B11 (M ULN 170 U/L ◐); rule catalogue, second round', '◐'),
  lookback: LOOKBACKS.otherLabs,
} as const;

const LOOKBACK = PARAMETERS.lookback.iso;

function darkUrineReported(r: RuleSummaryInput): boolean {
  return r.evidence.some((e) => e.code === CHECKLIST_ITEMS.darkUrine.id && e.role === 'trigger');
}

function weaknessReported(r: RuleSummaryInput): boolean {
  return r.evidence.some((e) => e.code === CHECKLIST_ITEMS.weaknessWasting.id && e.role === 'trigger');
}

/** Which CK limit the finding fired on: 5 × the upper limit, or the upper limit with weakness. */
function ckWords(r: RuleSummaryInput): string {
  if (!r.facts.ck) return '';
  return r.facts.ckAboveFiveTimes !== undefined ? `CK ${r.facts.ck}, above 5 × upper limit` : `CK ${r.facts.ck}, above the upper limit, with weakness reported`;
}

export const rule = defineRule({
  id: 'redflag-rhabdomyolysis',
  version: '1.0.0',
  title: 'Possible rhabdomyolysis or drug myopathy',
  family: 'redflag',
  redFlag: true,
  grade: 'B/C',
  evidenceStatement:
    'CK is part of the targeted work-up when cramps come with muscle pain or weakness (NICE, S7; BMJ Best Practice, S23). A CK above 5 times the upper limit, any raised CK with weakness (KB B11), or dark urine with muscle pain, suggests muscle breakdown or myopathy; the 5 × threshold is a convention (⚠️).',
  citations: [SOURCES.S7, SOURCES.S23],
  knowledgeBaseRows: ['E5', 'B11'],
  parameters: PARAMETERS,
  needs: [{ kind: 'lab', analyte: 'ck', lookback: LOOKBACK }, { kind: 'checklist' }, { kind: 'patient' }, { kind: 'medications' }],
  criteria: withSupport(
    anyOf(
      'CK above 5 × the upper limit, CK above the upper limit with weakness, or dark urine with muscle pain',
      withFact(
        'ckAboveFiveTimes',
        'CK above 5 × the upper limit',
        labThresholdBySex({
          analyte: 'ck',
          op: '>',
          limits: { female: PARAMETERS.limitFemale, male: PARAMETERS.limitMale, otherwise: 'female' },
          lookback: LOOKBACK,
          useLabRange: false,
          what: 'latest CK above 5 × the default upper limit for sex (F 675, M 850 U/L) within 12 months',
        }),
      ),
      allOf(
        'CK above the upper limit with weakness reported',
        labThresholdBySex({
          analyte: 'ck',
          op: '>',
          limits: { female: PARAMETERS.ulnFemale, male: PARAMETERS.ulnMale, otherwise: 'female' },
          lookback: LOOKBACK,
          useLabRange: false,
          what: 'latest CK above the default upper limit for sex (F 135, M 170 U/L) within 12 months',
        }),
        clinicianReports(CHECKLIST_ITEMS.weaknessWasting),
      ),
      clinicianReports(CHECKLIST_ITEMS.darkUrine),
    ),
    activeMedicationIn([STATINS, AMINOCAPROIC_ACID], { what: 'a statin or aminocaproic acid' }),
  ),
  summary: {
    flagged: (r) =>
      [r.facts.ckAboveFiveTimes !== undefined || weaknessReported(r) ? ckWords(r) : '', darkUrineReported(r) ? 'dark urine with muscle pain reported' : '']
        .filter(Boolean)
        .join('; ') + (r.facts.drug ? ` (on ${r.facts.drug})` : ''),
    notFlagged: (r) => `No sign of rhabdomyolysis: CK ${r.facts.ck}, and no dark urine with muscle pain`,
    insufficient: (r) =>
      r.facts.ck
        ? `CK ${r.facts.ck} not above 5 × upper limit; ask about ${r.missing.some((m) => m.includes('weakness')) ? 'weakness and ' : ''}dark urine with muscle pain`
        : labUnreadable(r, ANALYTES.ck.name)
          ? 'Rhabdomyolysis not excluded: the CK results could not be read'
          : 'Rhabdomyolysis not excluded: no usable CK in the last 12 months',
  },
  detail:
    'Muscle breakdown releases CK and myoglobin (dark, cola-coloured urine) and can injure the kidneys. Suspect drugs: statins and aminocaproic acid; severe hypokalaemia can also cause it.',
  nextStep: 'Urgent medical review: repeat CK, creatinine and potassium, check the urine. The prescriber stops or reviews a suspect drug (statin, aminocaproic acid).',
  handoutSections: ['urgent-help', 'muscle-enzyme'],
  urgency: 'urgent',
});
