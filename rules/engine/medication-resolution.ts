/**
 * What is in a medication: its ingredients, read from codes first and text second.
 *
 * 1. RxNorm codes at any level (ingredient, clinical drug, branded drug, pack) that the index
 *    knows give the ingredients directly, and the text is not read: a misspelled display
 *    ("Simvistatin 10 MG") cannot hide a drug, and a brand name cannot add a wrong one.
 * 2. ATC codes give an ingredient when exact, and a class when they fall under a class prefix.
 * 3. Otherwise the free text (CodeableConcept.text, displays, Medication.ingredient names) is
 *    scanned for ingredient names, synonyms and brand names, whole words only, so
 *    "hydroxychloroquine" is not quinine and "Estrostep Fe" is not intravenous iron.
 *
 * A code counts only when it is well formed for its system (rule catalogue, second round; see
 * code-systems.ts): an ATC "code" such as `C03AA03XYZ` would otherwise fall under the thiazide
 * prefix `C03AA`. A coding that is not a code is read like no coding, so the text still is.
 */
import type { CodingRef, MedicationUse } from './record.js';
import { isAtc, isRxNorm, isWellFormedAtc, isWellFormedRxNorm } from './code-systems.js';
import { medicationIndex, type MedicationIndex } from './medication-index.js';
import { normaliseText } from './text.js';
import type { MedicationClass } from '../codes/medications/types.js';

export type MatchBasis =
  | { readonly by: 'rxnorm-code'; readonly code: string; readonly display?: string }
  | { readonly by: 'atc-code'; readonly code: string; readonly display?: string }
  | { readonly by: 'text'; readonly term: string };

export interface ResolvedMedication {
  /** Ingredient name → how it was recognised. */
  readonly ingredients: ReadonlyMap<string, MatchBasis>;
  /** ATC codes on the medication, upper case. */
  readonly atcCodes: readonly CodingRef[];
  /** The form or route says topical, inhaled, nasal, eye, ear or rectal use. */
  readonly localUse: boolean;
}


/** Words in a form, route or product name that mean the drug is used locally, not systemically. */
const LOCAL_USE_WORDS = new Set([
  'topical', 'cream', 'ointment', 'lotion', 'gel', 'foam', 'shampoo', 'paste', 'cutaneous', 'dermal',
  'inhaler', 'inhalant', 'inhalation', 'inhaled', 'inhal', 'actuat', 'metered', 'nebulizer', 'nebuliser',
  'nebulized', 'nebulised', 'respiratory', 'nasal', 'intranasal', 'ophthalmic', 'eye', 'otic', 'ear',
  'rectal', 'enema', 'suppository', 'intravitreal', 'irrigation', 'mouthwash', 'dental',
]);

function scanTerms(text: string, index: MedicationIndex, into: Map<string, MatchBasis>) {
  const words = normaliseText(text).split(' ').filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    let phrase = '';
    for (let n = 0; n < index.maxTermWords && i + n < words.length; n++) {
      phrase = n === 0 ? words[i]! : `${phrase} ${words[i + n]}`;
      const found = index.ingredientsByTerm.get(phrase);
      if (found) for (const ing of found) if (!into.has(ing)) into.set(ing, { by: 'text', term: phrase });
    }
  }
}

/** A dose-form or route word ("inhaler", "topical"), or the brand of a locally used product ("Symbicort"). */
function indicatesLocalUse(texts: readonly string[], index: MedicationIndex): boolean {
  for (const t of texts) {
    const words = normaliseText(t).split(' ');
    for (let i = 0; i < words.length; i++) {
      if (LOCAL_USE_WORDS.has(words[i]!)) return true;
      if (index.localUseTerms.has(words[i]!) || (i + 1 < words.length && index.localUseTerms.has(`${words[i]} ${words[i + 1]}`))) return true;
    }
  }
  return false;
}

export function resolveMedication(med: MedicationUse, index: MedicationIndex = medicationIndex()): ResolvedMedication {
  const ingredients = new Map<string, MatchBasis>();
  const atcCodes: CodingRef[] = [];
  /** Texts of products known by code: read for dose form only, never for ingredients. */
  const productTexts: string[] = [];
  let knownCode = false;

  for (const coding of [...med.codings, ...med.ingredientCodings]) {
    if (isRxNorm(coding.system)) {
      if (!isWellFormedRxNorm(coding.code)) continue;
      const found = index.ingredientsByRxcui.get(coding.code.trim());
      const productText = index.productTextByRxcui.get(coding.code.trim());
      if (productText) productTexts.push(productText);
      if (found) {
        knownCode = true;
        for (const ing of found) if (!ingredients.has(ing)) ingredients.set(ing, { by: 'rxnorm-code', code: coding.code, ...(coding.display ? { display: coding.display } : {}) });
      }
    } else if (isAtc(coding.system)) {
      if (!isWellFormedAtc(coding.code)) continue;
      const code = coding.code.trim().toUpperCase();
      atcCodes.push({ ...coding, code });
      const found = index.ingredientsByAtc.get(code);
      if (found) {
        knownCode = true;
        for (const ing of found) if (!ingredients.has(ing)) ingredients.set(ing, { by: 'atc-code', code, ...(coding.display ? { display: coding.display } : {}) });
      }
    }
  }

  const texts = [med.text, ...med.codings.map((c) => c.display), ...med.ingredientTexts].filter((t): t is string => !!t);
  if (!knownCode) for (const t of texts) scanTerms(t, index, ingredients);

  return { ingredients, atcCodes, localUse: indicatesLocalUse([...texts, ...productTexts, ...med.formTexts], index) };
}

export type ClassMatch =
  | { readonly matched: true; readonly ingredient?: string; readonly basis: MatchBasis }
  | { readonly matched: false; readonly excludedAsLocal?: boolean };

/** Is a resolved medication in a class? By ingredient first, then by ATC class prefix. */
export function matchClass(resolved: ResolvedMedication, cls: MedicationClass): ClassMatch {
  let hit: ClassMatch = { matched: false };
  for (const ing of cls.ingredients) {
    const basis = resolved.ingredients.get(ing.name);
    if (basis) {
      hit = { matched: true, ingredient: ing.name, basis };
      break;
    }
  }
  if (!hit.matched) {
    for (const atc of resolved.atcCodes) {
      if (cls.atcPrefixes.some((p) => atc.code.startsWith(p.code.toUpperCase()))) {
        hit = { matched: true, basis: { by: 'atc-code', code: atc.code, ...(atc.display ? { display: atc.display } : {}) } };
        break;
      }
    }
  }
  if (hit.matched && cls.systemicOnly && resolved.localUse) return { matched: false, excludedAsLocal: true };
  return hit;
}
