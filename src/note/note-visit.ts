/**
 * The parts of the chart note that come from the visit rather than the record: the checklist
 * answers, the cramp frequency and its band, the clinician's marks and reasons, and the handout.
 */
import { CHECKLIST_ITEM_LIST } from '../../rules/codes/checklist.js';
import type { ChecklistAnswer } from '../../rules/engine/record.js';
import type { FrequencyBand, FrequencyResult } from '../frequency/frequency-band.js';
import type { Language } from '../handout/language.js';
import type { ReviewEntry } from '../review/review-state.js';
import { plainLine, sentence, wordList } from './note-text.js';

/** The checklist as answered: what was reported, then what was denied, in the checklist's order. */
export function checklistLines(answers: Readonly<Record<string, ChecklistAnswer>>): string[] {
  const said = (a: ChecklistAnswer) => CHECKLIST_ITEM_LIST.filter((i) => answers[i.id] === a).map((i) => i.text);
  const yes = said('yes');
  const no = said('no');
  if (!yes.length && !no.length) return ['- No checklist questions were answered.'];
  return [...(yes.length ? [`- Reported: ${yes.join('; ')}.`] : []), ...(no.length ? [`- Denied: ${no.join('; ')}.`] : [])];
}

const BAND_WORDS: Record<FrequencyBand, string> = {
  rare: 'rare',
  infrequent: 'infrequent',
  frequent: 'frequent',
  'prompt-review': 'prompt review',
};

/** One decimal, without a trailing ".0": "about 1.5 cramps a month", "about 4 cramps a month". */
const perMonth = (n: number): string => {
  if (n === 0) return 'no cramps in the period entered';
  const rounded = Number(n.toFixed(1));
  if (rounded === 0) return 'fewer than 0.1 cramps a month';
  return `about ${rounded} cramp${rounded === 1 ? '' : 's'} a month`;
};

export function frequencyLine(result: FrequencyResult | undefined): string {
  if (!result || (result.monthlyMean === null && result.band === null)) return 'Cramp frequency: not recorded.';
  const mean = result.monthlyMean === null ? 'monthly count not entered' : perMonth(result.monthlyMean);
  const band = result.band ? `; band: ${BAND_WORDS[result.band]}${result.reasons.length ? ` (${result.reasons.join('; ')})` : ''}` : '';
  const override = result.overriddenByRedFlags ? ' Red flags override the band.' : '';
  return `Cramp frequency: ${plainLine(mean)}${plainLine(band)}.${override}`;
}

/** A clinician's mark in words: "relevant, discussed with the patient", "not relevant (reason: ...)". */
export function markText(e: ReviewEntry): string | undefined {
  const parts: string[] = [];
  if (e.relevance === 'relevant') parts.push('relevant');
  if (e.relevance === 'not-relevant') {
    const reason = plainLine(e.reason, 200);
    parts.push(reason ? `not relevant (reason: ${reason})` : 'not relevant');
  }
  if (e.discussed) parts.push('discussed with the patient');
  return parts.length ? parts.join(', ') : undefined;
}

/** The handout's languages named in English, for the note's reader. */
const LANGUAGE_IN_ENGLISH: Record<Language, string> = { en: 'English', es: 'Spanish' };

export interface HandoutState {
  /** The languages the handout was printed in during this visit, in the order first printed. */
  readonly printedIn: readonly Language[];
  /**
   * The last printed handout's parts, each with the rules behind it (issue 11 point 5: traceability
   * in the chart note, never on the patient's sheet). Headings as printed.
   */
  readonly sections?: readonly { readonly heading: string; readonly ruleIds: readonly string[] }[];
}

export function handoutLine(handout: HandoutState | undefined): string {
  const printed = handout?.printedIn ?? [];
  if (!printed.length) return 'Patient handout: not printed.';
  const line = sentence(`Patient handout: printed in ${wordList(printed.map((l) => LANGUAGE_IN_ENGLISH[l]))}`);
  // The one place the note names rule ids, on purpose: which rules put each part on the sheet.
  const traced = (handout?.sections ?? []).filter((s) => s.ruleIds.length);
  if (!traced.length) return line;
  const parts = traced.map((s) => `${plainLine(s.heading, 60)} (${s.ruleIds.map((r) => plainLine(r, 60)).join(', ')})`).join('; ');
  return `${line} Its parts and the rules behind them: ${plainLine(parts, 1200)}.`;
}
