/** "Prefix: a, b, c (+2 more)" within the card summary limit, dropping names from the end. */
import { CARD_SUMMARY_MAX } from './card.js';

export function fitNames(prefix: string, names: readonly string[], max = CARD_SUMMARY_MAX): string {
  for (let n = names.length; n >= 1; n--) {
    const more = names.length - n;
    const text = `${prefix}${names.slice(0, n).join(', ')}${more ? ` (+${more} more)` : ''}`;
    if (text.length <= max) return text;
  }
  return prefix.replace(/[:\s]+$/, '');
}
