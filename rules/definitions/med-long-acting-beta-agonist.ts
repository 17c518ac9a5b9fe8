/**
 * med-long-acting-beta-agonist — knowledge base row A5.
 *
 * Salmeterol, formoterol, arformoterol, indacaterol, olodaterol or vilanterol, alone or in a
 * combination inhaler (Advair/Seretide, Symbicort, Breo, Anoro, Trelegy, Stiolto ...), active or
 * recently dispensed. The largest signal in Garrison 2012 (S3). An inhaled corticosteroid alone
 * (a fluticasone inhaler, RxNorm 895994) is not a LABA; fluticasone + salmeterol (896209) is.
 * Inhaled anticholinergics alone were Garrison's negative control and do not count.
 *
 * A drug first recorded in the 12 months before the first recorded cramp complaint is pointed out
 * (Table A, temporal weighting); that never changes the outcome. The next step warns against
 * stopping a controller inhaler abruptly.
 */
import { LONG_ACTING_BETA_AGONISTS } from '../codes/medications/beta-agonists.js';
import { SOURCES } from '../codes/sources.js';
import { withSupport } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { medicationInsufficient } from '../engine/primitives/medication-summary.js';
import { CRAMP_TIMELINE_WINDOW, describeCrampTimeline, drugStartedBeforeCramps } from '../engine/primitives/cramp-timeline.js';
import { activeMedicationIn } from '../engine/primitives/medication.js';
import { CONDITION_NEEDS, MEDICATION_NEEDS, MEDICATION_PARAMETERS } from '../engine/shared-parameters.js';

const PARAMETERS = { ...MEDICATION_PARAMETERS, crampTimelineWindow: CRAMP_TIMELINE_WINDOW } as const;

export const rule = defineRule({
  id: 'med-long-acting-beta-agonist',
  version: '1.0.0',
  title: 'Long-acting beta-2 agonist inhaler (LABA)',
  family: 'med',
  redFlag: false,
  grade: 'A',
  evidenceStatement:
    'In a sequence-symmetry analysis of 4.2 million people aged 50 or more, new LABA use preceded cramp treatment more often than followed it (adjusted sequence ratio 2.42, 95% CI 2.02–2.89; LABA alone 2.17, LABA with an inhaled corticosteroid 2.55): the largest signal in the study. Inhaled anticholinergics, the negative control, showed none (S3). An association, not proof of cause.',
  citations: [SOURCES.S3],
  knowledgeBaseRows: ['A5'],
  parameters: PARAMETERS,
  needs: [...MEDICATION_NEEDS, ...CONDITION_NEEDS],
  criteria: withSupport(
    activeMedicationIn([LONG_ACTING_BETA_AGONISTS], { what: 'a long-acting beta-2 agonist' }),
    drugStartedBeforeCramps([LONG_ACTING_BETA_AGONISTS], PARAMETERS.crampTimelineWindow),
  ),
  summary: {
    flagged: (r) => `On a long-acting beta-agonist (${r.facts.drug}): the strongest drug link to night cramps in a large study`,
    notFlagged: 'No long-acting beta-agonist inhaler in use',
    insufficient: medicationInsufficient('Long-acting beta-agonist use could not be checked'),
  },
  detail: (r) =>
    [
      'Long-acting beta-2 agonists, alone or combined with an inhaled corticosteroid or a long-acting antimuscarinic, had the largest association with starting cramp treatment in Garrison 2012 (aSR 2.42; S3). The inhaler may still be the right treatment: this is a question for review, not a reason to stop.',
      describeCrampTimeline(r),
    ].filter(Boolean).join(' '),
  nextStep: 'Review with the prescriber or respiratory clinician whether another controller would suit. Never stop a controller inhaler abruptly.',
  handoutSections: ['drug-long-acting-inhaler'],
});
