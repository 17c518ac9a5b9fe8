/**
 * med-cimetidine — knowledge base row A19.
 *
 * Cimetidine (Tagamet; ATC A02BA01), prescribed or over the counter. Other H2 blockers
 * (famotidine, ranitidine) are not in the row. Grade C: named in a BMJ general-practice study of
 * cramp-inducing drugs (S24) and nowhere else read. A drug first recorded in the 12 months before
 * the first recorded cramp complaint is pointed out (temporal weighting), never changing the outcome.
 */
import { CIMETIDINE } from '../codes/medications/single-drugs.js';
import { SOURCES } from '../codes/sources.js';
import { withSupport } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { medicationInsufficient } from '../engine/primitives/medication-summary.js';
import { CRAMP_TIMELINE_WINDOW, describeCrampTimeline, drugStartedBeforeCramps } from '../engine/primitives/cramp-timeline.js';
import { activeMedicationIn } from '../engine/primitives/medication.js';
import { CONDITION_NEEDS, MEDICATION_NEEDS, MEDICATION_PARAMETERS } from '../engine/shared-parameters.js';

const PARAMETERS = { ...MEDICATION_PARAMETERS, crampTimelineWindow: CRAMP_TIMELINE_WINDOW } as const;

export const rule = defineRule({
  id: 'med-cimetidine',
  version: '1.0.0',
  title: 'Cimetidine',
  family: 'med',
  redFlag: false,
  grade: 'C',
  evidenceStatement: 'Cimetidine was named among cramp-inducing drugs in a BMJ study of general-practice prescribing (S24); no other source read confirms it.',
  citations: [SOURCES.S24],
  knowledgeBaseRows: ['A19'],
  parameters: PARAMETERS,
  needs: [...MEDICATION_NEEDS, ...CONDITION_NEEDS],
  criteria: withSupport(
    activeMedicationIn([CIMETIDINE], { what: 'cimetidine' }),
    drugStartedBeforeCramps([CIMETIDINE], PARAMETERS.crampTimelineWindow),
  ),
  summary: {
    flagged: 'On cimetidine: a possible cramp contributor (low-grade evidence)',
    notFlagged: 'No cimetidine in use',
    insufficient: medicationInsufficient('Cimetidine use could not be checked'),
  },
  detail: (r) =>
    [
      'Cimetidine has been named as a cramp-inducing drug (S24), on limited evidence (grade C). Another acid-reducing drug may serve equally well.',
      describeCrampTimeline(r),
    ].filter(Boolean).join(' '),
  nextStep: 'Prescriber review of the need for cimetidine.',
  handoutSections: ['drug-review'],
});
