/**
 * cond-chronic-kidney-disease — knowledge base row C4 (with B9 for the handout).
 *
 * What decides it: an active Condition coded as chronic kidney disease (ICD-10-CM N18.1–N18.5,
 * N18.9; SNOMED 709044004 and the stage codes; text naming chronic kidney disease) AND no active
 * dialysis or end-stage kidney disease Condition (cond-dialysis's list). Code lists:
 * CHRONIC_KIDNEY_DISEASE and DIALYSIS in rules/codes/conditions/kidney.ts.
 *
 * Pitfalls avoided: this rule is CKD *not* on dialysis (rule catalogue, Decisions: kidney). N18.6,
 * Z99.2 and dialysis codes belong to cond-dialysis only, and when cond-dialysis fires this rule is
 * not-flagged, so a dialysis patient is never described twice. An eGFR below 60 is
 * lab-reduced-kidney-function, never this rule (coded Conditions only). Potassium, magnesium and
 * salt supplements risk harm in CKD (KB section 8): none is suggested.
 */
import { CHRONIC_KIDNEY_DISEASE, DIALYSIS } from '../codes/conditions/kidney.js';
import { SOURCES } from '../codes/sources.js';
import { allOf, not } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { activeConditionIn } from '../engine/primitives/condition.js';
import { CONDITION_NEEDS } from '../engine/shared-parameters.js';

export const rule = defineRule({
  id: 'cond-chronic-kidney-disease',
  version: '1.0.0',
  title: 'Chronic kidney disease (not on dialysis)',
  family: 'cond',
  redFlag: false,
  grade: 'B/C',
  evidenceStatement:
    'Chronic kidney disease appears in clinical lists of cramp causes (Mayo, S28); the evidence is weaker than for dialysis. KDIGO stages G1–G5 grade its severity (S33).',
  citations: [SOURCES.S28, SOURCES.S33],
  knowledgeBaseRows: ['C4', 'B9'],
  parameters: {},
  needs: CONDITION_NEEDS,
  criteria: allOf(
    'chronic kidney disease, not on dialysis',
    activeConditionIn([CHRONIC_KIDNEY_DISEASE], 'chronic kidney disease'),
    not('not on dialysis (dialysis belongs to cond-dialysis)', activeConditionIn([DIALYSIS], 'dialysis or end-stage kidney disease')),
  ),
  summary: {
    flagged: (r) => `Chronic kidney disease on record (${r.facts.condition}), not on dialysis: a possible contributor`,
    notFlagged: 'No chronic kidney disease (off dialysis) on record',
    insufficient: 'Conditions could not be read: chronic kidney disease not checked',
  },
  detail:
    'Kidney disease can contribute to cramps through fluid and electrolyte shifts and the diuretics used to treat it. ' +
    'Check potassium, magnesium, calcium and sodium before blaming the cramps on the kidneys, and before anyone starts a supplement: potassium and magnesium accumulate when the kidneys fail.',
  nextStep:
    'Check electrolytes and kidney function; nephrology at stage G4–G5 (eGFR below 30). No potassium, magnesium or salt supplements without asking the kidney team.',
  handoutSections: ['kidney'],
});
