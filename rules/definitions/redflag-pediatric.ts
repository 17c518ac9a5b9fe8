/**
 * redflag-pediatric — knowledge base rows D12 (children and adolescents: pediatrician for every
 * under-18) and E10 (child with cramps plus weakness, frequent falls, regression or calf
 * enlargement: possible muscular dystrophy or myopathy).
 *
 * Fires for every patient under 18 on `asOf`. Age counts whole years from the birth date; a
 * partial birth date (`2008`, `2008-11`) counts from its last possible day, so age is never
 * overstated and a possible child is never treated as an adult. On the 18th birthday the rule no
 * longer fires; the day before, it does. No birth date → insufficient-data.
 *
 * Urgency: routine (pediatrician) unless the clinician reports muscle weakness or frequent falls
 * on the checklist, then urgent (paediatric neurology, CK). Those answers only raise the urgency;
 * an unanswered checklist does not stop the flag.
 *
 * Pitfall avoided (knowledge base section 8): the lay claim that cramps in 4–7-year-olds come from
 * a "growth period" is not repeated. In a cohort of about 2,500 children, nocturnal cramps began
 * only after about age 8 and peaked at 16–18 (S23); night leg pain in a small child is usually
 * something else, which is one more reason for a pediatrician to assess it.
 */
import { CHECKLIST_ITEMS } from '../codes/checklist.js';
import { SOURCES } from '../codes/sources.js';
import { anyOf, withSupport } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { count } from '../engine/parameters.js';
import { clinicianReports } from '../engine/primitives/checklist.js';
import { ageUnder } from '../engine/primitives/patient.js';
import type { RuleSummaryInput } from '../engine/types.js';

const PARAMETERS = {
  adultAge: count('Patients younger than this are seen by a pediatrician', 18, 'KB D12 (S23)', 'a'),
} as const;

const WARNING_ITEMS: readonly string[] = [CHECKLIST_ITEMS.weaknessWasting.id, CHECKLIST_ITEMS.falls.id];
const warningReported = (r: RuleSummaryInput) => r.evidence.some((e) => e.resourceType === 'QuestionnaireResponse' && e.value === 'yes' && WARNING_ITEMS.includes(e.code ?? ''));

export const rule = defineRule({
  id: 'redflag-pediatric',
  version: '1.0.0',
  title: 'Child or adolescent with leg cramps',
  family: 'redflag',
  redFlag: true,
  grade: 'B/C',
  evidenceStatement:
    'About 7% of children have had leg cramps (S1); in a cohort of about 2,500 children they began only after about age 8 and peaked at 16–18 (S23). The escalation for weakness or falls (possible muscular dystrophy or myopathy) is general clinical practice, not verified in a source (KB E10).',
  citations: [SOURCES.S23, SOURCES.S1],
  knowledgeBaseRows: ['D12', 'E10'],
  parameters: PARAMETERS,
  needs: [{ kind: 'patient' }, { kind: 'checklist' }],
  criteria: withSupport(
    ageUnder(PARAMETERS.adultAge.value),
    anyOf('weakness or frequent falls reported', clinicianReports(CHECKLIST_ITEMS.weaknessWasting), clinicianReports(CHECKLIST_ITEMS.falls)),
  ),
  summary: {
    flagged: (r) =>
      warningReported(r)
        ? `Child (age ${r.facts.ageYears}) with weakness or falls reported: urgent paediatric neurology and CK`
        : `Under 18 (age ${r.facts.ageYears}): pediatrician to assess; ask about weakness and falls`,
    notFlagged: (r) => `Age ${r.facts.ageYears}: adult pathway applies`,
    insufficient: 'Age unknown (no birth date): cannot tell whether the pediatric pathway applies',
  },
  detail:
    'Night cramps in children usually start after about age 8 and are commonest at 16–18 (S23); night leg pain in a younger child is usually something else. Adult causes and drug lists do not transfer directly. Cramps with weakness, frequent falls, loss of motor skills or calf enlargement suggest a muscular dystrophy or myopathy.',
  nextStep: 'Pediatrician for every patient under 18. If weakness, frequent falls, loss of skills or calf enlargement: urgent paediatric neurology and a CK.',
  handoutSections: ['children'],
  urgency: (r) => (warningReported(r) ? 'urgent' : 'routine'),
});
