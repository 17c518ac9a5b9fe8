/**
 * cond-dehydration — knowledge base row C24 (with D4).
 *
 * What decides it: an active Condition coded as dehydration or gastrointestinal fluid loss:
 * ICD-10-CM E86.0 (and the rest of E86, volume depletion), R19.7 (diarrhoea), SNOMED 34095006 or
 * 236077008 (protracted diarrhoea), or text naming dehydration, volume depletion or diarrhoea.
 * Code list: DEHYDRATION in rules/codes/conditions/metabolic.ts. Activity as for every condition
 * rule. Shown beside it, without changing the outcome: any active condition that usually means a
 * fluid limit (dialysis, cirrhosis, heart failure, hyponatraemia).
 *
 * Why the evidence is called conflicting: NSF and Mayo list dehydration (S19, S28), but one
 * clinical summary lists hypovolaemia as not related to night cramps (S32).
 * Pitfalls avoided: "drink more" is unsafe for people on a fluid limit (KB section 8): when one of
 * those conditions is present the summary and detail say not to advise extra fluid, and the
 * handout's fluid section must keep its "unless told to limit fluids" wording.
 */
import { DIALYSIS } from '../codes/conditions/kidney.js';
import { DEHYDRATION, HYPONATRAEMIA } from '../codes/conditions/metabolic.js';
import { CIRRHOSIS } from '../codes/conditions/other.js';
import { HEART_FAILURE } from '../codes/conditions/vascular.js';
import { SOURCES } from '../codes/sources.js';
import { withSupport } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { activeConditionIn } from '../engine/primitives/condition.js';
import { CONDITION_NEEDS } from '../engine/shared-parameters.js';
import type { RuleSummaryInput } from '../engine/types.js';

/** Names of the fluid-limit conditions shown beside the finding. */
function fluidLimits(r: RuleSummaryInput): string[] {
  return [...new Set(r.evidence.filter((e) => e.role === 'supporting').map((e) => e.display ?? e.code ?? 'a fluid-limit condition'))];
}

export const rule = defineRule({
  id: 'cond-dehydration',
  version: '1.0.0',
  title: 'Dehydration or fluid loss',
  family: 'cond',
  redFlag: false,
  grade: 'B/C',
  evidenceStatement:
    'Dehydration appears in the National Sleep Foundation and Mayo lists (S19, S28) and cramps peak in summer (S21), but one clinical summary lists hypovolaemia as not related to night cramps (S32): the evidence conflicts.',
  citations: [SOURCES.S19, SOURCES.S28, SOURCES.S21, SOURCES.S32],
  knowledgeBaseRows: ['C24', 'D4'],
  parameters: {},
  needs: CONDITION_NEEDS,
  criteria: withSupport(
    activeConditionIn([DEHYDRATION], 'dehydration or fluid loss'),
    activeConditionIn([DIALYSIS, CIRRHOSIS, HEART_FAILURE, HYPONATRAEMIA], 'a condition that usually means a fluid limit'),
  ),
  summary: {
    flagged: (r) => {
      const limits = fluidLimits(r);
      return limits.length
        ? `Dehydration or fluid loss on record; do not advise drinking more: fluid limit likely (${limits.join(', ')})`
        : `Dehydration or fluid loss on record (${r.facts.condition}): a possible contributor; evidence conflicts`;
    },
    notFlagged: 'No dehydration or fluid loss on record',
    insufficient: 'Conditions could not be read: dehydration not checked',
  },
  detail: (r) => {
    const limits = fluidLimits(r);
    const base = 'Fluid loss (diarrhoea, vomiting, heat, heavy sweating) may contribute to cramps, but the evidence conflicts. Treat the cause and check electrolytes.';
    return limits.length
      ? `${base} This patient also has ${limits.join(', ')}, which usually means a fluid limit: do not advise extra fluid; fluid decisions belong to the treating team.`
      : `${base} Any fluid advice must respect a fluid limit (dialysis, heart failure, cirrhosis, low sodium).`;
  },
  nextStep: 'Treat the cause (for example the diarrhoea) and check electrolytes. No blanket advice to drink more: respect any fluid limit (dialysis, heart failure, cirrhosis, low sodium).',
  handoutSections: ['fluids'],
});
