/**
 * Dates as calendar days. The engine never reads the clock: `asOf` is a parameter.
 *
 * Results are placed on the calendar day the source recorded (the first ten characters of a FHIR
 * dateTime, in its own offset), so evaluation is the same on every machine and in every time zone.
 * Lookbacks are ISO 8601 durations (`P3M`, `P12M`, `P90D`, `P40W`) and include their first day.
 */
import { addDays, addMonths, addWeeks, addYears, differenceInCalendarDays, format, parseISO } from 'date-fns';
import type { DayString } from './record.js';

/**
 * FHIR R4's date, dateTime and instant, matched in full
 * (https://hl7.org/fhir/R4/datatypes.html#date, #dateTime, #instant): `YYYY`, `YYYY-MM`,
 * `YYYY-MM-DD`, or `YYYY-MM-DDThh:mm:ss(.s+)` with `Z` or `±hh:mm`. A time without a zone is
 * accepted and read as local time (rule catalogue, second round); any other string is not a date,
 * so `2026/11/20` and `20261120` are refused rather than read as a year. Any of the three forms is
 * accepted in any date element: the calendar day they name is the same.
 */
const FHIR_DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?(?:Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00))?)?)?)?$/;

interface DateParts {
  readonly year: string;
  readonly month?: string;
  readonly day?: string;
}

/**
 * The parts of a FHIR date, dateTime or instant, or undefined when the value is not one (or names no real day).
 * Runs for every date element of every mapped resource: the day is checked on the matched digits
 * directly, without building a day string to parse again.
 */
function fhirDateParts(value: unknown): DateParts | undefined {
  if (typeof value !== 'string') return undefined;
  const m = FHIR_DATE_RE.exec(value.trim());
  if (!m) return undefined;
  const year = m[1]!;
  const month = m[2];
  const day = m[3];
  if (!isRealDay(Number(year), month ? Number(month) : 1, day ? Number(day) : 1)) return undefined;
  return day ? { year, month, day } : month ? { year, month } : { year };
}

/** Is this a FHIR date, dateTime or instant naming a real calendar day? */
export function isFhirDate(value: unknown): boolean {
  return fhirDateParts(value) !== undefined;
}

/**
 * The calendar day of a FHIR date, dateTime or instant. Partial dates are padded to the first day
 * (`2021-03` → `2021-03-01`). Returns undefined for anything that is not a FHIR date in full or
 * not a real day.
 */
export function toDay(value: unknown): DayString | undefined {
  const p = fhirDateParts(value);
  return p ? `${p.year}-${p.month ?? '01'}-${p.day ?? '01'}` : undefined;
}

/** The last calendar day a partial date can mean (`2010` → `2010-12-31`): used for birth dates, so age is never overstated. */
export function toLatestDay(value: unknown): DayString | undefined {
  const p = fhirDateParts(value);
  if (!p) return undefined;
  if (p.day) return `${p.year}-${p.month}-${p.day}`;
  const month = p.month ?? '12';
  return `${p.year}-${month}-${String(daysInMonth(Number(p.year), Number(month))).padStart(2, '0')}`;
}

const DAY_ONLY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Orders two calendar days (undefined, for no day, first). A DayString is `YYYY-MM-DD` in ASCII
 * digits, so comparing code units is calendar order, and the same order localeCompare gives; it is
 * used to sort every lab result of a record, where localeCompare's collation costs more.
 */
export function compareDays(a: DayString | undefined, b: DayString | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x === y ? 0 : x < y ? -1 : 1;
}

/**
 * The local calendar day of a Date the caller holds (`new Date()` at the app's or the CLI's edge):
 * the engine itself never reads the clock.
 */
export function calendarDayOf(date: Date): DayString {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A real calendar day `YYYY-MM-DD` (2026-02-30 is not). Plain arithmetic: this runs for every dated resource. */
export function isValidDay(day: string): boolean {
  const m = DAY_ONLY_RE.exec(day);
  return !!m && isRealDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Year 1 or later, month 1–12, and a day that month has. */
function isRealDay(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
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
