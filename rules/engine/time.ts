/**
 * Dates as calendar days. The engine never reads the clock: `asOf` is a parameter.
 *
 * Results are placed on the calendar day the source recorded (the first ten characters of a FHIR
 * dateTime, in its own offset), so evaluation is the same on every machine and in every time zone.
 * Lookbacks are ISO 8601 durations (`P3M`, `P12M`, `P90D`, `P40W`) and include their first day.
 */
import { addDays, addMonths, addWeeks, addYears, differenceInCalendarDays, format, parseISO } from 'date-fns';
import type { DayString } from './record.js';

const DAY_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/**
 * The calendar day of a FHIR date or dateTime. Partial dates are padded to the first day
 * (`2021-03` → `2021-03-01`). Returns undefined for anything that is not a real date.
 */
export function toDay(value: unknown): DayString | undefined {
  if (typeof value !== 'string') return undefined;
  const m = DAY_RE.exec(value.trim());
  if (!m) return undefined;
  const day = `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
  return isValidDay(day) ? day : undefined;
}

/** The last calendar day a partial date can mean (`2010` → `2010-12-31`): used for birth dates, so age is never overstated. */
export function toLatestDay(value: unknown): DayString | undefined {
  if (typeof value !== 'string') return undefined;
  const m = DAY_RE.exec(value.trim());
  if (!m) return undefined;
  if (m[3]) return toDay(value);
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 12;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return toDay(`${m[1]}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`);
}

const DAY_ONLY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A real calendar day `YYYY-MM-DD` (2026-02-30 is not). Plain arithmetic: this runs for every dated resource. */
/**
 * The local calendar day of a Date the caller holds (`new Date()` at the app's or the CLI's edge):
 * the engine itself never reads the clock.
 */
export function calendarDayOf(date: Date): DayString {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function isValidDay(day: string): boolean {
  const m = DAY_ONLY_RE.exec(day);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const d = Number(m[3]);
  return year >= 1 && month >= 1 && month <= 12 && d >= 1 && d <= daysInMonth(year, month);
}

function parseDay(day: DayString): Date {
  return parseISO(day);
}

export interface Duration {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
}

const DURATION_RE = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

export function parseDuration(iso: string): Duration {
  const m = DURATION_RE.exec(iso);
  if (!m || iso === 'P') throw new Error(`Not an ISO 8601 duration the engine supports: ${iso}`);
  return { years: Number(m[1] ?? 0), months: Number(m[2] ?? 0), weeks: Number(m[3] ?? 0), days: Number(m[4] ?? 0) };
}

/** Lookback starts already computed: every rule asks the same few (asOf, duration) pairs. */
const lookbackStarts = new Map<string, DayString>();

/** The first day inside a lookback that ends on `asOf` (inclusive). `P3M` from 2026-11-21 → 2026-08-21. */
export function lookbackStart(asOf: DayString, iso: string): DayString {
  const key = `${asOf}/${iso}`;
  const hit = lookbackStarts.get(key);
  if (hit) return hit;
  const start = computeLookbackStart(asOf, iso);
  if (lookbackStarts.size > 10_000) lookbackStarts.clear();
  lookbackStarts.set(key, start);
  return start;
}

function computeLookbackStart(asOf: DayString, iso: string): DayString {
  const d = parseDuration(iso);
  let date = parseDay(asOf);
  date = addYears(date, -d.years);
  date = addMonths(date, -d.months);
  date = addWeeks(date, -d.weeks);
  date = addDays(date, -d.days);
  return format(date, 'yyyy-MM-dd');
}

/** `asOf` plus a duration (for "within 40 weeks ahead"). */
export function addDuration(day: DayString, iso: string): DayString {
  const d = parseDuration(iso);
  let date = parseDay(day);
  date = addYears(date, d.years);
  date = addMonths(date, d.months);
  date = addWeeks(date, d.weeks);
  date = addDays(date, d.days);
  return format(date, 'yyyy-MM-dd');
}

/** True when `day` lies in [asOf − lookback, asOf]. */
export function withinLookback(day: DayString | undefined, asOf: DayString, iso: string): boolean {
  if (!day) return false;
  return day >= lookbackStart(asOf, iso) && day <= asOf;
}

export function daysBetween(from: DayString, to: DayString): number {
  return differenceInCalendarDays(parseDay(to), parseDay(from));
}

/** Whole years of age on `asOf`; a partial birth date counts from its last possible day. */
export function ageInYears(birthDate: string | undefined, asOf: DayString): number | undefined {
  const day = toLatestDay(birthDate);
  if (!day || day > asOf) return undefined;
  // Whole years: the year difference, less one if this year's birthday (month-day) is still ahead.
  const years = Number(asOf.slice(0, 4)) - Number(day.slice(0, 4));
  return asOf.slice(5) < day.slice(5) ? years - 1 : years;
}

const durationWords = new Map<string, string>();

/** Human words for a lookback: `P3M` → "3 months", `P12M` → "12 months", `P90D` → "90 days". */
export function describeDuration(iso: string): string {
  let words = durationWords.get(iso);
  if (words === undefined) {
    words = computeDurationWords(iso);
    durationWords.set(iso, words);
  }
  return words;
}

function computeDurationWords(iso: string): string {
  const d = parseDuration(iso);
  const parts: string[] = [];
  const add = (n: number, unit: string) => n && parts.push(`${n} ${unit}${n === 1 ? '' : 's'}`);
  add(d.years, 'year');
  add(d.months, 'month');
  add(d.weeks, 'week');
  add(d.days, 'day');
  return parts.join(' ');
}
