/**
 * med-statin — knowledge base row A7.
 *
 * Any HMG-CoA reductase inhibitor (atorvastatin, simvastatin, rosuvastatin, pravastatin,
 * lovastatin, fluvastatin, pitavastatin), alone or combined (Vytorin, Caduet), active or recently
 * dispensed. Matched by code before text, so the corpus's misspelled "Simvistatin 10 MG"
 * (RxNorm 316672) is still simvastatin.
 *
 * Grade B: Garrison 2012 found a small but significant signal (aSR 1.16, p = 0.004; S3). The
 * ACP Internist news summary said statins "were not found to increase risk"; that misreports the
 * abstract and must not be repeated (KB A7, S3b). Raised CK and rhabdomyolysis are separate
 * rules (lab-raised-ck, redflag-rhabdomyolysis). A statin first recorded in the 12 months before
 * the first recorded cramp complaint is pointed out (temporal weighting), never changing the outcome.
 */
import { STATINS } from '../codes/medications/statins.js';
import { SOURCES } from '../codes/sources.js';
import { withSupport } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { medicationInsufficient } from '../engine/primitives/medication-summary.js';
import { CRAMP_TIMELINE_WINDOW, describeCrampTimeline, drugStartedBeforeCramps } from '../engine/primitives/cramp-timeline.js';
import { activeMedicationIn } from '../engine/primitives/medication.js';
import { CONDITION_NEEDS, MEDICATION_NEEDS, MEDICATION_PARAMETERS } from '../engine/shared-parameters.js';

const PARAMETERS = { ...MEDICATION_PARAMETERS, crampTimelineWindow: CRAMP_TIMELINE_WINDOW } as const;

export const rule = defineRule({
  id: 'med-statin',
  version: '1.0.0',
  title: 'Statin',
  family: 'med',
  redFlag: false,
  grade: 'B',
  evidenceStatement:
    'New statin use preceded cramp treatment slightly more often than followed it (adjusted sequence ratio 1.16, 95% CI 1.04–1.29, p = 0.004): statistically significant but small (S3). BMJ Best Practice lists statins as a risk factor (S23).',
  citations: [SOURCES.S3, SOURCES.S23],
  knowledgeBaseRows: ['A7'],
  parameters: PARAMETERS,
  needs: [...MEDICATION_NEEDS, ...CONDITION_NEEDS],
  criteria: withSupport(
    activeMedicationIn([STATINS], { what: 'a statin' }),
    drugStartedBeforeCramps([STATINS], PARAMETERS.crampTimelineWindow),
  ),
  summary: {
    flagged: (r) => `On a statin (${r.facts.drug}): a small but significant link to night cramps`,
    notFlagged: 'No statin in use',
    insufficient: medicationInsufficient('Statin use could not be checked'),
  },
  detail: (r) =>
    [
      'Statins have a small, statistically significant association with starting cramp treatment (aSR 1.16; S3). Night cramps alone are not muscle damage; daytime muscle pain or weakness, or dark urine, point to statin myopathy and need a CK.',
      describeCrampTimeline(r),
    ].filter(Boolean).join(' '),
  nextStep: 'Ask about daytime muscle pain or weakness and dark urine; if present, check CK. A raised CK or significant symptoms need prescriber review.',
  handoutSections: ['drug-statin'],
});
