/**
 * med-neurotoxic-chemotherapy — knowledge base row A17.
 *
 * Vincristine and the other vinca alkaloids, platinum drugs (cisplatin 1736854, oxaliplatin
 * 1736776, carboplatin), taxanes (paclitaxel 583214, docetaxel 1860480), other neurotoxic agents
 * (bortezomib, thalidomide, eribulin, ixabepilone) and imatinib; ATC L01CA, L01XA, L01CD.
 * Usually a MedicationAdministration, counted when given within 90 days (rule catalogue,
 * "Active medication"). Not every chemotherapy drug: etoposide (1734340) and leucovorin (1803932)
 * are not in the class.
 *
 * Grade B/C: BMJ Best Practice lists imatinib as a risk factor (S23); vincristine and cisplatin
 * appear in a clinical differential list (S31); Mayo lists nerve damage from cancer treatment
 * (S28). Cisplatin lowers magnesium, so a low magnesium within 3 months is shown beside the drug
 * as supporting evidence; with the cramp timeline (temporal weighting), neither changes the outcome.
 */
import { NEUROTOXIC_CHEMOTHERAPY } from '../codes/medications/neurotoxic-chemotherapy.js';
import { SOURCES } from '../codes/sources.js';
import { withSupport } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { medicationInsufficient } from '../engine/primitives/medication-summary.js';
import { LOOKBACKS } from '../engine/parameters.js';
import { CRAMP_TIMELINE_WINDOW, describeCrampTimeline, drugStartedBeforeCramps } from '../engine/primitives/cramp-timeline.js';
import { describeElectrolyteSupport, LOW_ELECTROLYTE_LIMITS, lowElectrolytes } from '../engine/primitives/low-electrolytes.js';
import { activeMedicationIn } from '../engine/primitives/medication.js';
import { CONDITION_NEEDS, MEDICATION_NEEDS, MEDICATION_PARAMETERS } from '../engine/shared-parameters.js';

const PARAMETERS = {
  ...MEDICATION_PARAMETERS,
  crampTimelineWindow: CRAMP_TIMELINE_WINDOW,
  lowMagnesium: LOW_ELECTROLYTE_LIMITS.magnesium,
  electrolyteLookback: LOOKBACKS.electrolytes,
} as const;

export const rule = defineRule({
  id: 'med-neurotoxic-chemotherapy',
  version: '1.0.0',
  title: 'Neurotoxic chemotherapy',
  family: 'med',
  redFlag: false,
  grade: 'B/C',
  evidenceStatement:
    'BMJ Best Practice lists imatinib as a risk factor for leg cramps (S23); vincristine and cisplatin appear in a clinical differential list (S31); Mayo Clinic lists nerve damage from cancer treatment (S28). The usual route is chemotherapy-induced neuropathy; cisplatin also lowers magnesium (unverified).',
  citations: [SOURCES.S23, SOURCES.S31, SOURCES.S28],
  knowledgeBaseRows: ['A17'],
  parameters: PARAMETERS,
  needs: [...MEDICATION_NEEDS, ...CONDITION_NEEDS, { kind: 'lab', analyte: 'magnesium', lookback: PARAMETERS.electrolyteLookback.iso }],
  criteria: withSupport(
    withSupport(
      activeMedicationIn([NEUROTOXIC_CHEMOTHERAPY], { what: 'neurotoxic chemotherapy' }),
      lowElectrolytes({ magnesium: PARAMETERS.lowMagnesium }, PARAMETERS.electrolyteLookback.iso),
    ),
    drugStartedBeforeCramps([NEUROTOXIC_CHEMOTHERAPY], PARAMETERS.crampTimelineWindow),
  ),
  summary: {
    flagged: (r) => `Recent neurotoxic chemotherapy (${r.facts.drug}): nerve damage can cause cramps`,
    notFlagged: 'No neurotoxic chemotherapy in the last 90 days',
    insufficient: medicationInsufficient('Chemotherapy could not be checked'),
  },
  detail: (r) => {
    return [
      'Vinca alkaloids, platinum drugs, taxanes and some targeted drugs (imatinib) can damage peripheral nerves, and neuropathy can cause cramps (S23, S31, S28).',
      describeElectrolyteSupport(r),
      describeCrampTimeline(r),
    ].filter(Boolean).join(' ');
  },
  nextStep: 'Tell the oncology team: neuropathy assessment, and check magnesium.',
  handoutSections: ['drug-chemotherapy'],
});
