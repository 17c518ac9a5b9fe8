/**
 * Spanish readability, for the handout's plain-language check (issue 6 point 3). Syllables come
 * from `silabea` (Spanish syllable splitting); the formulas are written here.
 *
 * Primary: Fernández-Huerta (1959), an adaptation of Flesch's Reading Ease to Spanish, in the
 * corrected form (Law G., "Error in the Fernandez Huerta readability formula", LINGUIST List
 * 22.2332, 2011, http://linguistlist.org/issues/22/22-2332.html; the published form used
 * sentences per 100 words where Flesch uses words per sentence):
 *     L = 206.84 − 60 × (syllables / words) − 1.02 × (words / sentences)
 * Grade mapping, Fernández Huerta's own scale (as tabulated by A. Muñoz Fernández,
 * https://legible.es/blog/lecturabilidad-fernandez-huerta/, citing Fernández Huerta J., "Medidas
 * sencillas de lecturabilidad", Consigna 1959;214:29-32):
 *     90–100 very easy, 4th grade · 80–90 easy, 5th · 70–80 fairly easy, 6th ·
 *     60–70 normal (adult), 7th–8th · 50–60 fairly difficult, pre-university ·
 *     30–50 difficult · 0–30 very difficult, university.
 * So "grade 6 or below" is L ≥ 70.
 *
 * Cross-check: Szigriszt-Pazos perspicuity (1993), read on the INFLESZ scale (Barrio-Cantalejo
 * I.M. et al., "Validación de la Escala INFLESZ para evaluar la legibilidad de los textos
 * dirigidos a pacientes", An Sist Sanit Navar 2008;31(2):135-152):
 *     P = 206.835 − 62.3 × (syllables / words) − (words / sentences)
 *     below 40 very difficult · 40–55 somewhat difficult · 55–65 normal ·
 *     65–80 fairly easy (primary education) · 80 and above very easy.
 *
 * Words are runs of letters (digits and symbols are not words); sentences end at . ! ? or …
 * (a text without one is one sentence).
 */
import silabea from 'silabea';

const WORD = /[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]+/g;
const SENTENCE_END = /[.!?…]+(?=\s|$)/;

export interface SpanishCounts {
  readonly words: number;
  readonly sentences: number;
  readonly syllables: number;
}

/** Vowel groups, the fallback if the splitter ever returns nothing for a word. */
function vowelGroups(word: string): number {
  return Math.max(1, (word.match(/[aeiouáéíóúü]+/gi) ?? []).length);
}

export function spanishSyllables(word: string): number {
  const lower = word.toLocaleLowerCase('es');
  const n = silabea.getSilabas(lower).numeroSilaba;
  return Number.isInteger(n) && n > 0 ? n : vowelGroups(lower);
}

export function spanishCounts(text: string): SpanishCounts {
  const words = text.match(WORD) ?? [];
  const sentences = text.split(SENTENCE_END).filter((s) => (s.match(WORD) ?? []).length > 0).length;
  return { words: words.length, sentences: Math.max(1, sentences), syllables: words.reduce((n, w) => n + spanishSyllables(w), 0) };
}

export function fernandezHuerta(text: string): number {
  const c = spanishCounts(text);
  if (!c.words) return 100;
  return 206.84 - 60 * (c.syllables / c.words) - 1.02 * (c.words / c.sentences);
}

/** Fernández Huerta's score → the school grade on his scale (upper grade of a band). */
export function fernandezHuertaGrade(score: number): number {
  if (score >= 90) return 4;
  if (score >= 80) return 5;
  if (score >= 70) return 6;
  if (score >= 60) return 8;
  if (score >= 50) return 12;
  if (score >= 30) return 14;
  return 16;
}

export function szigrisztPazos(text: string): number {
  const c = spanishCounts(text);
  if (!c.words) return 100;
  return 206.835 - 62.3 * (c.syllables / c.words) - c.words / c.sentences;
}

export type InfleszBand = 'very difficult' | 'somewhat difficult' | 'normal' | 'fairly easy' | 'very easy';

export function infleszBand(score: number): InfleszBand {
  if (score < 40) return 'very difficult';
  if (score < 55) return 'somewhat difficult';
  if (score < 65) return 'normal';
  if (score < 80) return 'fairly easy';
  return 'very easy';
}
