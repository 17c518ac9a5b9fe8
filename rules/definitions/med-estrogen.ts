/**
 * med-estrogen — knowledge base row A9.
 *
 * Any estrogen: conjugated estrogens, estradiol (including estradiol valerate in Natazia),
 * ethinyl estradiol and mestranol, in hormone therapy and in combined contraceptives (pills,
 * the NuvaRing ring, the ethinyl estradiol/norelgestromin patch). Pack and brand names hide the
 * ingredient (Trinessa, Ortho Tri-Cyclen, Levora, Seasonique, Yaz, Natazia, Estrostep Fe,
 * Norinyl 1+50, Enovid): the RxNorm product codes and the brand list resolve them.
 * Progestin-only products do not count: Camila, Errin, Jolivette, the Mirena, Kyleena and Liletta
 * intrauterine systems, the etonogestrel implant and medroxyprogesterone injections.
 *
 * Grade B/C: the AAFP review lists conjugated estrogens (S1); Mayo lists oral contraceptives
 * (S28). Estrogens also raise the risk of venous thromboembolism, so the next step reminds that
 * a persistent one-sided calf pain needs DVT excluded (the redflag-vte-risk rule raises the flag).
 * A drug first recorded in the 12 months before the first recorded cramp complaint is pointed out
 * (temporal weighting), never changing the outcome.
 */
import { ESTROGENS } from '../codes/medications/hormones.js';
import { SOURCES } from '../codes/sources.js';
import { withSupport } from '../engine/criterion.js';
import { defineRule } from '../engine/define-rule.js';
import { medicationInsufficient } from '../engine/primitives/medication-summary.js';
import { CRAMP_TIMELINE_WINDOW, describeCrampTimeline, drugStartedBeforeCramps } from '../engine/primitives/cramp-timeline.js';
import { activeMedicationIn } from '../engine/primitives/medication.js';
import { CONDITION_NEEDS, MEDICATION_NEEDS, MEDICATION_PARAMETERS } from '../engine/shared-parameters.js';

const PARAMETERS = { ...MEDICATION_PARAMETERS, crampTimelineWindow: CRAMP_TIMELINE_WINDOW } as const;

export const rule = defineRule({
  id: 'med-estrogen',
  version: '1.0.0',
  title: 'Estrogen, including combined hormonal contraception',
  family: 'med',
  redFlag: false,
  grade: 'B/C',
  evidenceStatement:
    'The AAFP review lists conjugated estrogens among the drugs most strongly associated with leg cramps (S1), and Mayo Clinic lists oral contraceptives (S28). Not studied by Garrison (S3); the evidence is a ranking in reviews, not a measured risk.',
  citations: [SOURCES.S1, SOURCES.S28],
  knowledgeBaseRows: ['A9'],
  parameters: PARAMETERS,
  needs: [...MEDICATION_NEEDS, ...CONDITION_NEEDS],
  criteria: withSupport(
    activeMedicationIn([ESTROGENS], { what: 'an estrogen-containing medicine' }),
    drugStartedBeforeCramps([ESTROGENS], PARAMETERS.crampTimelineWindow),
  ),
  summary: {
    flagged: (r) => `On an estrogen-containing medicine (${r.facts.drug}): linked to cramps; also raises clot risk`,
    notFlagged: 'No estrogen-containing medicine in use (progestin-only methods do not count)',
    insufficient: medicationInsufficient('Estrogen use could not be checked'),
  },
  detail: (r) =>
    [
      'Estrogens, including those in combined pills, patches and rings, appear on review lists of cramp-associated drugs (S1, S28). They also raise the risk of deep-vein thrombosis, which can be mistaken for a cramp. Progestin-only methods carry neither listing and are not flagged.',
      describeCrampTimeline(r),
    ].filter(Boolean).join(' '),
  nextStep:
    'Prescriber review of the hormone. Estrogens raise VTE risk: a persistent one-sided calf pain, or a swollen, warm calf, needs DVT excluded the same day before it is called a cramp.',
  handoutSections: ['drug-hormones'],
});
