/**
 * Calendar days and lookbacks: the engine's only notion of time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDuration, ageInYears, compareDays, isFhirDate, isValidDay, lookbackStart, toDay, toLatestDay, withinLookback } from '../../../rules/engine/time.js';

describe('time', () => {
  it('reads the calendar day a FHIR date or dateTime names, in its own offset', () => {
    expect(toDay('2026-11-09T23:30:00-05:00')).toBe('2026-11-09');
    expect(toDay('2026-11')).toBe('2026-11-01');
    expect(toDay('2026')).toBe('2026-01-01');
    expect(toDay('2026-02-30')).toBeUndefined();
    expect(toDay('yesterday')).toBeUndefined();
    expect(toDay(20261109)).toBeUndefined();
  });

  // FHIR R4 date, dateTime and instant (https://hl7.org/fhir/R4/datatypes.html#date, #dateTime,
  // #instant) must match in full: a prefix that looks like a year is not a date (rule catalogue,
  // second round, "Implausible values and malformed data are unusable").
  it.each(['2026/11/20', '20261120', '2026-1-5', '2026-11-20T', '2026-11-20T10:00', '2026-11-20T10:00Z', '2026-11-20T24:00:00Z', '2026-11-20T10:00:00+15:00', '2026-11-20T10:00:00+0100', '2026-11-20 10:00:00', '2026-11-20Z', '2026-11Z', '2026-00', '2026-13', '0000', '0000-01-01', '11-20-2026', '2026-11-20T10:00:00Zjunk', '2026-11-20junk', 'T10:00:00Z', '', '   '])(
    'refuses %j, which is not a FHIR date, dateTime or instant', (s) => {
      expect(toDay(s)).toBeUndefined();
      expect(toLatestDay(s)).toBeUndefined();
      expect(isFhirDate(s)).toBe(false);
    },
  );

  it.each([
    ['2021', '2021-01-01', '2021-12-31'],
    ['2021-03', '2021-03-01', '2021-03-31'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2021-03-04', '2021-03-04', '2021-03-04'],
    ['2021-03-04T23:59:60Z', '2021-03-04', '2021-03-04'],
    ['2021-03-04T10:30:00.123456+14:00', '2021-03-04', '2021-03-04'],
    ['2021-03-04T10:30:00-13:59', '2021-03-04', '2021-03-04'],
    // A time without a zone is accepted and read as local time (catalogue, second round).
    ['2021-03-04T10:30:00', '2021-03-04', '2021-03-04'],
    [' 2021-03-04 ', '2021-03-04', '2021-03-04'],
  ])('reads %j as the day %s (latest possible day %s)', (s, first, last) => {
    expect(toDay(s)).toBe(first);
    expect(toLatestDay(s)).toBe(last);
    expect(isFhirDate(s)).toBe(true);
  });

  it('refuses days that do not exist even in an otherwise well-formed dateTime', () => {
    expect(toDay('2025-02-29T10:00:00Z')).toBeUndefined();
    expect(toDay('2026-04-31')).toBeUndefined();
    expect(toDay('2026-11-20T10:60:00Z')).toBeUndefined();
  });

  it('knows real calendar days, leap years included', () => {
    expect(isValidDay('2024-02-29')).toBe(true);
    expect(isValidDay('2025-02-29')).toBe(false);
    expect(isValidDay('2000-02-29')).toBe(true);
    expect(isValidDay('1900-02-29')).toBe(false);
    expect(isValidDay('2026-04-31')).toBe(false);
    expect(isValidDay('2026-13-01')).toBe(false);
  });

  it('includes the first day of a lookback and excludes the day before', () => {
    expect(lookbackStart('2026-11-21', 'P3M')).toBe('2026-08-21');
    expect(lookbackStart('2026-11-21', 'P12M')).toBe('2025-11-21');
    expect(lookbackStart('2026-11-21', 'P90D')).toBe('2026-08-23');
    expect(lookbackStart('2026-05-31', 'P3M')).toBe('2026-02-28');
    expect(withinLookback('2026-08-21', '2026-11-21', 'P3M')).toBe(true);
    expect(withinLookback('2026-08-20', '2026-11-21', 'P3M')).toBe(false);
    expect(withinLookback('2026-11-22', '2026-11-21', 'P3M')).toBe(false);
  });

  it('adds durations forward', () => {
    expect(addDuration('2026-11-21', 'P40W')).toBe('2027-08-28');
  });

  it('counts whole years of age, and a partial birth date from its last possible day', () => {
    expect(ageInYears('2008-11-21', '2026-11-21')).toBe(18);
    expect(ageInYears('2008-11-22', '2026-11-21')).toBe(17);
    expect(ageInYears('2008', '2026-11-21')).toBe(17);
    expect(ageInYears('2030-01-01', '2026-11-21')).toBeUndefined();
    expect(ageInYears('2008/11/21', '2026-11-21')).toBeUndefined();
    expect(ageInYears('20081121', '2026-11-21')).toBeUndefined();
  });
});

describe('compareDays', () => {
  // Lab results are sorted with it: it must order days exactly as localeCompare did.
  const day = fc.date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const dayOrNone = fc.option(day, { nil: undefined });

  it('orders calendar days, no day first, as localeCompare does', () => {
    expect(compareDays('2021-03-04', '2021-03-14')).toBe(-1);
    expect(compareDays('2021-03-04', '2021-03-04')).toBe(0);
    expect(compareDays('2021-03-04', undefined)).toBe(1);
    expect(compareDays(undefined, undefined)).toBe(0);
    fc.assert(
      fc.property(dayOrNone, dayOrNone, (a, b) => {
        expect(compareDays(a, b)).toBe(Math.sign((a ?? '').localeCompare(b ?? '')));
      }),
      { numRuns: 2000 },
    );
  });
});
