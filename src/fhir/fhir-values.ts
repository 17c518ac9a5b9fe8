/**
 * Safe readers for FHIR JSON. Everything from a FHIR server or a file is hostile until read
 * through these: a field of the wrong type reads as absent, never throws, and never reaches the
 * rules as anything but a plain string, number or the small shapes defined here.
 */
import type { CodingRef, DayString } from '../../rules/engine/record.js';
import { toDay } from '../../rules/engine/time.js';

export type Json = unknown;
export type JsonObject = Readonly<Record<string, unknown>>;

/** Longest string the mappers keep; anything longer is cut (a 10 MB display is an attack, not data). */
const MAX_STRING = 2000;

export function isObject(v: Json): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: Json): string | undefined {
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  if (!t) return undefined;
  return t.length > MAX_STRING ? t.slice(0, MAX_STRING) : t;
}

export function num(v: Json): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function bool(v: Json): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

export function arr(v: Json): readonly Json[] {
  return Array.isArray(v) ? v : [];
}

export function obj(v: Json): JsonObject | undefined {
  return isObject(v) ? v : undefined;
}

/**
 * Read one element. Callers pass FHIR element names, none of which an object inherits, so a plain
 * read cannot return something from the prototype chain; the names that could are refused
 * outright. This runs for every element of every resource, so it stays this small.
 *
 * The few readers below that run for every resource or every coding (codings, resourceType,
 * resourceId, referenceOf) read their element by name instead (`o?.code`), which is the same read:
 * no FHIR element name is inherited from Object.prototype, and JSON.parse never sets a prototype
 * (a `"__proto__"` key becomes an own property). They do so for speed: each named read keeps its
 * own inline cache, which stays fast over the few shapes a Coding or a reference has, while the
 * one keyed read in here sees every shape of every resource and is slow (megamorphic).
 */
export function field(o: JsonObject | undefined, key: string): Json {
  if (!o || key === '__proto__' || key === 'constructor' || key === 'prototype') return undefined;
  return o[key];
}

export function codings(cc: Json): CodingRef[] {
  const out: CodingRef[] = [];
  for (const c of arr(obj(cc)?.coding)) {
    const co = obj(c);
    if (!co) continue;
    const code = str(co.code);
    if (!code) continue;
    const system = str(co.system) ?? '';
    const display = str(co.display);
    out.push(display ? { system, code, display } : { system, code });
  }
  return out;
}

export function ccText(cc: Json): string | undefined {
  return str(field(obj(cc), 'text'));
}

/** The first code of a CodeableConcept, or a bare string (older or non-conformant senders). */
export function statusCode(v: Json): string | undefined {
  if (typeof v === 'string') return str(v);
  const first = codings(v)[0]?.code;
  return first ?? ccText(v)?.toLowerCase();
}

/** Present in the JSON (a `null` is how some serialisers write an absent element). */
const present = (v: Json) => v !== undefined && v !== null;

/**
 * The calendar day of a FHIR date, dateTime or instant (rules/engine/time.ts: the whole string must
 * be one). A value that is present but is not one is read as absent, never as another day, and
 * `onMalformed` is told so the mapper can count it (rule catalogue, second round).
 */
export function day(v: Json, onMalformed?: () => void): DayString | undefined {
  const d = toDay(v);
  if (d === undefined && onMalformed && present(v)) onMalformed();
  return d;
}

/** A Period's start and end days; a malformed bound is read as absent and reported by its name. */
export function period(v: Json, onMalformed?: (bound: 'start' | 'end') => void): { start?: DayString; end?: DayString } {
  const p = obj(v);
  const start = day(field(p, 'start'), onMalformed && (() => onMalformed('start')));
  const end = day(field(p, 'end'), onMalformed && (() => onMalformed('end')));
  return { ...(start ? { start } : {}), ...(end ? { end } : {}) };
}

/** Counts, per resource type, a date element that was present but malformed and read as absent. */
export interface DateReport {
  drop(type: string, reason: string): void;
}

/**
 * Counts a date element that was present but malformed (read as absent): `malformed('onsetDateTime')`
 * counts "Condition: malformed onsetDateTime ignored" in the mapping report, so dataStatus says
 * which dates could not be read.
 */
export function malformedDateCounter(report: DateReport | undefined, type: string): (element: string) => void {
  return (element) => report?.drop(type, `malformed ${element} ignored`);
}

// Named reads, not field(): see field() for why they are the same read and why faster.
export function resourceType(v: Json): string | undefined {
  return str(obj(v)?.resourceType);
}

export function resourceId(v: Json): string | undefined {
  return str(obj(v)?.id);
}

export function referenceOf(v: Json): string | undefined {
  return str(obj(v)?.reference);
}
