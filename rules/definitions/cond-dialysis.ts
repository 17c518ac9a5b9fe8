/**
 * cond-dialysis — knowledge base rows C3 and E11.
 *
 * What decides it: an active Condition coded as dependence on dialysis or end-stage kidney disease:
 * ICD-10-CM Z99.2, N18.6 (and Z49.* dialysis encounters), SNOMED 46177005, 714152005, 105502003,
 * 302497006 when a sender puts the haemodialysis code on a Condition, or text naming
 * haemodialysis, peritoneal dialysis or end-stage kidney disease. Code list: DIALYSIS in
 * rules/codes/conditions/kidney.ts. Activity as for every condition rule: active, recurrence or
 * relapse; not refuted or entered in error; onset on or before the as-of date; not abated by then.
 *
 * Pitfalls avoided: N18.6, Z99.2 and dialysis codes belong here only; when this rule fires,
 * cond-chronic-kidney-disease is not-flagged (rule catalogue, Decisions: kidney). An eGFR alone
 * never fires it. Garrison 2012 excluded dialysis patients (S3), so the drug signals of Table A
 * were not measured in this group. Fluid advice must respect the fluid limit (KB section 8).
 */
import { DIALYSIS } from '../codes/conditions/kidney.js';
import { SOURCES } from '../codes/sources.js';
import { defineRule } from '../engine/define-rule.js';
import { activeConditionIn } from '../engine/primitives/condition.js';
import { CONDITION_NEEDS } from '../engine/shared-parameters.js';

export const rule = defineRule({
  id: 'cond-dialysis',
  version: '1.0.0',
  title: 'Haemodialysis or end-stage kidney disease',
  family: 'cond',
  redFlag: false,
  grade: 'A/B',
  evidenceStatement:
    'Cramps affect 33–86% of people on haemodialysis (S11; 15–87% in S23). Drivers include a high ultrafiltration rate, intradialytic hypotension, going below target weight, low dialysate sodium, low magnesium and carnitine deficiency; smaller weight gains between sessions, longer sessions and sodium profiling help (S11). Dialysis patients were excluded from the Garrison drug study (S3).',
  citations: [SOURCES.S11, SOURCES.S23, SOURCES.S3],
  knowledgeBaseRows: ['C3', 'E11'],
  parameters: {},
  needs: CONDITION_NEEDS,
  criteria: activeConditionIn([DIALYSIS], 'dialysis or end-stage kidney disease'),
  summary: {
    flagged: (r) => `On dialysis or end-stage kidney disease (${r.facts.condition}): cramps are very common; dialysis team`,
    notFlagged: 'No dialysis or end-stage kidney disease on record',
    insufficient: 'Conditions could not be read: dialysis not checked',
  },
  detail:
    'Cramps during or after haemodialysis usually reflect fluid removal: a high ultrafiltration rate, intradialytic hypotension, or going below target (dry) weight; low dialysate sodium, low magnesium and carnitine deficiency also contribute. ' +
    'The dialysis team can adjust target weight, session length and sodium profile. Cramps together with falling blood pressure during sessions suggest excessive ultrafiltration and need the team the same day.',
  nextStep:
    'Dialysis team or nephrologist: review ultrafiltration, target weight and dialysate settings; same day if cramps come with intradialytic hypotension. Keep to the fluid limit; no potassium, magnesium or salt supplements without the team.',
  handoutSections: ['dialysis'],
});
