/**
 * redflag-quinine-toxicity — knowledge base rows E7 (red flag), B13 (low platelets in a quinine
 * user) and A22 (quinine is a safety flag, never a treatment).
 *
 * Fires when either:
 *  - quinine is in use (an active order, a recent dispense, a statement; tonic water recorded as a
 *    medication counts, and so does tonic water or over-the-counter quinine reported "yes" on the
 *    checklist) and the latest usable platelet count (777-3) within 12 months is below
 *    150 × 10⁹/L. The limit is a fixed red-flag number and ignores the lab's own range (rule
 *    catalogue, "Reference ranges"); or
 *  - the clinician reports unusual bruising or bleeding while taking quinine (point-of-care
 *    checklist). This fires even when no quinine is on record: patients buy quinine or tonic water
 *    themselves (knowledge base D8), and the clinician has just said they take it.
 *
 * Windows, a clinical judgement: a low count fires anywhere in the catalogue's 12-month lab
 * lookback (nobody should stay on quinine after thrombocytopenia), but a *normal* count only
 * reassures when it is at most 3 months old. Quinine-induced thrombocytopenia is immune-mediated
 * and sudden (median onset about 13 days, S4c), and MHRA asks for a review every 3 months (S6);
 * an older normal count makes the rule insufficient-data and asks for a current one.
 *
 * Pitfalls avoided:
 *  - With quinine in use, not-flagged needs both a recent normal count and the bleeding question
 *    answered "no": a normal count does not exclude bleeding since, so an unasked question is
 *    insufficient-data ("not asked: ..."), never a silent all-clear.
 *  - Without quinine on record (medications read in full), the bleeding question does not apply,
 *    so an unanswered checklist does not turn every patient into insufficient-data.
 *  - Quinidine and hydroxychloroquine are different drugs and do not match (QUININE class).
 *
 * Urgency: platelets below 50 × 10⁹/L or any reported bleeding → same-day (stop quinine, CBC and
 * creatinine today; emergency care if bleeding is active); a milder fall → urgent.
 */
import { CHECKLIST_ITEMS } from '../codes/checklist.js';
import { ANALYTES } from '../codes/labs.js';
import { QUININE } from '../codes/medications/quinine.js';
import { SOURCES } from '../codes/sources.js';
import { allOf, anyOf } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { LOOKBACKS, duration, threshold } from '../engine/parameters.js';
import { clinicianReports } from '../engine/primitives/checklist.js';
import { clinicianAnsweredYes } from '../engine/primitives/checklist-yes.js';
import { withFact } from '../engine/primitives/fact.js';
import { reassuringOnlyWithin } from '../engine/primitives/lab-reassurance.js';
import { limitIn, labThreshold } from '../engine/primitives/lab-threshold.js';
import { activeMedicationIn } from '../engine/primitives/medication.js';
import { MEDICATION_NEEDS, MEDICATION_PARAMETERS } from '../engine/shared-parameters.js';
import type { EvidenceItem, RuleSummaryInput, Urgency } from '../engine/types.js';

const PARAMETERS = {
  lowPlatelets: threshold('Platelet count below which a quinine user is flagged (fixed red-flag limit; the lab range is not used)', 150, '10*9/L', 'KB B13, E7 (S4)', '⚠️', { '/uL': 150_000 }),
  severePlatelets: threshold('Platelet count below which the flag is same-day rather than urgent', 50, '10*9/L', 'KB B13 ("< 50, or any bleeding → urgent")', '⚠️', { '/uL': 50_000 }),
  lookback: LOOKBACKS.otherLabs,
  reassureWithin: duration('A normal platelet count reassures only if it is this recent (immune thrombocytopenia appears within days; MHRA review interval)', 'P3M', 'S4c (median onset about 13 days); S6 (review every 3 months)'),
  ...MEDICATION_PARAMETERS,
} as const;

const quinineInUse = anyOf(
  'quinine in use (on record, or tonic water or over-the-counter quinine reported)',
  activeMedicationIn([QUININE], { what: 'quinine' }),
  withFact('drug', 'tonic water or over-the-counter quinine', clinicianAnsweredYes(CHECKLIST_ITEMS.tonicWater)),
);
const bleedingReported = clinicianReports(CHECKLIST_ITEMS.bleedingOnQuinine);
const plateletsLow = reassuringOnlyWithin(
  labThreshold({ analyte: 'platelets', op: '<', limit: PARAMETERS.lowPlatelets, lookback: PARAMETERS.lookback.iso, useLabRange: false }),
  { analyte: 'platelets', lookback: PARAMETERS.lookback.iso, reassureWithin: PARAMETERS.reassureWithin.iso },
);

