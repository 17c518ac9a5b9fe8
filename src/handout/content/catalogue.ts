/**
 * Every handout section's content, by section id. A test checks that each id the rules can name
 * (rules/codes/handout-sections.ts) has content here, in every language.
 */
import type { SectionId } from '../model.js';
import { CONDITION_SECTIONS } from './condition-sections.js';
import { CRAMP_DIARY, DIET, DURING_A_CRAMP, MEDICINES, PREVENTION } from './general.js';
import { LAB_SECTIONS } from './lab-sections.js';
import { MEDICINE_SECTIONS } from './medicine-sections.js';
import { CHILDREN, PREGNANCY, QUININE_WARNING } from './routes.js';
import type { SectionSpec } from './spec.js';
import { URGENT_HELP } from './urgent-help.js';

export const SECTION_SPECS: readonly SectionSpec[] = [
  URGENT_HELP,
  QUININE_WARNING,
  PREGNANCY,
  CHILDREN,
  ...MEDICINE_SECTIONS,
  ...LAB_SECTIONS,
  ...CONDITION_SECTIONS,
  DURING_A_CRAMP,
  PREVENTION,
  MEDICINES,
  DIET,
  CRAMP_DIARY,
];

export const SPEC_BY_ID: ReadonlyMap<SectionId, SectionSpec> = new Map(SECTION_SPECS.map((s) => [s.id, s]));

/**
 * When both sections of a pair are on the handout, the first is folded into the second, so the
 * patient does not read two near-identical sections (a triamterene + hydrochlorothiazide pill
 * fires both diuretic rules; dialysis and a low eGFR both speak about the kidneys). The rule ids
 * of the folded section move with it. The first matching pair wins.
 */
export const FOLDS: readonly (readonly [from: SectionId, into: SectionId])[] = [
  ['drug-thiazide-diuretic', 'drug-potassium-sparing-diuretic'],
  ['drug-loop-diuretic', 'drug-potassium-sparing-diuretic'],
  ['drug-loop-diuretic', 'drug-thiazide-diuretic'],
  ['blood-sugar', 'diabetes'],
  ['kidney', 'dialysis'],
];
