/**
 * cond-multiple-sclerosis — knowledge base row C13.
 *
 * What decides it: an active Condition coded as multiple sclerosis: ICD-10-CM G35 (billable until
 * 30 Sep 2025, a header from FY2026, still common in older data) and the FY2026 codes G35.A
 * (relapsing-remitting), G35.B0–B2 (primary progressive), G35.C0–C2 (secondary progressive),
 * G35.D (unspecified); SNOMED 24700007; or text naming multiple sclerosis. Code list:
 * MULTIPLE_SCLEROSIS in rules/codes/conditions/neurological.ts. Activity as for every condition
 * rule; note that "relapse" counts as active.
 *
 * Pitfalls avoided: other demyelinating diseases (neuromyelitis optica G36.0, G37.*) are not MS.
 * Spasticity and spasms in MS mimic cramps, so the MS team is the route.
 */
import { MULTIPLE_SCLEROSIS } from '../codes/conditions/neurological.js';
import { SOURCES } from '../codes/sources.js';
import { defineRule } from '../engine/define-rule.js';
import { activeConditionIn } from '../engine/primitives/condition.js';
import { CONDITION_NEEDS } from '../engine/shared-parameters.js';

export const rule = defineRule({
  id: 'cond-multiple-sclerosis',
  version: '1.0.0',
  title: 'Multiple sclerosis',
  family: 'cond',
  redFlag: false,
  grade: 'B/C',
  evidenceStatement:
    'Multiple sclerosis appears in lists of cramp causes, and BMJ Best Practice has an MS-specific treatment pathway (S23). Spasticity is a mimic. Weak evidence.',
  citations: [SOURCES.S23],
  knowledgeBaseRows: ['C13'],
  parameters: {},
  needs: CONDITION_NEEDS,
  criteria: activeConditionIn([MULTIPLE_SCLEROSIS], 'multiple sclerosis'),
  summary: {
    flagged: (r) => `Multiple sclerosis on record (${r.facts.condition}): spasms or spasticity may mimic cramps; MS team`,
    notFlagged: 'No multiple sclerosis on record',
    insufficient: 'Conditions could not be read: multiple sclerosis not checked',
  },
  detail:
    'In multiple sclerosis, night-time stiffness and painful spasms are common and can be mistaken for ordinary cramps. They are treatable, and the treatment differs, so the MS team should assess them.',
  nextStep: 'Neurology or the MS team: assess for spasticity and spasms, which are treated differently from ordinary cramps.',
  handoutSections: ['multiple-sclerosis'],
});
