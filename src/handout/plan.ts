/**
 * "Your plan": what the visit decided, in a few lines, from the clinician's marks and the frequency
 * the patient reported (issue 11 point 4). Nothing here is inferred: a finding appears only if the
 * clinician marked it discussed or relevant (and not "not relevant"), and the frequency only if it
 * was entered. With nothing marked (the command line prints the handout as if nothing were) the
 * plan is empty.
 */
import type { Finding } from '../../rules/engine/types.js';
import { both } from './content/spec.js';
import { LANGUAGE_TAGS, type Language, type Localised } from './language.js';
import type { HandoutBlock } from './model.js';

export interface PlanMark {
  /** `not-relevant` leaves the finding out; `relevant` puts it in the plan. */
  readonly status: string | null;
  readonly discussed?: boolean;
}

export interface PlanInput {
  readonly findings: readonly Finding[];
  readonly marks: Readonly<Record<string, PlanMark | undefined>>;
  /** The patient's cramps a month, from the frequency calculator, when entered. */
  readonly crampsPerMonth?: number | null;
  readonly language: Language;
  /** The finding in a few words, as the handout names it ("low magnesium"); undefined leaves it out. */
  readonly topicOf: (f: Finding) => string | undefined;
}

export const PLAN_HEADING = both('Your plan', 'Su plan');

const WORDS = {
  told: both('You told us', 'Usted nos dijo'),
  discussed: both('We talked about', 'Hablamos de'),
  lookAt: both('Your doctor will look at', 'Su médico revisará'),
  alsoLookAt: both('Your doctor will also look at', 'Su médico también revisará'),
} as const;

/** Findings whose only sections are general advice, named for the plan in the patient's words. */
export const PLAN_TOPICS: Readonly<Record<string, Localised>> = {
  'gap-diuretic-without-electrolytes': both('a blood test for the minerals in your blood', 'un análisis de los minerales de la sangre'),
  'cond-coded-electrolyte-disorder': both('the minerals in your blood', 'los minerales de la sangre'),
};

/** "about 1.5 cramps a month" / "alrededor de 1,5 calambres al mes". */
export function crampsPerMonthWords(perMonth: number, lang: Language): string {
  if (!Number.isFinite(perMonth) || perMonth < 0) return '';
  if (perMonth === 0) return lang === 'en' ? 'no cramps lately' : 'ningún calambre últimamente';
  const rounded = Math.round(perMonth * 10) / 10;
  if (rounded === 0) return lang === 'en' ? 'fewer than 1 cramp a month' : 'menos de 1 calambre al mes';
  const n = new Intl.NumberFormat(LANGUAGE_TAGS[lang], { maximumFractionDigits: 1 }).format(rounded);
  const one = rounded === 1;
  return lang === 'en' ? `about ${n} cramp${one ? '' : 's'} a month` : `alrededor de ${n} calambre${one ? '' : 's'} al mes`;
}

const line = (id: string, label: Localised, text: string, lang: Language): HandoutBlock => ({ id, kind: 'bullet', text: `${label[lang]}: ${text}.` });

/** "We talked about:" and one short topic per line: a list reads more easily than a long sentence. */
const topics = (id: string, label: Localised, list: readonly string[], lang: Language): HandoutBlock[] => [
  { id, kind: 'paragraph', text: `${label[lang]}:` },
  ...list.map((t, i): HandoutBlock => ({ id: `${id}.${i + 1}`, kind: 'bullet', text: t })),
];

/** The plan's lines (empty when nothing was marked or entered). */
export function planBlocks(input: PlanInput): HandoutBlock[] {
  const { language: lang } = input;
  const out: HandoutBlock[] = [];
  const perMonth = input.crampsPerMonth;
  if (typeof perMonth === 'number') {
    const words = crampsPerMonthWords(perMonth, lang);
    if (words) out.push(line('plan.frequency', WORDS.told, words, lang));
  }
  const discussed: string[] = [];
  const relevant: string[] = [];
  for (const f of input.findings) {
    const mark = input.marks[f.ruleId];
    if (f.outcome !== 'flagged' || !mark || mark.status === 'not-relevant') continue;
    const topic = input.topicOf(f);
    if (!topic) continue;
    if (mark.discussed) {
      if (!discussed.includes(topic)) discussed.push(topic);
    } else if (mark.status === 'relevant' && !relevant.includes(topic)) relevant.push(topic);
  }
  const lookAt = relevant.filter((t) => !discussed.includes(t));
  if (discussed.length) out.push(...topics('plan.discussed', WORDS.discussed, discussed, lang));
  if (lookAt.length) out.push(...topics('plan.look-at', discussed.length ? WORDS.alsoLookAt : WORDS.lookAt, lookAt, lang));
  return out;
}

/** A heading as a topic inside a sentence: "Low magnesium" → "low magnesium"; names and acronyms keep their capital. */
export function asTopic(heading: string): string {
  if (/^Parkinson/.test(heading)) return heading;
  return /^\p{Lu}\p{Ll}/u.test(heading) ? `${heading.charAt(0).toLocaleLowerCase()}${heading.slice(1)}` : heading;
}
