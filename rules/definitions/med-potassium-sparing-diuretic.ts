/**
 * med-potassium-sparing-diuretic — knowledge base row A1.
 *
 * Spironolactone, eplerenone, amiloride or triamterene, alone or in combination (Triampur,
 * Aldactazide, Moduretic), active or recently dispensed. The strongest diuretic signal in
 * Garrison 2012's sequence-symmetry analysis. Potassium supplements are not suggested: with these
 * drugs they risk hyperkalaemia.
 */
import { POTASSIUM_SPARING_DIURETICS } from '../codes/medications/diuretics.js';
import { SOURCES } from '../codes/sources.js';
import { defineRule } from '../engine/define-rule.js';
import { activeMedicationIn } from '../engine/primitives/medication.js';
import { MEDICATION_NEEDS, MEDICATION_PARAMETERS } from '../engine/shared-parameters.js';

export const rule = defineRule({
  id: 'med-potassium-sparing-diuretic',
  version: '1.0.0',
  title: 'Potassium-sparing diuretic',
  family: 'med',
  redFlag: false,
  grade: 'A',
  evidenceStatement:
    'In a population sequence-symmetry analysis of 4.2 million people aged 50 or more, new potassium-sparing diuretic use preceded cramp treatment more often than followed it (adjusted sequence ratio 2.12, 95% CI 1.61–2.78): the strongest diuretic signal (S3). An association, not proof of cause.',
  citations: [SOURCES.S3],
  knowledgeBaseRows: ['A1'],
  parameters: { ...MEDICATION_PARAMETERS },
  needs: MEDICATION_NEEDS,
  criteria: activeMedicationIn([POTASSIUM_SPARING_DIURETICS], { what: 'a potassium-sparing diuretic' }),
  summary: {
    flagged: (r) => `On a potassium-sparing diuretic (${r.facts.drug}): strongest diuretic link to night cramps`,
    notFlagged: 'No potassium-sparing diuretic in use',
    insufficient: 'Potassium-sparing diuretic use could not be checked',
  },
  detail:
    'Spironolactone, eplerenone, amiloride and triamterene were the diuretics most strongly associated with starting cramp treatment (aSR 2.12; S3). The drug is often essential (heart failure, hyperaldosteronism, resistant hypertension), so the question is whether it is still needed and whether an alternative exists.',
  nextStep:
    'Prescriber review: is it still needed, is there an alternative? Check potassium, magnesium, sodium and kidney function. Do not add potassium supplements without checking potassium and eGFR (hyperkalaemia risk).',
  handoutSections: ['drug-potassium-sparing-diuretic'],
});
