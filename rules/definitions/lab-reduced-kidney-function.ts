/**
 * lab-reduced-kidney-function — knowledge base row B9.
 *
 * Fires when the most recent usable eGFR within 12 months (98979-8 CKD-EPI 2021, 62238-1 CKD-EPI,
 * 33914-3 MDRD, and the legacy race-specific MDRD codes) is below 60 mL/min/1.73 m² (KDIGO 2012,
 * S33). The 60 is a KDIGO category boundary, not a reference range, so it is fixed: a lab range
 * such as "> 90" or an interpretation code does not move it. An eGFR sent in mL/min (Synthea sends
 * some 33914-3 results that way) is unusable: mL/min is a clearance, not an eGFR (rule catalogue,
 * second round), so the rule reads the latest result per 1.73 m² or says none is usable.
 *
 * The summary names the KDIGO stage: G3a 45–59, G3b 30–44, G4 15–29, G5 below 15. When an earlier
 * value at least 90 days before the latest was also below 60, with none at or above 60 in
 * between, the detail says the pattern is consistent with chronic kidney disease (KDIGO: GFR below
 * 60 for more than 3 months; rule catalogue, Decisions: kidney). One low value alone may be an
 * acute change.
 *
 * Pitfall avoided: this is a laboratory finding. A low eGFR flags this rule, not
 * cond-chronic-kidney-disease, which reads coded Conditions only (catalogue, Decisions).
 * Potassium, magnesium and salt supplements are not suggested: they are risky in kidney disease.
 */
import { SOURCES } from '../codes/sources.js';
import { withSupport } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { duration, LOOKBACKS, threshold } from '../engine/parameters.js';
import { withKdigoStage } from '../engine/primitives/kidney.js';
import { latestAsContext } from '../engine/primitives/lab-context.js';
import { insufficientLabSummary } from '../engine/primitives/lab-summary.js';
import { labThreshold } from '../engine/primitives/lab-threshold.js';

const PARAMETERS = {
  limit: threshold('Reduced kidney function: eGFR below (fixed KDIGO boundary, not the lab range)', 60, 'mL/min/1.73m2', 'KB B9 (S33, KDIGO 2012)', '✅'),
  g3bBelow: threshold('KDIGO G3b or worse below', 45, 'mL/min/1.73m2', 'KB B9 (S33)', '✅'),
  g4Below: threshold('KDIGO G4 or worse below', 30, 'mL/min/1.73m2', 'KB B9 (S33)', '✅'),
  g5Below: threshold('KDIGO G5 below', 15, 'mL/min/1.73m2', 'KB B9 (S33)', '✅'),
  chronicity: duration('Two values below 60 at least this far apart are consistent with chronic kidney disease', 'P90D', 'rule catalogue, Decisions: kidney (KDIGO: more than 3 months, S33)'),
  lookback: LOOKBACKS.otherLabs,
} as const;

const LOOKBACK = PARAMETERS.lookback.iso;

export const rule = defineRule({
  id: 'lab-reduced-kidney-function',
  version: '1.0.0',
  title: 'Reduced kidney function (eGFR below 60)',
  family: 'lab',
  redFlag: false,
  grade: 'B',
  evidenceStatement:
    'Chronic kidney disease is a recognised cause of cramps (Mayo Clinic, S28), and cramps are very common on dialysis (KB C3). eGFR categories follow KDIGO 2012 (S33).',
  citations: [SOURCES.S33, SOURCES.S28],
  knowledgeBaseRows: ['B9'],
  parameters: PARAMETERS,
  needs: [
    { kind: 'lab', analyte: 'egfr', lookback: LOOKBACK },
    { kind: 'lab', analyte: 'creatinine', lookback: LOOKBACK },
  ],
  criteria: withSupport(
    withKdigoStage(labThreshold({ analyte: 'egfr', op: '<', limit: PARAMETERS.limit, lookback: LOOKBACK, useLabRange: false }), {
      limit: PARAMETERS.limit,
      stages: { g3b: PARAMETERS.g3bBelow, g4: PARAMETERS.g4Below, g5: PARAMETERS.g5Below },
      chronicity: PARAMETERS.chronicity,
      lookback: LOOKBACK,
    }),
    latestAsContext('creatinine', LOOKBACK),
  ),
  summary: {
    flagged: (r) => `eGFR ${r.facts.egfr}: KDIGO ${r.facts.stage}${r.facts.sustained ? ', below 60 for 90+ days (consistent with CKD)' : ''}`,
    notFlagged: (r) => `eGFR not below 60: ${r.facts.egfr}`,
    insufficient: insufficientLabSummary('eGFR', LOOKBACK),
  },
  detail: (r) =>
    r.facts.sustained
      ? `Also below 60 on ${r.facts.earlierDate} (${r.facts.earlierValue}), at least 90 days earlier, with no normal value between: consistent with chronic kidney disease (KDIGO). Kidney disease can cause cramps; ask before potassium, magnesium or salt supplements.`
      : r.facts.stage
        ? 'A single value below 60 may reflect an acute change: repeat it; below 60 for more than 3 months is chronic kidney disease (KDIGO). Kidney disease can cause cramps; ask before potassium, magnesium or salt supplements.'
        : 'Kidney disease (eGFR below 60, KDIGO) can cause cramps.',
  nextStep: 'Nephrology if G4–G5 (eGFR below 30) or on dialysis; otherwise primary care: repeat eGFR, review renally cleared drugs and electrolytes. No potassium, magnesium or salt supplements without advice.',
  handoutSections: ['kidney'],
});
