/** Condition rules (`cond-`), in catalogue order. */
import type { RuleDefinition } from '../engine/types.js';
import { rule as condAlcoholUseDisorder } from './cond-alcohol-use-disorder.js';
import { rule as condChronicKidneyDisease } from './cond-chronic-kidney-disease.js';
import { rule as condCirrhosis } from './cond-cirrhosis.js';
import { rule as condCodedElectrolyteDisorder } from './cond-coded-electrolyte-disorder.js';
import { rule as condDehydration } from './cond-dehydration.js';
import { rule as condDiabetes } from './cond-diabetes.js';
import { rule as condDialysis } from './cond-dialysis.js';
import { rule as condFlatFeet } from './cond-flat-feet.js';
import { rule as condLumbarRadiculopathy } from './cond-lumbar-radiculopathy.js';
import { rule as condMalabsorption } from './cond-malabsorption.js';
import { rule as condMotorNeuronDisease } from './cond-motor-neuron-disease.js';
import { rule as condMultipleSclerosis } from './cond-multiple-sclerosis.js';
import { rule as condMyopathy } from './cond-myopathy.js';
import { rule as condParathyroidDisease } from './cond-parathyroid-disease.js';
import { rule as condParkinsonism } from './cond-parkinsonism.js';
import { rule as condPeripheralArterialDisease } from './cond-peripheral-arterial-disease.js';
import { rule as condPeripheralNeuropathy } from './cond-peripheral-neuropathy.js';
import { rule as condPostPolio } from './cond-post-polio.js';
import { rule as condPregnancy } from './cond-pregnancy.js';
import { rule as condThyroidDisease } from './cond-thyroid-disease.js';
import { rule as condVaricoseVeins } from './cond-varicose-veins.js';

export const CONDITION_RULES: readonly RuleDefinition[] = [
  condPregnancy,
  condCirrhosis,
  condDialysis,
  condChronicKidneyDisease,
  condPeripheralArterialDisease,
  condVaricoseVeins,
  condLumbarRadiculopathy,
  condPeripheralNeuropathy,
  condDiabetes,
  condThyroidDisease,
  condParathyroidDisease,
  condMotorNeuronDisease,
  condMultipleSclerosis,
  condParkinsonism,
  condMyopathy,
  condPostPolio,
  condMalabsorption,
  condAlcoholUseDisorder,
  condFlatFeet,
  condCodedElectrolyteDisorder,
  condDehydration,
];