const isPlateletTrigger = (e: EvidenceItem) => e.role === 'trigger' && e.resourceType === 'Observation' && ANALYTES.platelets.loinc.some((l) => l.code === e.code);
const bleedingTrigger = (r: RuleSummaryInput) => r.evidence.some((e) => e.role === 'trigger' && e.code === CHECKLIST_ITEMS.bleedingOnQuinine.id);

function severelyLow(e: EvidenceItem): boolean {
  if (typeof e.value !== 'number' || !e.unit) return false;
  const limit = limitIn('platelets', PARAMETERS.severePlatelets, e.unit);
  return limit !== undefined && e.value < limit;
}

function urgency(r: RuleSummaryInput): Urgency {
  return bleedingTrigger(r) || r.evidence.some((e) => isPlateletTrigger(e) && severelyLow(e)) ? 'same-day' : 'urgent';
}

/** "98 10*9/L on 2026-11-11" → "98 ×10⁹/L on 2026-11-11" for a clinician's eye. */
const readable = (s: unknown) => String(s).replace('10*9/L', '×10⁹/L');

function flaggedSummary(r: RuleSummaryInput): string {
  if (bleedingTrigger(r)) return 'Bruising or bleeding reported on quinine: stop quinine; CBC and creatinine today';
  return `On quinine with platelets ${readable(r.facts.platelets)}: stop quinine; urgent CBC and creatinine`;
}

function insufficientSummary(r: RuleSummaryInput): string {
  if (!r.facts.drug) return 'Quinine use could not be checked: medications not fully read';
  const asks = [];
  if (r.missing.some((m) => m.startsWith('not asked'))) asks.push('ask about bruising or bleeding');
  if (r.missing.some((m) => m.includes('platelets'))) asks.push('check a current platelet count');
  return `On quinine: toxicity not excluded; ${asks.join(' and ') || 'some inputs missing'}`;
}

export const rule = defineRule({
  id: 'redflag-quinine-toxicity',
  version: '1.0.0',
  title: 'Quinine toxicity (low platelets or bleeding on quinine)',
  family: 'redflag',
  redFlag: true,
  grade: 'A',
  evidenceStatement:
    'The FDA (2010 safety communication, boxed warning) says quinine must not be used for leg cramps: reports include thrombocytopenia, HUS/TTP, permanent kidney damage and deaths (S4); 38 serious US cases, 2 deaths, median onset about 13 days (S4c). Grade A: a regulator’s formal safety action. MHRA advises against routine use (S6).',
  citations: [SOURCES.S4, SOURCES.S6],
  knowledgeBaseRows: ['E7', 'B13', 'A22'],
  parameters: PARAMETERS,
  needs: [...MEDICATION_NEEDS, { kind: 'lab', analyte: 'platelets', lookback: PARAMETERS.lookback.iso }, { kind: 'checklist' }],
  criteria: anyOf(
    'quinine toxicity',
    allOf('quinine in use, with low platelets or reported bleeding', quinineInUse, anyOf('low platelets or reported bleeding', plateletsLow, bleedingReported)),
    clinicianAnsweredYes(CHECKLIST_ITEMS.bleedingOnQuinine),
  ),
  summary: {
    flagged: flaggedSummary,
    notFlagged: (r) => (r.facts.drug ? `On quinine: platelets ${readable(r.facts.platelets)}, no bleeding reported; still plan to stop it` : 'No quinine on record and no bleeding on quinine reported'),
    insufficient: insufficientSummary,
  },
  detail:
    'Quinine can cause sudden immune thrombocytopenia, haemolytic-uraemic syndrome / thrombotic thrombocytopenic purpura and kidney injury, even at cramp doses and on re-exposure from any source, including tonic water (S4). Warning signs: bruising, petechiae, nosebleeds, bleeding gums, blood in urine or stool, dark or reduced urine, fever; also tinnitus, visual disturbance and palpitations. A low count fires within 12 months; a normal count reassures only if at most 3 months old.',
  nextStep:
    'Stop quinine now. Urgent CBC (with blood film) and creatinine; the same day, or emergency care, if platelets are below 50 × 10⁹/L or there is any bleeding. Quinine is not a treatment for leg cramps.',
  handoutSections: ['quinine-warning', 'urgent-help'],
  urgency,
});
