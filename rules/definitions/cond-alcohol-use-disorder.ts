/**
 * cond-alcohol-use-disorder — knowledge base row C18.
 *
 * What decides it: an active Condition coded as alcohol use disorder: ICD-10-CM F10.20, F10.10 and
 * the rest of F10.1, F10.2 and F10.9 except the remission codes (F10.11, F10.21, F10.91) and F10.90
 * (alcohol use, uncomplicated); SNOMED 7200002 (alcoholism), 66590003, 15167005; or text naming
 * alcoholism, alcohol dependence, abuse or alcohol use disorder. Code list: ALCOHOL_USE_DISORDER in
 * rules/codes/conditions/other.ts. Activity as for every condition rule (remission does not count).
 *
 * Pitfalls avoided: non-alcoholic fatty liver disease is not alcohol use and does not match; a
 * drinking-history Observation (social history) is not a coded Condition and is not read here.
 */
import { ALCOHOL_USE_DISORDER } from '../codes/conditions/other.js';
import { SOURCES } from '../codes/sources.js';
import { defineRule } from '../engine/define-rule.js';
import { activeConditionIn } from '../engine/primitives/condition.js';
import { CONDITION_NEEDS } from '../engine/shared-parameters.js';

export const rule = defineRule({
  id: 'cond-alcohol-use-disorder',
  version: '1.0.0',
  title: 'Alcohol use disorder',
  family: 'cond',
  redFlag: false,
  grade: 'B/C',
  evidenceStatement:
    'Alcoholism appears in the National Sleep Foundation and Mayo lists of cramp causes (S19, S28); alcohol lowers magnesium (S12) and damages peripheral nerves.',
  citations: [SOURCES.S19, SOURCES.S28, SOURCES.S12],
  knowledgeBaseRows: ['C18'],
  parameters: {},
  needs: CONDITION_NEEDS,
  criteria: activeConditionIn([ALCOHOL_USE_DISORDER], 'alcohol use disorder'),
  summary: {
    flagged: (r) => `Alcohol use disorder on record (${r.facts.condition}): check magnesium; neuropathy risk`,
    notFlagged: 'No active alcohol use disorder on record',
    insufficient: 'Conditions could not be read: alcohol use disorder not checked',
  },
  detail:
    'Heavy drinking causes cramps through low magnesium (and with it low potassium and calcium), alcohol-related neuropathy and liver disease. Cutting down helps; support is available.',
  nextStep: 'Primary care or addiction services. Check magnesium and liver tests; look for neuropathy.',
  handoutSections: ['alcohol'],
});
