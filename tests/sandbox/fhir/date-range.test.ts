import { describe, expect, it } from 'vitest';
import type { DatePrefix } from '../../../sandbox/fhir/search/date-range';
import { matchesDatePrefix, parseDateRange, periodRange } from '../../../sandbox/fhir/search/date-range';

const ms = (iso: string): number => Date.parse(iso);
const range = (text: string) => {
  const r = parseDateRange(text);
  if (!r) throw new Error(`not a date: ${text}`);
  return r;
};

describe('parseDateRange: a FHIR date is the range its precision names', () => {
  it.each([
    ['2025', '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z'],
    ['2025-02', '2025-02-01T00:00:00Z', '2025-03-01T00:00:00Z'],
    ['2024-02-29', '2024-02-29T00:00:00Z', '2024-03-01T00:00:00Z'],
    ['2025-11-21T10:00', '2025-11-21T10:00:00Z', '2025-11-21T10:01:00Z'],
    ['2025-11-21T10:00:05Z', '2025-11-21T10:00:05Z', '2025-11-21T10:00:06Z'],
    ['2025-11-21T10:00:05.5Z', '2025-11-21T10:00:05.500Z', '2025-11-21T10:00:05.600Z'],
    ['2025-11-21T10:00:05.123456Z', '2025-11-21T10:00:05.123Z', '2025-11-21T10:00:05.124Z'],
    ['2025-11-21T09:30:00+01:00', '2025-11-21T08:30:00Z', '2025-11-21T08:30:01Z'],
    ['2025-11-21T23:30:00-05:00', '2025-11-22T04:30:00Z', '2025-11-22T04:30:01Z'],
    ['0099-06-01', '0099-06-01T00:00:00Z', '0099-06-02T00:00:00Z'],
  ])('%s', (text, start, end) => {
    expect(parseDateRange(text)).toEqual({ start: ms(start), end: ms(end) });
  });

  it.each(['', '25', '2025-13', '2025-02-30', '2025-11-21T24:00', '2025-11-21T10', '21/11/2025', '2025-11-21T10:00:00+1', 'ge2025'])(
    'refuses %j',
    (text) => {
      expect(parseDateRange(text)).toBeUndefined();
    },
  );

  it('a Period is open where a bound is missing', () => {
    expect(periodRange('2025-01-01', undefined)).toEqual({ start: ms('2025-01-01T00:00:00Z'), end: Infinity });
    expect(periodRange(undefined, '2025-01-01')).toEqual({ start: -Infinity, end: ms('2025-01-02T00:00:00Z') });
    expect(periodRange(undefined, undefined)).toBeUndefined();
    expect(periodRange('nope', undefined)).toBeUndefined();
  });
});

describe('matchesDatePrefix: R4 search prefixes on ranges', () => {
  const day = range('2025-11-21');
  const now = ms('2025-12-01T00:00:00Z');
  const cases: [string, Record<DatePrefix, boolean>][] = [
    // target                      eq     ne     gt     lt     ge     le     sa     eb     ap
    ['2025-11-21T10:00:00Z', { eq: true, ne: false, gt: false, lt: false, ge: true, le: true, sa: false, eb: false, ap: true }],
    ['2025-11-22T00:00:00Z', { eq: false, ne: true, gt: true, lt: false, ge: true, le: false, sa: true, eb: false, ap: true }],
    ['2025-11-20T23:59:59Z', { eq: false, ne: true, gt: false, lt: true, ge: false, le: true, sa: false, eb: true, ap: true }],
    ['2025-11', { eq: false, ne: true, gt: true, lt: true, ge: true, le: true, sa: false, eb: false, ap: true }],
    ['2025-10-01', { eq: false, ne: true, gt: false, lt: true, ge: false, le: true, sa: false, eb: true, ap: false }],
  ];
  it.each(cases)('target %s', (target, expected) => {
    for (const [prefix, result] of Object.entries(expected)) {
      expect(matchesDatePrefix(prefix as DatePrefix, range(target), day, now), `${prefix}2025-11-21`).toBe(result);
    }
  });

  it('an ongoing period (no end) is "ge" any later date and never "eb" it', () => {
    const ongoing = { start: ms('2020-01-01T00:00:00Z'), end: Infinity };
    expect(matchesDatePrefix('ge', ongoing, day, now)).toBe(true);
    expect(matchesDatePrefix('eb', ongoing, day, now)).toBe(false);
    expect(matchesDatePrefix('lt', ongoing, day, now)).toBe(true);
  });

  it('ap widens the search range by 10% of its distance from now', () => {
    // the search day starts 10 days before now: 1 day of slack on either side
    expect(matchesDatePrefix('ap', range('2025-11-20T01:00:00Z'), day, now)).toBe(true);
    expect(matchesDatePrefix('ap', range('2025-11-22T23:00:00Z'), day, now)).toBe(true);
    expect(matchesDatePrefix('ap', range('2025-11-19T23:00:00Z'), day, now)).toBe(false);
    expect(matchesDatePrefix('eq', range('2025-11-20T01:00:00Z'), day, now)).toBe(false);
  });
});
