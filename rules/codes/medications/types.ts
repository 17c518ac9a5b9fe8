/**
 * How a drug class is written down: its ingredients (RxNorm names, with the INN and brand names
 * that real records use), their RxNorm ingredient codes and ATC codes, and class-level ATC prefixes.
 *
 * Every code carries its verification marker from the knowledge base (✅ primary source,
 * ◐ secondary source or seen in the Synthea corpus, ⚠️ not verified) and where it came from,
 * so a reviewer sees at once which codes still need checking against RxNav and the WHO ATC index.
 */
import type { Verification } from '../../engine/types.js';

export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const ATC = 'http://www.whocc.no/atc';

export interface DrugCode {
  readonly code: string;
  readonly marker: Verification;
  readonly source: string;
}

export interface IngredientDef {
  /** RxNorm ingredient name, lower case (US names: albuterol, not salbutamol). */
  readonly name: string;
  /** Other names in real records: INN, salt forms, lay names, known misspellings. Lower case. */
  readonly synonyms?: readonly string[];
  /** Single-ingredient brand names. Lower case. */
  readonly brands?: readonly string[];
  /** RxNorm ingredient (IN) code. */
  readonly rxcui?: DrugCode;
  /** RxNorm precise-ingredient (PIN) codes for salt forms (naproxen sodium), when records use them. */
  readonly preciseRxcuis?: readonly DrugCode[];
  readonly atc?: readonly DrugCode[];
}

export interface MedicationClass {
  readonly id: string;
  /** Clinician's name for the class. */
  readonly name: string;
  readonly ingredients: readonly IngredientDef[];
  /**
   * ATC codes or prefixes that mean "in this class" even when the ingredient is not listed
   * (e.g. C10AA for any statin). Combination codes that also contain other classes are fine.
   */
  readonly atcPrefixes: readonly DrugCode[];
  /** Only systemic use counts (oral, injected): topical, inhaled, nasal, eye and ear forms do not. */
  readonly systemicOnly?: boolean;
}

export const drugCode = (code: string, marker: Verification, source: string): DrugCode => ({ code, marker, source });
