/**
 * Text matching for names in free text (drug names, condition names): whole words and phrases
 * only, after one normalisation applied to both sides.
 */

/** Lower-case, strip accents and punctuation, one space between words: "Lo/Ovral" → "lo ovral". */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** True when `phrase` (already normalised) occurs in `normalisedText` as whole words. */
export function containsPhrase(normalisedText: string, phrase: string): boolean {
  if (!phrase) return false;
  return ` ${normalisedText} `.includes(` ${phrase} `);
}
