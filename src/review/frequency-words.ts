/**
 * The frequency calculator's result in words (knowledge base section 7), for the result box under
 * the calculator and for the review summary: one source of the band names and what each suggests.
 */
import type { FrequencyBand, FrequencyResult } from '../frequency/frequency-band.js';

export const BAND_WORDS: Readonly<Record<FrequencyBand, { readonly label: string; readonly action: string }>> = {
  rare: { label: 'Rare', action: 'reassurance and the self-care handout.' },
  infrequent: { label: 'Infrequent', action: 'self-care; still act on the medicines and labs above: a drug cause can be fixed at any frequency.' },
  frequent: { label: 'Frequent', action: 'clinician review of the causes.' },
  'prompt-review': { label: 'Prompt review', action: 'review the causes promptly; consider an organic cause.' },
};

/** Two decimals at most: one decimal could show 4.33 a month (weekly) and 4.29 alike as "4.3". */
export const frequencyNumber = (n: number): string => String(Number(n.toFixed(2)));

/**
 * One line for the summary: "About 1.5 cramps a month: infrequent (1 to 2 a month)", with the
 * override when red flags fired; undefined when nothing was entered.
 */
export function frequencyLine(result: FrequencyResult | undefined, redFlagsFired: boolean): string | undefined {
  if (!result || (result.monthlyMean === null && !result.band)) return undefined;
  const mean = result.monthlyMean === null ? '' : `About ${frequencyNumber(result.monthlyMean)} cramp${result.monthlyMean === 1 ? '' : 's'} a month`;
  const band = result.band ? `${BAND_WORDS[result.band].label.toLowerCase()} (${result.reasons.join('; ')})` : '';
  const line = mean && band ? `${mean}: ${band}` : mean || `${band.charAt(0).toUpperCase()}${band.slice(1)}`;
  return redFlagsFired ? `${line}. Red flags override the band.` : `${line}.`;
}
