/**
 * Calendar days and lookbacks: the engine's only notion of time.
 */
import { describe, expect, it } from 'vitest';
import { addDuration, ageInYears, isValidDay, lookbackStart, toDay, withinLookback } from '../../../rules/engine/time.js';

describe('time', () => {
  it('reads the calendar day a FHIR date or dateTime names, in its own offset', () => {
    expect(toDay('2026-11-09T23:30:00-05:00')).toBe('2026-11-09');
    expect(toDay('2026-11')).toBe('2026-11-01');
    expect(toDay('2026')).toBe('2026-01-01');
    expect(toDay('2026-02-30')).toBeUndefined();
    expect(toDay('yesterday')).toBeUndefined();
    expect(toDay(20261109)).toBeUndefined();
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
  });
});
