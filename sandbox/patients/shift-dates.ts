/**
 * Moves every date in a FHIR R4 resource (usually a Bundle) by a whole number of days, so scenario
 * patients written "as of" one day read the same on any later day: a lab drawn 9 days before the
 * anchor is still 9 days old, a due date still 8 weeks ahead, and a patient still the same age.
 *
 * Which values move: the FHIR primitive types date, dateTime and instant (Period.start/end are
 * dateTimes, Timing.event is a list of them). A string is treated as one of those when its JSON name
 * is the name of an R4 element of that type (`DATE_ELEMENT_NAMES`, derived from the R4
 * StructureDefinitions and checked against them in tests/unit/scenarios/shift-dates.test.ts) AND
 * its value has the date/dateTime/instant format. The name `value` is a date only in
 * ImmunizationRecommendation.recommendation.dateCriterion.value (elsewhere, e.g. Identifier.value,
 * it is a string), so it moves only under `dateCriterion`. Names shared with non-date elements
 * (`start` is also a code in GraphDefinition, `when` a code in Timing.repeat) cannot hold a
 * date-shaped string there, so the format check keeps them apart.
 *
 * How each precision moves (https://hl7.org/fhir/R4/datatypes.html#dateTime):
 *  - `YYYY-MM-DD`, with or without a time: the calendar date moves by `days`; the time, fraction
 *    of seconds and time-zone offset are kept exactly as written, so the instant moves by exactly
 *    `days` × 24 hours;
 *  - `YYYY-MM` (month precision): by the whole number of months nearest to `days` (mean Gregorian
 *    month, 30.436875 days), precision kept;
 *  - `YYYY` (year precision): by the whole number of years nearest to `days` (365.2425 days).
 * Rounding is symmetric (half away from zero), so shifting by n and then by −n gives back the input.
 * A value that is not a valid date (`2026-02-30`), or would leave the years 0001–9999, is left as
 * it is. Free text (notes, narrative) is not touched: write relative words there, not dates.
 *
 * Pure: returns a new object and never changes its input.
 */
import { isValidDay } from '../../rules/engine/time';

/** JSON names of every R4 element of type date, dateTime or instant (choice elements expanded). */
export const DATE_ELEMENT_NAMES: ReadonlySet<string> = new Set([
  'abatementDateTime', 'answerDate', 'answerDateTime', 'approvalDate', 'authored', 'authoredOn', 'birthDate', 'bornDate',
  'collectedDateTime', 'created', 'createdDateTime', 'creation', 'date', 'dateAsserted', 'dateDateTime', 'dateOfFirstAuthorization',
  'dateTime', 'dateWritten', 'deceasedDate', 'deceasedDateTime', 'defaultValueDate', 'defaultValueDateTime', 'defaultValueInstant',
  'detected', 'dueDate', 'effectiveDate', 'effectiveDateTime', 'effectiveInstant', 'effectiveTime', 'end', 'enteredDate', 'event',
  'eventDateTime', 'expirationDate', 'expiry', 'fixedDate', 'fixedDateTime', 'fixedInstant', 'identifiedDateTime', 'ifModifiedSince',
  'internationalBirthDate', 'issued', 'lastModified', 'lastOccurrence', 'lastPerformed', 'lastReviewDate', 'lastUpdated', 'lockedDate',
  'manufactureDate', 'maxValueDate', 'maxValueDateTime', 'maxValueInstant', 'minValueDate', 'minValueDateTime', 'minValueInstant',
  'nextScheduled', 'occurredDateTime', 'occurrenceDateTime', 'onset', 'onsetDateTime', 'participantEffectiveDateTime', 'patternDate',
  'patternDateTime', 'patternInstant', 'paymentDate', 'performedDateTime', 'presentationDate', 'publicationDate', 'received',
  'receivedTime', 'recorded', 'recordedDate', 'recordedOn', 'releaseDate', 'restoreDate', 'sent', 'servicedDate', 'start', 'startDate',
  'started', 'statusDate', 'studyEffectiveDateTime', 'time', 'timeDateTime', 'timestamp', 'timingDate', 'timingDateTime', 'validTo',
  'validationDate', 'valueDate', 'valueDateTime', 'valueInstant', 'verificationDate', 'when', 'whenHandedOver', 'whenPrepared',
]);

