/**
 * Plain text that pastes cleanly into any EHR's note field. Every string that reaches the note may
 * come from the record (a drug's display, a condition's text), so each is made into one safe line:
 * no line breaks or tabs of its own (a pasted note must keep the shape the app gave it), no
 * control characters, no bidirectional overrides (which can make a pasted line read differently
 * from what it holds: https://unicode.org/reports/tr9/#Explicit_Directional_Overrides), no runs of
 * spaces, and a length cap so one hostile value cannot swamp the note.
 */

/** Longest line the note keeps; longer ones end in an ellipsis. */
export const MAX_LINE_CHARS = 600;

// C0 and C1 controls, line and paragraph separators, bidi embeddings, overrides and isolates,
// zero-width characters and the BOM.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff]/g;

/** One line of note text from any string. */
export function plainLine(text: string, max = MAX_LINE_CHARS): string {
  const flat = text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  return `${[...flat].slice(0, max - 1).join('').trimEnd()}…`;
}

/** A sentence starts with a capital and ends with one full stop (or the mark it already has). */
export function sentence(text: string): string {
  const flat = plainLine(text);
  const t = flat.charAt(0).toUpperCase() + flat.slice(1);
  return !t || /[.?!…]$/.test(t) ? t : `${t}.`;
}

/** "a, b and c". */
export function wordList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The first `max` items, and "and N more" for the rest. */
export function capped(items: readonly string[], max: number, more: (n: number) => string): string[] {
  return items.length <= max ? [...items] : [...items.slice(0, max), more(items.length - max)];
}
