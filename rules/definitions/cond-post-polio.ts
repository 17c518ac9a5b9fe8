/**
 * cond-post-polio — knowledge base row C16.
 *
 * What decides it: an active Condition coded as sequelae of poliomyelitis or post-polio syndrome:
 * ICD-10-CM B91 or G14, or text naming post-polio syndrome or the sequelae (late effects) of
 * poliomyelitis; the knowledge base gives no SNOMED code, so a SNOMED-coded record is matched by
 * its display. Code list: POST_POLIO in rules/codes/conditions/neurological.ts. Activity as for
 * every condition rule.
 *
 * Pitfalls avoided: a polio vaccination or immunisation record is not polio and does not match;
 * neither does a bare mention of poliomyelitis without sequelae. The link to cramps comes only from
 * the lay article (grade C), so the rule says so rather than overstating it.
 */
import { POST_POLIO } from '../codes/conditions/neurological.js';
import { SOURCES } from '../codes/sources.js';
import { defineRule } from '../engine/define-rule.js';
import { activeConditionIn } from '../engine/primitives/condition.js';
import { CONDITION_NEEDS } from '../engine/shared-parameters.js';

export const rule = defineRule({
  id: 'cond-post-polio',
  version: '1.0.0',
  title: 'Post-polio syndrome or sequelae of poliomyelitis',
  family: 'cond',
  redFlag: false,
  grade: 'C',
  evidenceStatement:
    'Post-polio is named as a cause of cramps only in the lay article; no study read supports it specifically. NICE treats neuromuscular disease in general as a secondary cause worth assessing (S7).',
  citations: [SOURCES.S7],
  knowledgeBaseRows: ['C16'],
  parameters: {},
  needs: CONDITION_NEEDS,
  criteria: activeConditionIn([POST_POLIO], 'post-polio syndrome or sequelae of poliomyelitis'),
  summary: {
    flagged: (r) => `Post-polio on record (${r.facts.condition}): a possible, weakly supported contributor`,
    notFlagged: 'No post-polio syndrome or polio sequelae on record',
    insufficient: 'Conditions could not be read: post-polio not checked',
  },
  detail:
    'People who had polio can develop new muscle fatigue, pain and cramps years later (post-polio syndrome). The link to night cramps is weakly supported. New or increasing weakness deserves neurology review.',
  nextStep: 'Neurology, especially if there is new or increasing weakness.',
  handoutSections: ['weakness-warning'],
});
