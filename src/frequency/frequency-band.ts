/**
 * The frequency calculator of the knowledge base, section 7. An APP HEURISTIC, NOT A GUIDELINE:
 * no guideline uses a validated frequency cut-off; guidance is about impact (sleep, pain).
 *
 * - Monthly mean over the months entered (up to 6; the lay article's "count over 6 months and
 *   divide by 6", but a month left blank is unknown, not zero).
 * - Count in the last 4 weeks (from weekly entries, or estimated from the latest month entered).
 * - Bands: rare < 1 a month; infrequent 1–2 a month; frequent ≥ 1 a week (52/12 ≈ 4.3 a month)
 *   or sleep disrupted ≥ 1 night a week; prompt review when nightly, several a night, episodes
 *   over 10 minutes or rapidly rising. Between 2 a month and weekly the knowledge base draws no
 *   line; that range is treated as infrequent and says so.
 * - Season caveat when the months entered do not span both a warm and a cold month: cramps
 *   roughly double from winter to summer (S21).
 * - Red flags always override the band.
 */
export const FREQUENCY_BANDS = ['rare', 'infrequent', 'frequent', 'prompt-review'] as const;
export type FrequencyBand = (typeof FREQUENCY_BANDS)[number];

export const MAX_MONTHS = 6;
export const MAX_WEEKS = 4;
/** Weeks per month on average: 52 weeks / 12 months. */
export const WEEKS_PER_MONTH = 52 / 12;
/** Averaging a cramp every night (7 a week) is "nightly" however it was counted. */
const NIGHTLY_PER_MONTH = 7 * WEEKS_PER_MONTH;

export const HEURISTIC_NOTE = 'App heuristic, not a guideline: no guideline uses a validated frequency cut-off (knowledge base section 7).';

export interface MonthCount {
  /** Calendar month, `YYYY-MM`. */
  readonly month: string;
  readonly episodes: number;
}

export type FrequencyCounts =
  | { readonly mode: 'monthly'; readonly months: readonly MonthCount[] }
  /** Episodes in each of the last weeks, most recent first. */
  | { readonly mode: 'weekly'; readonly weeks: readonly number[] };

export interface FrequencyFeatures {
  readonly sleepDisruptedNightsPerWeek?: number;
  readonly nightly?: boolean;
  readonly severalPerNight?: boolean;
  readonly longerThan10Minutes?: boolean;
  readonly rapidlyRising?: boolean;
}

export type Hemisphere = 'north' | 'south';

export interface FrequencyInput {
  readonly counts: FrequencyCounts;
  readonly features?: FrequencyFeatures;
  readonly redFlagsPresent?: boolean;
  readonly hemisphere?: Hemisphere;
}

export interface FourWeekCount {
  readonly value: number;
  /** True when scaled from a calendar month or from fewer than 4 weeks. */
  readonly estimated: boolean;
  /** The month it was scaled from, in monthly mode. */
  readonly fromMonth?: string;
}

export interface FrequencyResult {
  /** Episodes per month, or null when nothing was entered. */
  readonly monthlyMean: number | null;
  readonly fourWeekCount: FourWeekCount | null;
  readonly band: FrequencyBand | null;
  /** Why the band, in words. */
  readonly reasons: readonly string[];
  readonly seasonCaveat: string | null;
  readonly overriddenByRedFlags: boolean;
}

const isCount = (n: number) => Number.isFinite(n) && n >= 0;

function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, m ?? 1, 0)).getUTCDate();
}

function monthlyFigures(months: readonly MonthCount[]): Pick<FrequencyResult, 'monthlyMean' | 'fourWeekCount'> {
  const valid = months.filter((m) => isCount(m.episodes)).slice(0, MAX_MONTHS);
  if (!valid.length) return { monthlyMean: null, fourWeekCount: null };
  const latest = valid.reduce((a, b) => (b.month > a.month ? b : a));
  const mean = valid.reduce((s, m) => s + m.episodes, 0) / valid.length;
  return { monthlyMean: mean, fourWeekCount: { value: (latest.episodes * 28) / daysInMonth(latest.month), estimated: true, fromMonth: latest.month } };
}

