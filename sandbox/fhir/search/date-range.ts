/**
 * FHIR dates as half-open ranges of epoch milliseconds, and the date search prefixes.
 *
 * A FHIR date carries its precision: `2025-11` means the whole of November 2025. Search compares ranges,
 * not instants (http://hl7.org/fhir/R4/search.html#date): the search value `2025-11-21` is the range
 * [2025-11-21T00:00, 2025-11-22T00:00), and a resource's `effectiveDateTime` of `2025-11-21T10:00:00Z` is the
 * one-second range it names. Times without a zone are taken as UTC (the spec leaves that to the server).
 */

export interface DateRange {
  /** Inclusive start, epoch ms; -Infinity for a Period without start. */
  readonly start: number;
  /** Exclusive end, epoch ms; +Infinity for a Period without end (still ongoing). */
  readonly end: number;
}

export type DatePrefix = 'eq' | 'ne' | 'gt' | 'lt' | 'ge' | 'le' | 'sa' | 'eb' | 'ap';
export const DATE_PREFIXES: readonly DatePrefix[] = ['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'sa', 'eb', 'ap'];

const DATE_PATTERN =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** Parses a FHIR date, dateTime or instant; undefined when it is not one. */
export function parseDateRange(text: string): DateRange | undefined {
  const m = DATE_PATTERN.exec(text);
  if (!m) {
    return undefined;
  }
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = mo === undefined ? 1 : Number(mo);
  const day = d === undefined ? 1 : Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  const millis = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  const offset = zoneOffsetMs(zone);
  const start = utc(year, month - 1, day, hour, minute, second, millis) - offset;
  if (new Date(start + offset).getUTCDate() !== day) {
    return undefined; // 2025-02-30 rolled over into March
  }
  let end: number;
  if (mo === undefined) {
    end = utc(year + 1, 0, 1) - offset;
  } else if (d === undefined) {
    end = utc(year, month, 1) - offset;
  } else if (h === undefined) {
    end = utc(year, month - 1, day + 1) - offset;
  } else if (s === undefined) {
    end = start + 60_000;
  } else if (frac === undefined) {
    end = start + 1000;
  } else {
    end = start + Math.max(1, 10 ** (3 - Math.min(frac.length, 3)));
  }
  return { start, end };
}

/** A Period (either end may be missing) as a range; undefined when a present bound is not a date. */
export function periodRange(start: string | undefined, end: string | undefined): DateRange | undefined {
  const from = start === undefined ? { start: -Infinity, end: -Infinity } : parseDateRange(start);
  const to = end === undefined ? { start: Infinity, end: Infinity } : parseDateRange(end);
  if (!from || !to || (start === undefined && end === undefined)) {
    return undefined;
  }
  return { start: from.start, end: to.end };
}

/**
 * Whether a resource's date range satisfies `prefix` + search range, in the words of
 * http://hl7.org/fhir/R4/search.html#prefix ("the range above the search value" is [search.end, +inf)).
 * `now` is only used by `ap`, whose tolerance the spec suggests as 10% of the gap between now and the date.
 */
export function matchesDatePrefix(prefix: DatePrefix, target: DateRange, search: DateRange, now: number): boolean {
  const contained = search.start <= target.start && target.end <= search.end;
  switch (prefix) {
    case 'eq': // the range of the search value fully contains the range of the target value
      return contained;
    case 'ne':
      return !contained;
    case 'gt': // the range above the search value intersects the range of the target value
      return target.end > search.end;
    case 'lt': // the range below the search value intersects the range of the target value
      return target.start < search.start;
    case 'ge': // gt, or the search range fully contains the target range
      return target.end > search.end || contained;
    case 'le':
      return target.start < search.start || contained;
    case 'sa': // no overlap, and the range above the search value contains the target range
      return target.start >= search.end;
    case 'eb':
      return target.end <= search.start;
    case 'ap': {
      const slack = Math.abs(now - search.start) * 0.1;
      return target.start < search.end + slack && target.end > search.start - slack;
    }
  }
}

function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z') {
    return 0;
  }
  const sign = zone.startsWith('-') ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
}

// Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
function utc(year: number, monthIndex: number, day: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}
