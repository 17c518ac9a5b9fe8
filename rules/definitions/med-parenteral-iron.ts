/**
 * med-parenteral-iron — knowledge base row A8.
 *
 * Intravenous iron: iron sucrose (the drug the AAFP review names), ferric carboxymaltose,
 * ferumoxytol, iron dextran, sodium ferric gluconate, ferric derisomaltose; ATC B03AC. Usually a
 * MedicationAdministration, which counts when given within the last 90 days (rule catalogue,
 * "Active medication"). Iron by mouth does not count: ferrous sulfate (RxNorm 310325) is not in
 * the class, and neither is the ferrous fumarate in a contraceptive pack (Estrostep Fe, 1359133).
 *
 * Grade B/C: the AAFP review lists iron sucrose among the drugs most strongly associated with
 * cramps while calling the overall incidence very low (S1); Mayo also names IV iron (S28).
 * Garrison did not study it. A first infusion in the 12 months before the first recorded cramp
 * complaint is pointed out (temporal weighting), never changing the outcome.
 */
import { PARENTERAL_IRON } from '../codes/medications/parenteral-iron.js';
import { SOURCES } from '../codes/sources.js';
import { withSupport } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { medicationInsufficient } from '../engine/primitives/medication-summary.js';
import { CRAMP_TIMELINE_WINDOW, describeCrampTimeline, drugStartedBeforeCramps } from '../engine/primitives/cramp-timeline.js';
import { activeMedicationIn } from '../engine/primitives/medication.js';
import { CONDITION_NEEDS, MEDICATION_NEEDS, MEDICATION_PARAMETERS } from '../engine/shared-parameters.js';

const PARAMETERS = { ...MEDICATION_PARAMETERS, crampTimelineWindow: CRAMP_TIMELINE_WINDOW } as const;

export const rule = defineRule({
  id: 'med-parenteral-iron',
  version: '1.0.0',
  title: 'Intravenous iron',
  family: 'med',
  redFlag: false,
  grade: 'B/C',
  evidenceStatement:
    'The AAFP review places intravenous iron sucrose among the drugs most strongly associated with leg cramps, while noting that the overall incidence is very low (S1); Mayo Clinic also lists IV iron (S28). Not studied by Garrison (S3).',
  citations: [SOURCES.S1, SOURCES.S28],
  knowledgeBaseRows: ['A8'],
  parameters: PARAMETERS,
  needs: [...MEDICATION_NEEDS, ...CONDITION_NEEDS],
  criteria: withSupport(
    activeMedicationIn([PARENTERAL_IRON], { what: 'intravenous iron' }),
    drugStartedBeforeCramps([PARENTERAL_IRON], PARAMETERS.crampTimelineWindow),
  ),
  summary: {
    flagged: (r) => `Intravenous iron given recently (${r.facts.drug}): listed among drugs linked to cramps, though rarely`,
    notFlagged: 'No intravenous iron in the last 90 days',
    insufficient: medicationInsufficient('Intravenous iron use could not be checked'),
  },
  detail: (r) =>
    [
      'Cramps after intravenous iron are uncommon, but the AAFP review ranks iron sucrose among the drugs most strongly associated with them (S1). Iron tablets are not implicated.',
      describeCrampTimeline(r),
    ].filter(Boolean).join(' '),
  nextStep: 'Let the team giving the infusions know; no routine test is needed.',
  handoutSections: ['drug-iv-iron'],
});
