/**
 * cond-flat-feet — knowledge base row C21.
 *
 * What decides it: an active Condition coded as flat feet: acquired pes planus ICD-10-CM
 * M21.40–M21.42, congenital pes planus Q66.5x, SNOMED 53226007, or text naming flat feet or pes
 * planus. Code list: FLAT_FEET in rules/codes/conditions/other.ts. Activity as for every condition
 * rule.
 *
 * Why grade C: only the lay articles and a lay website (S37) make the link; there is little
 * research. The rule says so, and suggests podiatry only when the feet are painful.
 * Pitfalls avoided: pes cavus (high arch) is the opposite deformity and does not match.
 */
import { FLAT_FEET } from '../codes/conditions/other.js';
import { SOURCES } from '../codes/sources.js';
import { defineRule } from '../engine/define-rule.js';
import { activeConditionIn } from '../engine/primitives/condition.js';
import { CONDITION_NEEDS } from '../engine/shared-parameters.js';

export const rule = defineRule({
  id: 'cond-flat-feet',
  version: '1.0.0',
  title: 'Flat feet (pes planus)',
  family: 'cond',
  redFlag: false,
  grade: 'C',
  evidenceStatement: 'Only the lay articles and a lay website (S37) link flat feet to cramps; no study was found. Little research either way.',
  citations: [SOURCES.S37],
  knowledgeBaseRows: ['C21'],
  parameters: {},
  needs: CONDITION_NEEDS,
  criteria: activeConditionIn([FLAT_FEET], 'flat feet'),
  summary: {
    flagged: (r) => `Flat feet on record (${r.facts.condition}): weak, little-researched link to cramps`,
    notFlagged: 'No flat feet on record',
    insufficient: 'Conditions could not be read: flat feet not checked',
  },
  detail: 'Flat feet are named as a cramp factor only in lay sources; there is little research. Supportive shoes are a low-risk measure.',
  nextStep: 'Supportive footwear. Podiatry or orthopaedics only if the feet are painful.',
  handoutSections: ['flat-feet'],
});