/** Elements whose name is a date only under one parent: `value` in `dateCriterion`. */
const DATE_ELEMENTS_BY_PARENT: Readonly<Record<string, ReadonlySet<string>>> = { dateCriterion: new Set(['value']) };

const DAYS_PER_MONTH = 365.2425 / 12;
const DAYS_PER_YEAR = 365.2425;

/** Year, optional month and day, optional time tail (`T10:15:00.123-05:00`), as FHIR writes them. */
const FHIR_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(T([01]\d|2[0-3]):[0-5]\d(?::(?:[0-5]\d|60)(?:\.\d+)?)?(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)?)?)?)?$/;

/** Round half away from zero, so that round(−x) = −round(x). */
const roundSymmetric = (x: number) => Math.sign(x) * Math.round(Math.abs(x));

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const inYearRange = (year: number) => year >= 1 && year <= 9999;

/** The parts of a FHIR date, dateTime or instant, or undefined when `value` is not a real one. */
function parseFhirDate(value: string): RegExpExecArray | undefined {
  const m = FHIR_DATE.exec(value);
  if (!m) return undefined;
  const valid = m[3] !== undefined ? isValidDay(`${m[1]}-${m[2]}-${m[3]}`) : m[2] === undefined || (Number(m[2]) >= 1 && Number(m[2]) <= 12);
  return valid ? m : undefined;
}

/** Is `value` a FHIR date, dateTime or instant (any precision)? */
export function isFhirDate(value: string): boolean {
  return parseFhirDate(value) !== undefined;
}

/**
 * One date, dateTime or instant moved by `days` (see the module comment for partial dates).
 * Anything that is not such a value comes back unchanged.
 */
export function shiftDateValue(value: string, days: number): string {
  assertWholeDays(days);
  const m = parseFhirDate(value);
  if (!m) return value;
  const year = Number(m[1]);
  if (m[2] === undefined) {
    const shifted = year + roundSymmetric(days / DAYS_PER_YEAR);
    return inYearRange(shifted) ? pad(shifted, 4) : value;
  }
  const month = Number(m[2]);
  if (m[3] === undefined) {
    const index = year * 12 + (month - 1) + roundSymmetric(days / DAYS_PER_MONTH);
    const shiftedYear = Math.floor(index / 12);
    return inYearRange(shiftedYear) ? `${pad(shiftedYear, 4)}-${pad((index % 12) + 1, 2)}` : value;
  }
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, Number(m[3]) + days);
  const shiftedYear = d.getUTCFullYear();
  if (!inYearRange(shiftedYear)) return value;
  return `${pad(shiftedYear, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}${m[4] ?? ''}`;
}

function assertWholeDays(days: number): void {
  if (!Number.isSafeInteger(days)) throw new RangeError(`days must be a whole number, not ${days}`);
}

function isDateElement(name: string, parent: string | undefined): boolean {
  return DATE_ELEMENT_NAMES.has(name) || (parent !== undefined && DATE_ELEMENTS_BY_PARENT[parent]?.has(name) === true);
}

function shiftNode(node: unknown, days: number, name: string | undefined, parent: string | undefined): unknown {
  const dateHere = name !== undefined && isDateElement(name, parent);
  if (typeof node === 'string') return dateHere ? shiftDateValue(node, days) : node;
  // A list keeps its element name (Timing.event is a list of dateTimes; a list of objects is walked).
  if (Array.isArray(node)) return node.map((item) => shiftNode(item, days, name, parent));
  if (node !== null && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    // defineProperty, not assignment: a JSON key "__proto__" must stay data, not become the copy's prototype.
    for (const [key, value] of Object.entries(node)) {
      Object.defineProperty(out, key, { value: shiftNode(value, days, key, name), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return node;
}

/**
 * A copy of `resource` (a Bundle, or any FHIR resource or JSON value) with every date, dateTime,
 * instant and period moved by `days` (negative moves back). The input is not changed.
 */
export function shiftDates<T>(resource: T, days: number): T {
  assertWholeDays(days);
  return shiftNode(resource, days, undefined, undefined) as T;
}