function weeklyFigures(weeks: readonly number[]): Pick<FrequencyResult, 'monthlyMean' | 'fourWeekCount'> {
  const valid = weeks.filter(isCount).slice(0, MAX_WEEKS);
  if (!valid.length) return { monthlyMean: null, fourWeekCount: null };
  const perWeek = valid.reduce((s, n) => s + n, 0) / valid.length;
  const complete = valid.length === MAX_WEEKS;
  return { monthlyMean: perWeek * WEEKS_PER_MONTH, fourWeekCount: { value: complete ? valid.reduce((s, n) => s + n, 0) : perWeek * 4, estimated: !complete } };
}

/** Meteorological summer and winter, the months S21 contrasts; shifted by 6 in the south. */
function season(month: string, hemisphere: Hemisphere): 'warm' | 'cold' | 'between' {
  const m = Number(month.slice(5, 7));
  const north = hemisphere === 'north' ? m : ((m + 5) % 12) + 1;
  if (north >= 6 && north <= 8) return 'warm';
  if (north === 12 || north <= 2) return 'cold';
  return 'between';
}

export function seasonCaveat(counts: FrequencyCounts, hemisphere: Hemisphere = 'north'): string | null {
  const why = 'cramps roughly double from winter to summer (S21), so this mean may not hold for the rest of the year.';
  if (counts.mode === 'weekly') return `A few weeks show one season only: ${why}`;
  const seasons = new Set(counts.months.filter((m) => isCount(m.episodes)).map((m) => season(m.month, hemisphere)));
  if (!seasons.size || (seasons.has('warm') && seasons.has('cold'))) return null;
  return `The months entered do not include both a summer and a winter month: ${why}`;
}

function promptReasons(mean: number | null, f: FrequencyFeatures): string[] {
  const out: string[] = [];
  if (f.nightly || (mean !== null && mean >= NIGHTLY_PER_MONTH)) out.push('cramps every night');
  if (f.severalPerNight) out.push('several cramps a night');
  if (f.longerThan10Minutes) out.push('episodes longer than 10 minutes');
  if (f.rapidlyRising) out.push('frequency rising quickly');
  return out;
}

function band(mean: number | null, f: FrequencyFeatures): { band: FrequencyBand | null; reasons: string[] } {
  const prompt = promptReasons(mean, f);
  if (prompt.length) return { band: 'prompt-review', reasons: prompt };
  const sleep = (f.sleepDisruptedNightsPerWeek ?? 0) >= 1;
  if (sleep || (mean !== null && mean >= WEEKS_PER_MONTH)) {
    return { band: 'frequent', reasons: [...(mean !== null && mean >= WEEKS_PER_MONTH ? ['once a week or more'] : []), ...(sleep ? ['sleep disrupted at least 1 night a week'] : [])] };
  }
  if (mean === null) return { band: null, reasons: [] };
  if (mean < 1) return { band: 'rare', reasons: ['less than once a month'] };
  if (mean <= 2) return { band: 'infrequent', reasons: ['1 to 2 a month'] };
  return { band: 'infrequent', reasons: ['between 2 a month and weekly: no source draws a line here; treated as infrequent'] };
}

export function frequencyBand(input: FrequencyInput): FrequencyResult {
  const figures = input.counts.mode === 'monthly' ? monthlyFigures(input.counts.months) : weeklyFigures(input.counts.weeks);
  const decided = band(figures.monthlyMean, input.features ?? {});
  const entered = figures.monthlyMean !== null;
  return {
    ...figures,
    ...decided,
    seasonCaveat: entered ? seasonCaveat(input.counts, input.hemisphere) : null,
    overriddenByRedFlags: input.redFlagsPresent === true,
  };
}

/** The `count` calendar months before `asOf`'s month, oldest first, as `YYYY-MM`. */
export function monthsBefore(asOf: string, count = MAX_MONTHS): string[] {
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7));
  const out: string[] = [];
  for (let back = count; back >= 1; back--) {
    const d = new Date(Date.UTC(y, m - 1 - back, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}
