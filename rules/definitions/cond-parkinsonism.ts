/**
 * cond-parkinsonism — knowledge base row C14.
 *
 * What decides it: an active Condition coded as Parkinson's disease or parkinsonism: ICD-10-CM
 * legacy G20 and the FY2024 codes G20.A1, G20.A2, G20.B1, G20.B2, G20.C; secondary parkinsonism
 * G21.*; SNOMED 49049000; or text naming Parkinson's disease or parkinsonism. Code list:
 * PARKINSONISM in rules/codes/conditions/neurological.ts. Activity as for every condition rule.
 *
 * Pitfalls avoided: restless legs (G25.81) and essential tremor (G25.0) are not parkinsonism. The
 * mimic to name: early-morning "off" dystonia, a painful twisting of the foot as medicines wear
 * off, is not a cramp and is treated by adjusting Parkinson's medication (S7).
 */
import { PARKINSONISM } from '../codes/conditions/neurological.js';
import { SOURCES } from '../codes/sources.js';
import { defineRule } from '../engine/define-rule.js';
import { activeConditionIn } from '../engine/primitives/condition.js';
import { CONDITION_NEEDS } from '../engine/shared-parameters.js';

export const rule = defineRule({
  id: 'cond-parkinsonism',
  version: '1.0.0',
  title: "Parkinson's disease or parkinsonism",
  family: 'cond',
  redFlag: false,
  grade: 'B/C',
  evidenceStatement:
    "Parkinson's disease appears in the Mayo, National Sleep Foundation and FPnotebook lists (S28, S19, S32); NICE names dystonia and parkinsonism as cramp mimics (S7).",
  citations: [SOURCES.S28, SOURCES.S19, SOURCES.S32, SOURCES.S7],
  knowledgeBaseRows: ['C14'],
  parameters: {},
  needs: CONDITION_NEEDS,
  criteria: activeConditionIn([PARKINSONISM], "Parkinson's disease or parkinsonism"),
  summary: {
    flagged: (r) => `Parkinson's or parkinsonism on record (${r.facts.condition}): consider early-morning "off" dystonia`,
    notFlagged: "No Parkinson's disease or parkinsonism on record",
    insufficient: "Conditions could not be read: Parkinson's disease not checked",
  },
  detail:
    "Cramps are reported in Parkinson's disease, but a painful twisting or curling of the foot and toes in the early morning, as the last dose wears off (\"off\" dystonia), is a mimic. " +
    'Timing against doses tells them apart; dystonia is managed by adjusting Parkinson’s medication.',
  nextStep: 'Neurology: ask whether the episodes are early-morning "off" dystonia (timed with wearing-off of medication) rather than cramps.',
  handoutSections: ['parkinsons'],
});
