/**
 * med-isa-beta-blocker — knowledge base row A18.
 *
 * Only beta-blockers with intrinsic sympathomimetic activity: pindolol (C07AA03) and acebutolol
 * (C07AB04). Every other beta-blocker is deliberately absent: ordinary beta-blockers were
 * Garrison's negative control and showed no signal (S3), so metoprolol (Toprol, RxNorm 866414),
 * atenolol, propranolol and the rest are never flagged.
 *
 * Grade: the knowledge base grades this row C/B, recorded as B/C: one BMJ Best Practice
 * risk-factor listing (S23), no measured risk. A drug first recorded in the 12 months before the
 * first recorded cramp complaint is pointed out (temporal weighting), never changing the outcome.
 */
import { ISA_BETA_BLOCKERS } from '../codes/medications/single-drugs.js';
import { SOURCES } from '../codes/sources.js';
import { withSupport } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { medicationInsufficient } from '../engine/primitives/medication-summary.js';
import { CRAMP_TIMELINE_WINDOW, describeCrampTimeline, drugStartedBeforeCramps } from '../engine/primitives/cramp-timeline.js';
import { activeMedicationIn } from '../engine/primitives/medication.js';
import { CONDITION_NEEDS, MEDICATION_NEEDS, MEDICATION_PARAMETERS } from '../engine/shared-parameters.js';

const PARAMETERS = { ...MEDICATION_PARAMETERS, crampTimelineWindow: CRAMP_TIMELINE_WINDOW } as const;

export const rule = defineRule({
  id: 'med-isa-beta-blocker',
  version: '1.0.0',
  title: 'Beta-blocker with intrinsic sympathomimetic activity (pindolol, acebutolol)',
  family: 'med',
  redFlag: false,
  grade: 'B/C',
  evidenceStatement:
    'BMJ Best Practice lists beta-blockers with intrinsic sympathomimetic activity as a risk factor for leg cramps (S23). Ordinary beta-blockers were the negative control in Garrison 2012 and showed no association (S3), so only pindolol and acebutolol count.',
  citations: [SOURCES.S23, SOURCES.S3],
  knowledgeBaseRows: ['A18'],
  parameters: PARAMETERS,
  needs: [...MEDICATION_NEEDS, ...CONDITION_NEEDS],
  criteria: withSupport(
    activeMedicationIn([ISA_BETA_BLOCKERS], { what: 'a beta-blocker with intrinsic sympathomimetic activity' }),
    drugStartedBeforeCramps([ISA_BETA_BLOCKERS], PARAMETERS.crampTimelineWindow),
  ),
  summary: {
    flagged: (r) => `On ${r.facts.drug}, a beta-blocker with intrinsic sympathomimetic activity: a listed cramp risk factor`,
    notFlagged: 'No pindolol or acebutolol in use (other beta-blockers are not counted)',
    insufficient: medicationInsufficient('Use of pindolol or acebutolol could not be checked'),
  },
  detail: (r) =>
    [
      'Beta-blockers with intrinsic sympathomimetic activity are a listed risk factor for cramps (S23). Other beta-blockers showed no signal in a large study (S3) and are not flagged.',
      describeCrampTimeline(r),
    ].filter(Boolean).join(' '),
  nextStep: 'Prescriber review: is a beta-blocker without intrinsic sympathomimetic activity an option?',
  handoutSections: ['drug-review'],
});
