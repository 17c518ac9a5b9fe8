/** Medication rules (`med-`) and the quinine safety rule (`safety-quinine`), in catalogue order. */
import type { RuleDefinition } from '../engine/types.js';
import { rule as medAminocaproicAcid } from './med-aminocaproic-acid.js';
import { rule as medCarbonicAnhydraseInhibitor } from './med-carbonic-anhydrase-inhibitor.js';
import { rule as medCholinesteraseInhibitor } from './med-cholinesterase-inhibitor.js';
import { rule as medCimetidine } from './med-cimetidine.js';
import { rule as medDihydropyridineCcb } from './med-dihydropyridine-ccb.js';
import { rule as medEstrogen } from './med-estrogen.js';
import { rule as medIsaBetaBlocker } from './med-isa-beta-blocker.js';
import { rule as medLithium } from './med-lithium.js';
import { rule as medLongActingBetaAgonist } from './med-long-acting-beta-agonist.js';
import { rule as medLoopDiuretic } from './med-loop-diuretic.js';
import { rule as medNaproxen } from './med-naproxen.js';
import { rule as medNeurotoxicChemotherapy } from './med-neurotoxic-chemotherapy.js';
import { rule as medParenteralIron } from './med-parenteral-iron.js';
import { rule as medPenicillamine } from './med-penicillamine.js';
import { rule as medPotassiumSparingDiuretic } from './med-potassium-sparing-diuretic.js';
import { rule as medRaloxifene } from './med-raloxifene.js';
import { rule as medShortActingBetaAgonist } from './med-short-acting-beta-agonist.js';
import { rule as medStatin } from './med-statin.js';
import { rule as medSystemicCorticosteroid } from './med-systemic-corticosteroid.js';
import { rule as medTeriparatide } from './med-teriparatide.js';
import { rule as medThiazideDiuretic } from './med-thiazide-diuretic.js';
import { rule as safetyQuinine } from './safety-quinine.js';

export const MEDICATION_RULES: readonly RuleDefinition[] = [
  medPotassiumSparingDiuretic,
  medThiazideDiuretic,
  medLoopDiuretic,
  medCarbonicAnhydraseInhibitor,
  medLongActingBetaAgonist,
  medShortActingBetaAgonist,
  medStatin,
  medParenteralIron,
  medEstrogen,
  medRaloxifene,
  medTeriparatide,
  medNaproxen,
  medDihydropyridineCcb,
  medCholinesteraseInhibitor,
  medPenicillamine,
  medAminocaproicAcid,
  medNeurotoxicChemotherapy,
  medIsaBetaBlocker,
  medCimetidine,
  medLithium,
  medSystemicCorticosteroid,
  safetyQuinine,
];
