/**
 * Lookup tables built once from the drug-class files: RxNorm code → ingredients, ATC code →
 * ingredient, and a dictionary of names (ingredient, synonym, brand) → ingredients for free text.
 */
import { COMBINATION_BRANDS } from '../codes/medications/combination-brands.js';
import { LOCAL_USE_BRANDS } from '../codes/medications/local-use-brands.js';
import { MEDICATION_CLASSES } from '../codes/medications/index.js';
import { RXNORM_PRODUCTS } from '../codes/medications/products.js';
import type { MedicationClass } from '../codes/medications/types.js';
import { normaliseText } from './text.js';


export interface MedicationIndex {
  /** RxNorm product or ingredient code → ingredient names. */
  readonly ingredientsByRxcui: ReadonlyMap<string, readonly string[]>;
  /** Exact ATC code → ingredient names (class prefixes are matched separately). */
  readonly ingredientsByAtc: ReadonlyMap<string, readonly string[]>;
  /** Normalised name (ingredient, synonym, brand) → ingredient names. */
  readonly ingredientsByTerm: ReadonlyMap<string, readonly string[]>;
  /** The longest term, in words, for the n-gram scan. */
  readonly maxTermWords: number;
  /** RxNorm product code → the product's text, whose dose-form words tell local from systemic use. */
  readonly productTextByRxcui: ReadonlyMap<string, string>;
  /** Normalised brand names of locally used products (inhalers, nasal sprays). */
  readonly localUseTerms: ReadonlySet<string>;
  /** Ingredient name → ids of the classes that contain it. */
  readonly classesByIngredient: ReadonlyMap<string, readonly string[]>;
  readonly classes: ReadonlyMap<string, MedicationClass>;
}

function add(map: Map<string, string[]>, key: string, value: string) {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

export function buildMedicationIndex(classes: readonly MedicationClass[] = MEDICATION_CLASSES): MedicationIndex {
  const byRxcui = new Map<string, string[]>();
  const byAtc = new Map<string, string[]>();
  const byTerm = new Map<string, string[]>();
  const classesByIngredient = new Map<string, string[]>();

  for (const cls of classes) {
    for (const ing of cls.ingredients) {
      add(classesByIngredient, ing.name, cls.id);
      for (const rx of [...(ing.rxcui ? [ing.rxcui] : []), ...(ing.preciseRxcuis ?? [])]) add(byRxcui, rx.code, ing.name);
      for (const atc of ing.atc ?? []) add(byAtc, atc.code.toUpperCase(), ing.name);
      for (const term of [ing.name, ...(ing.synonyms ?? []), ...(ing.brands ?? [])]) add(byTerm, normaliseText(term), ing.name);
    }
  }
  const productText = new Map<string, string>();
  for (const product of RXNORM_PRODUCTS) {
    productText.set(product.rxcui, product.text);
    for (const ing of product.ingredients) add(byRxcui, product.rxcui, ing);
  }
  for (const [brand, ingredients] of Object.entries(COMBINATION_BRANDS)) {
    for (const ing of ingredients) add(byTerm, normaliseText(brand), ing);
  }
  let maxTermWords = 1;
  for (const term of byTerm.keys()) maxTermWords = Math.max(maxTermWords, term.split(' ').length);

  return {
    ingredientsByRxcui: byRxcui,
    ingredientsByAtc: byAtc,
    ingredientsByTerm: byTerm,
    maxTermWords,
    productTextByRxcui: productText,
    localUseTerms: new Set(LOCAL_USE_BRANDS.map(normaliseText)),
    classesByIngredient,
    classes: new Map(classes.map((c) => [c.id, c])),
  };
}

let defaultIndex: MedicationIndex | undefined;

/** The index over every class the rules use, built on first use. */
export function medicationIndex(): MedicationIndex {
  defaultIndex ??= buildMedicationIndex();
  return defaultIndex;
}
