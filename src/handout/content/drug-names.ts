/**
 * Drug names as a patient reads them, per language. The input is always one of the engine's own
 * ingredient names (rules/codes/medications, lower-case RxNorm names), never text from the record.
 * Spanish uses the Spanish international nonproprietary names (DCI) where they differ; a name not
 * listed here is printed as the engine spells it, which is the generic name the label carries.
 */
import type { Language } from '../language.js';

/** Names the engine lists under a longer or salt form, as a patient knows them. */
const SHORT_NAMES: Readonly<Record<string, string>> = {
  'lithium carbonate': 'lithium',
  'lithium citrate': 'lithium',
  'estrogens, conjugated (usp)': 'conjugated estrogens',
  'estrogens, esterified (usp)': 'esterified estrogens',
  'sodium ferric gluconate complex': 'ferric gluconate',
  'intravenous iron': 'iron',
};

const SPANISH: Readonly<Record<string, string>> = {
  spironolactone: 'espironolactona',
  eplerenone: 'eplerenona',
  amiloride: 'amilorida',
  triamterene: 'triamtereno',
  hydrochlorothiazide: 'hidroclorotiazida',
  chlorthalidone: 'clortalidona',
  indapamide: 'indapamida',
  metolazone: 'metolazona',
  chlorothiazide: 'clorotiazida',
  bendroflumethiazide: 'bendroflumetiazida',
  methyclothiazide: 'meticlotiazida',
  furosemide: 'furosemida',
  bumetanide: 'bumetanida',
  torsemide: 'torasemida',
  'ethacrynic acid': 'ácido etacrínico',
  acetazolamide: 'acetazolamida',
  methazolamide: 'metazolamida',
  albuterol: 'salbutamol',
  levalbuterol: 'levosalbutamol',
  terbutaline: 'terbutalina',
  simvastatin: 'simvastatina',
  lovastatin: 'lovastatina',
  pravastatin: 'pravastatina',
  fluvastatin: 'fluvastatina',
  atorvastatin: 'atorvastatina',
  rosuvastatin: 'rosuvastatina',
  pitavastatin: 'pitavastatina',
  'ethinyl estradiol': 'etinilestradiol',
  'conjugated estrogens': 'estrógenos conjugados',
  'esterified estrogens': 'estrógenos esterificados',
  raloxifene: 'raloxifeno',
  teriparatide: 'teriparatida',
  naproxen: 'naproxeno',
  nifedipine: 'nifedipino',
  amlodipine: 'amlodipino',
  felodipine: 'felodipino',
  isradipine: 'isradipino',
  nicardipine: 'nicardipino',
  nimodipine: 'nimodipino',
  nisoldipine: 'nisoldipino',
  nitrendipine: 'nitrendipino',
  lercanidipine: 'lercanidipino',
  clevidipine: 'clevidipino',
  neostigmine: 'neostigmina',
  pyridostigmine: 'piridostigmina',
  donepezil: 'donepezilo',
  galantamine: 'galantamina',
  rivastigmine: 'rivastigmina',
  tacrine: 'tacrina',
  penicillamine: 'penicilamina',
  'aminocaproic acid': 'ácido aminocaproico',
  vincristine: 'vincristina',
  vinblastine: 'vinblastina',
  vinorelbine: 'vinorelbina',
  cisplatin: 'cisplatino',
  oxaliplatin: 'oxaliplatino',
  carboplatin: 'carboplatino',
  paclitaxel: 'paclitaxel',
  docetaxel: 'docetaxel',
  bortezomib: 'bortezomib',
  thalidomide: 'talidomida',
  eribulin: 'eribulina',
  ixabepilone: 'ixabepilona',
  imatinib: 'imatinib',
  acebutolol: 'acebutolol',
  cimetidine: 'cimetidina',
  lithium: 'litio',
  prednisone: 'prednisona',
  prednisolone: 'prednisolona',
  methylprednisolone: 'metilprednisolona',
  dexamethasone: 'dexametasona',
  hydrocortisone: 'hidrocortisona',
  cortisone: 'cortisona',
  betamethasone: 'betametasona',
  triamcinolone: 'triamcinolona',
  budesonide: 'budesonida',
  quinine: 'quinina',
  insulin: 'insulina',
  glipizide: 'glipizida',
  glyburide: 'glibenclamida',
  glimepiride: 'glimepirida',
  gliclazide: 'gliclazida',
  tolbutamide: 'tolbutamida',
  chlorpropamide: 'clorpropamida',
  tolazamide: 'tolazamida',
  levothyroxine: 'levotiroxina',
  liothyronine: 'liotironina',
  'ferric carboxymaltose': 'carboximaltosa férrica',
  'iron sucrose': 'hierro sacarosa',
  iron: 'hierro',
};

/** One ingredient as the patient reads it in this language. */
export function drugName(ingredient: string, language: Language): string {
  const short = SHORT_NAMES[ingredient] ?? ingredient;
  return language === 'es' ? (SPANISH[short] ?? short) : short;
}

/** "and"; in Spanish "e" before an /i/ sound ("furosemida e hidroclorotiazida"), as the RAE asks. */
function and(next: string, language: Language): string {
  if (language === 'en') return 'and';
  return /^h?[ií](?![aeiouáéó])/i.test(next) ? 'e' : 'y';
}

/** "furosemide", "spironolactone and furosemide", "a, b and c"; duplicates after shortening once. */
export function drugList(ingredients: readonly string[], language: Language): string {
  return wordList([...new Set(ingredients.map((i) => drugName(i, language)))], language);
}

/** Words joined as a list in this language: "a", "a and b", "a, b and c". */
export function wordList(words: readonly string[], language: Language): string {
  if (words.length <= 1) return words[0] ?? '';
  const last = words[words.length - 1]!;
  return `${words.slice(0, -1).join(', ')} ${and(last, language)} ${last}`;
}
