/**
 * cond-varicose-veins — knowledge base row C6.
 *
 * What decides it: an active Condition coded as varicose veins of the legs or chronic venous
 * insufficiency: ICD-10-CM I83.90–I83.93, I83.8xx (and the rest of the I83 leg block), I87.2,
 * I87.3*, SNOMED 72866009, or text naming varicose veins or venous insufficiency. Code list:
 * VARICOSE_VEINS in rules/codes/conditions/vascular.ts. Activity as for every condition rule.
 *
 * Pitfalls avoided: oesophageal or gastric varices (I85, I86.4), scrotal varices and other
 * non-leg varices are not this condition. A swollen, hot, painful calf is a possible DVT
 * (redflag-vte-risk), not a varicose-vein cramp.
 */
import { VARICOSE_VEINS } from '../codes/conditions/vascular.js';
import { SOURCES } from '../codes/sources.js';
import { defineRule } from '../engine/define-rule.js';
import { activeConditionIn } from '../engine/primitives/condition.js';
import { CONDITION_NEEDS } from '../engine/shared-parameters.js';

export const rule = defineRule({
  id: 'cond-varicose-veins',
  version: '1.0.0',
  title: 'Varicose veins or chronic venous insufficiency',
  family: 'cond',
  redFlag: false,
  grade: 'B/C',
  evidenceStatement:
    'Venous insufficiency is listed among cramp risk factors (S32), and NICE advises examining for varicose veins in people with cramps (S7). Weak evidence: lists and expert advice, no trials of treating veins to stop cramps.',
  citations: [SOURCES.S32, SOURCES.S7],
  knowledgeBaseRows: ['C6'],
  parameters: {},
  needs: CONDITION_NEEDS,
  criteria: activeConditionIn([VARICOSE_VEINS], 'varicose veins or chronic venous insufficiency'),
  summary: {
    flagged: (r) => `Varicose veins or venous insufficiency on record (${r.facts.condition}): may worsen cramps`,
    notFlagged: 'No varicose veins or venous insufficiency on record',
    insufficient: 'Conditions could not be read: varicose veins not checked',
  },
  detail:
    'Varicose veins and chronic venous insufficiency may make leg cramps worse. Leg elevation and prescribed compression stockings can help symptoms. ' +
    'A swollen, hot or persistently painful calf is not explained by varicose veins until deep-vein thrombosis is excluded.',
  nextStep:
    'If symptomatic (aching, swelling, skin changes): phlebology or vascular surgery with duplex ultrasound. Compression stockings and leg elevation.',
  handoutSections: ['varicose-veins'],
});
