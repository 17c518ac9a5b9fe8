/**
 * med-cholinesterase-inhibitor — knowledge base row A14.
 *
 * Neostigmine ("Proserin"), pyridostigmine, and the dementia drugs donepezil (alone or with
 * memantine: RxNorm 997223, 998582, 1599803, Namzaric), galantamine (310436), rivastigmine and
 * tacrine (313185); ATC N07AA and N06DA. Memantine alone is not a cholinesterase inhibitor.
 *
 * Grade C: named in the lay article; the mechanistic support is that anticholinesterase drugs
 * provoke fasciculations (S30). Donepezil label data were not read. A drug first recorded in the
 * 12 months before the first recorded cramp complaint is pointed out (temporal weighting), never
 * changing the outcome.
 */
import { CHOLINESTERASE_INHIBITORS } from '../codes/medications/cholinesterase-inhibitors.js';
import { SOURCES } from '../codes/sources.js';
import { withSupport } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { medicationInsufficient } from '../engine/primitives/medication-summary.js';
import { CRAMP_TIMELINE_WINDOW, describeCrampTimeline, drugStartedBeforeCramps } from '../engine/primitives/cramp-timeline.js';
import { activeMedicationIn } from '../engine/primitives/medication.js';
import { CONDITION_NEEDS, MEDICATION_NEEDS, MEDICATION_PARAMETERS } from '../engine/shared-parameters.js';

const PARAMETERS = { ...MEDICATION_PARAMETERS, crampTimelineWindow: CRAMP_TIMELINE_WINDOW } as const;

export const rule = defineRule({
  id: 'med-cholinesterase-inhibitor',
  version: '1.0.0',
  title: 'Cholinesterase inhibitor',
  family: 'med',
  redFlag: false,
  grade: 'C',
  evidenceStatement:
    'Named as a cramp cause in the lay article only. Anticholinesterase drugs are known to provoke fasciculations (S30), which makes cramps plausible; no study measuring cramps was read.',
  citations: [SOURCES.S30],
  knowledgeBaseRows: ['A14'],
  parameters: PARAMETERS,
  needs: [...MEDICATION_NEEDS, ...CONDITION_NEEDS],
  criteria: withSupport(
    activeMedicationIn([CHOLINESTERASE_INHIBITORS], { what: 'a cholinesterase inhibitor' }),
    drugStartedBeforeCramps([CHOLINESTERASE_INHIBITORS], PARAMETERS.crampTimelineWindow),
  ),
  summary: {
    flagged: (r) => `On a cholinesterase inhibitor (${r.facts.drug}): can cause muscle twitching or cramps (low-grade evidence)`,
    notFlagged: 'No cholinesterase inhibitor in use',
    insufficient: medicationInsufficient('Cholinesterase inhibitor use could not be checked'),
  },
  detail: (r) =>
    [
      'Cholinesterase inhibitors (for myasthenia or dementia) increase acetylcholine at the neuromuscular junction and can provoke fasciculations (S30); cramps are a plausible effect but the evidence is weak (grade C).',
      describeCrampTimeline(r),
    ].filter(Boolean).join(' '),
  nextStep: 'Prescriber review of the drug and dose.',
  handoutSections: ['drug-cholinesterase-inhibitor'],
});
