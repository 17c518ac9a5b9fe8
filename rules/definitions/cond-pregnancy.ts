/**
 * cond-pregnancy — knowledge base row C1 and section 10.4.
 *
 * What decides it (the `pregnant()` primitive, rules/engine/primitives/pregnancy.ts), any of:
 * - an active pregnancy Condition: ICD-10-CM Z33.1, Z34.*, Z3A.*, O09.*, O26.* and the rest of
 *   O00–O9A, or SNOMED 77386006 "Pregnant" and listed descendants such as 72892002 "Normal
 *   pregnancy" (code list rules/codes/conditions/pregnancy.ts);
 * - the latest pregnancy-status Observation (LOINC 82810-3) within 10 months answering
 *   LA15173-0 "Pregnant" or SNOMED 77386006: the latest answer wins, so a later "not pregnant"
 *   (LA26683-5) replaces an earlier "pregnant";
 * - an estimated delivery date (11778-8, 11779-6, 11780-4) in the future, at most 40 weeks ahead.
 * Plausibility filter: Patient.gender female or unknown, age 12–55; outside it the pregnancy data
 * are shown as checked and the rule is not-flagged.
 * Gestational age = 280 days − (EDD − as-of date), or from a gestational-age Observation carried
 * forward; 28 weeks or more is the third trimester, when cramps are commonest (S23).
 *
 * Pitfalls avoided: a miscarriage or other abortive outcome (O03–O08) and delivery or the
 * puerperium (O80–O92) are not "pregnant"; a past EDD is not a pregnancy; a positive hCG is a lab
 * result, not this rule. Quinine (and tonic water) is excluded in pregnancy, and no supplement is
 * suggested unless the obstetric team agrees (KB 10.4, section 8).
 */
import { SOURCES } from '../codes/sources.js';
import { defineRule } from '../engine/define-rule.js';
import { count, duration } from '../engine/parameters.js';
import { PREGNANCY_PARAMETERS, pregnant } from '../engine/primitives/pregnancy.js';
import type { RuleSummaryInput } from '../engine/types.js';

// The primitive owns these numbers; they are shown here from the same constants it reads.
const PARAMETERS = {
  statusLookback: duration('A pregnancy-status Observation (82810-3) counts when it is the latest one and dated within', PREGNANCY_PARAMETERS.statusLookback, 'KB 10.4'),
  eddHorizon: duration('An estimated delivery date counts when it lies in the future, at most this far ahead', PREGNANCY_PARAMETERS.eddHorizon, 'KB 10.4'),
  minAge: count('Plausibility filter: youngest age counted as pregnant', PREGNANCY_PARAMETERS.minAge, 'KB 10.4', 'a'),
  maxAge: count('Plausibility filter: oldest age counted as pregnant', PREGNANCY_PARAMETERS.maxAge, 'KB 10.4', 'a'),
  thirdTrimester: count('Third trimester from this gestational age', PREGNANCY_PARAMETERS.thirdTrimesterWeeks, 'KB 10.4 (S23)', 'wk'),
} as const;

function stage(r: RuleSummaryInput): string {
  const weeks = r.facts.gestationalWeeks;
  if (typeof weeks !== 'number') return '';
  return r.facts.thirdTrimester ? ` (${weeks} weeks, third trimester)` : ` (${weeks} weeks)`;
}

export const rule = defineRule({
  id: 'cond-pregnancy',
  version: '1.0.0',
  title: 'Pregnancy',
  family: 'cond',
  redFlag: false,
  grade: 'A',
  evidenceStatement:
    'Leg cramps affect roughly a third to a half of pregnant women (S19), are commonest in the last trimester and settle after delivery (S23). Treatment evidence is weak: eight small trials, low or very low certainty, inconsistent for magnesium (Cochrane 2020, S9); the German guideline calls magnesium possibly effective (S34). Quinine is excluded because of teratogenicity (S9).',
  citations: [SOURCES.S19, SOURCES.S23, SOURCES.S9, SOURCES.S34],
  knowledgeBaseRows: ['C1'],
  parameters: PARAMETERS,
  needs: [
    { kind: 'patient' },
    { kind: 'conditions' },
    { kind: 'coded-observation', observation: 'pregnancy-status', lookback: PREGNANCY_PARAMETERS.statusLookback },
    { kind: 'coded-observation', observation: 'edd', lookback: PREGNANCY_PARAMETERS.eddHorizon },
    { kind: 'coded-observation', observation: 'gestational-age', lookback: PREGNANCY_PARAMETERS.statusLookback },
  ],
  criteria: pregnant(),
  summary: {
    flagged: (r) => `Pregnant${stage(r)}: leg cramps are very common, most of all late in pregnancy; no quinine`,
    notFlagged: 'No current pregnancy on record',
    insufficient: 'Pregnancy could not be checked: some pregnancy data could not be read',
  },
  detail: (r) =>
    `Cramps are a common, usually benign feature of pregnancy${stage(r)}, peaking in the third trimester and stopping after the birth. ` +
    'Stretching and gentle exercise are low-risk. Trials of magnesium and other supplements are small and inconsistent, so none is suggested unless the obstetric team agrees. ' +
    'Quinine and tonic water must not be used. Pregnancy raises the risk of deep-vein thrombosis: a persistent, one-sided, swollen or warm calf is not a cramp until DVT is excluded.',
  nextStep:
    'Obstetrician or midwife. Keep deep-vein thrombosis in mind (one-sided calf swelling, warmth or persistent pain needs same-day assessment). No quinine or tonic water; supplements only if the obstetric team agrees.',
  handoutSections: ['pregnancy'],
});
