/**
 * med-aminocaproic-acid — knowledge base row A16.
 *
 * Aminocaproic acid (Amicar; ATC B02AA01 ✅), an antifibrinolytic, by mouth or infusion, active or
 * recently given. Grade C: named in the lay article; its label's myopathy and CK data were not read
 * for the knowledge base. Because a drug myopathy can progress to rhabdomyolysis (red flag E5,
 * its own rule), the next step asks for a CK when cramps come with weakness or dark urine; CK
 * belongs to the targeted work-up (S7, S23). A drug first recorded in the 12 months before the
 * first recorded cramp complaint is pointed out (temporal weighting), never changing the outcome.
 */
import { AMINOCAPROIC_ACID } from '../codes/medications/single-drugs.js';
import { SOURCES } from '../codes/sources.js';
import { withSupport } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { medicationInsufficient } from '../engine/primitives/medication-summary.js';
import { CRAMP_TIMELINE_WINDOW, describeCrampTimeline, drugStartedBeforeCramps } from '../engine/primitives/cramp-timeline.js';
import { activeMedicationIn } from '../engine/primitives/medication.js';
import { CONDITION_NEEDS, MEDICATION_NEEDS, MEDICATION_PARAMETERS } from '../engine/shared-parameters.js';

const PARAMETERS = { ...MEDICATION_PARAMETERS, crampTimelineWindow: CRAMP_TIMELINE_WINDOW } as const;

export const rule = defineRule({
  id: 'med-aminocaproic-acid',
  version: '1.0.0',
  title: 'Aminocaproic acid',
  family: 'med',
  redFlag: false,
  grade: 'C',
  evidenceStatement:
    'Named as a cramp cause in the lay article; label data on myopathy were not read for the knowledge base. CK belongs to the targeted work-up when weakness or dark urine suggests muscle damage (S7, S23).',
  citations: [SOURCES.S7, SOURCES.S23],
  knowledgeBaseRows: ['A16'],
  parameters: PARAMETERS,
  needs: [...MEDICATION_NEEDS, ...CONDITION_NEEDS],
  criteria: withSupport(
    activeMedicationIn([AMINOCAPROIC_ACID], { what: 'aminocaproic acid' }),
    drugStartedBeforeCramps([AMINOCAPROIC_ACID], PARAMETERS.crampTimelineWindow),
  ),
  summary: {
    flagged: 'On aminocaproic acid: a possible cramp contributor; ask about weakness and dark urine',
    notFlagged: 'No aminocaproic acid in use',
    insufficient: medicationInsufficient('Aminocaproic acid use could not be checked'),
  },
  detail: (r) =>
    [
      'Aminocaproic acid is listed as a cramp cause in lay sources (grade C). Muscle weakness or dark urine on this drug suggests myopathy and needs a CK rather than reassurance.',
      describeCrampTimeline(r),
    ].filter(Boolean).join(' '),
  nextStep: 'Check CK if there are cramps with weakness or dark urine (possible myopathy or rhabdomyolysis); prescriber review.',
  handoutSections: ['drug-aminocaproic-acid'],
});
