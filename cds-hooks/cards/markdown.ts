/**
 * Card details are GitHub-Flavored Markdown (CDS Hooks 2.0, Card `detail`), and every string that
 * comes from FHIR is hostile: a drug called `[Click](javascript:…)` or `![x](https://tracker/…)`, a
 * display holding `<img onerror=…>`, a bare `www.example.com` (GFM turns it into a link by itself), a
 * line break that starts a heading. `escapeMarkdown` makes such a string plain text in any GFM
 * renderer: control characters and line breaks become spaces, and every ASCII punctuation character
 * is backslash-escaped, which GFM defines as "the literal character" for all of them
 * (https://github.github.com/gfm/#backslash-escapes). That also breaks up `www.` and `http://` so
 * the extended autolinks cannot match, and `&` so no entity is decoded.
 */

/** C0/C1 controls and the Unicode bidirectional and zero-width formatting characters. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/g;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** The longest piece of FHIR text a card repeats. */
export const MAX_FHIR_TEXT = 120;

export function escapeMarkdown(text: unknown, max = MAX_FHIR_TEXT): string {
  const flat = String(text ?? '').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  const cut = flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
  return cut.replace(ASCII_PUNCTUATION, '\\$&');
}

/** One line of plain text from FHIR for a field that is not Markdown (a label, a description). */
export function plainText(text: unknown, max = MAX_FHIR_TEXT): string {
  const flat = String(text ?? '').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}
