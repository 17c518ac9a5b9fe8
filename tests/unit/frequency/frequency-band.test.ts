import { describe, expect, it } from 'vitest';
import { frequencyBand, monthsBefore, seasonCaveat, WEEKS_PER_MONTH, type MonthCount } from '../../../src/frequency/frequency-band.js';

const months = (start: string, counts: number[]): MonthCount[] => {
  const [y, m] = start.split('-').map(Number) as [number, number];
  return counts.map((episodes, i) => {
    const d = new Date(Date.UTC(y, m - 1 + i, 1));
    return { month: `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`, episodes };
  });
};
const monthly = (start: string, counts: number[]) => frequencyBand({ counts: { mode: 'monthly', months: months(start, counts) } });

describe('monthly mean and band', () => {
  it('reproduces the lay article worked example: (3+0+4+1+1+0)/6 = 1.5, infrequent', () => {
    const r = monthly('2026-05', [3, 0, 4, 1, 1, 0]);
    expect(r.monthlyMean).toBe(1.5);
    expect(r.band).toBe('infrequent');
  });

  it('a blank month is unknown, not zero: the mean is over the months entered', () => {
    const r = frequencyBand({ counts: { mode: 'monthly', months: [{ month: '2026-09', episodes: 2 }, { month: '2026-10', episodes: 4 }] } });
    expect(r.monthlyMean).toBe(3);
  });

  it('ignores negative and non-finite counts instead of averaging them', () => {
    const r = frequencyBand({ counts: { mode: 'monthly', months: [{ month: '2026-09', episodes: -3 }, { month: '2026-10', episodes: Number.NaN }, { month: '2026-08', episodes: 1 }] } });
    expect(r.monthlyMean).toBe(1);
  });

  it('uses at most 6 months', () => {
    expect(monthly('2026-01', [1, 1, 1, 1, 1, 1, 100]).monthlyMean).toBe(1);
  });

  it.each([
    [0.99, 'rare'],
    [1, 'infrequent'],
    [2, 'infrequent'],
    [4.3, 'infrequent'],
    [52 / 12, 'frequent'],
    [20, 'frequent'],
  ] as const)('mean %s a month is %s', (mean, expected) => {
    const r = frequencyBand({ counts: { mode: 'monthly', months: [{ month: '2026-10', episodes: mean }] } });
    expect(r.band).toBe(expected);
  });

  it('says the 2-a-month-to-weekly range has no band of its own', () => {
    const r = monthly('2026-10', [3]);
    expect(r.band).toBe('infrequent');
    expect(r.reasons.join(' ')).toMatch(/no source draws a line/);
  });

  it('nothing entered gives no mean and no band, and no season caveat', () => {
    const r = frequencyBand({ counts: { mode: 'monthly', months: [] } });
    expect(r).toMatchObject({ monthlyMean: null, fourWeekCount: null, band: null, seasonCaveat: null });
  });
});

describe('four-week count', () => {
  it('sums 4 weekly entries exactly', () => {
    const r = frequencyBand({ counts: { mode: 'weekly', weeks: [1, 0, 2, 1] } });
    expect(r.fourWeekCount).toEqual({ value: 4, estimated: false });
    expect(r.monthlyMean).toBeCloseTo(WEEKS_PER_MONTH, 10);
    expect(r.band).toBe('frequent');
  });

  it('estimates from fewer than 4 weeks and says so', () => {
    const r = frequencyBand({ counts: { mode: 'weekly', weeks: [2] } });
    expect(r.fourWeekCount).toEqual({ value: 8, estimated: true });
  });

  it('in monthly mode scales the latest month entered to 28 days', () => {
    const r = monthly('2026-09', [30, 31]); // September 30 days, October 31
    expect(r.fourWeekCount).toEqual({ value: 28, estimated: true, fromMonth: '2026-10' });
  });
});

describe('frequent and prompt review from features', () => {
  it('sleep disrupted at least 1 night a week is frequent even when the count is rare', () => {
    const r = frequencyBand({ counts: { mode: 'monthly', months: months('2026-10', [0]) }, features: { sleepDisruptedNightsPerWeek: 1 } });
    expect(r.band).toBe('frequent');
    expect(r.reasons).toContain('sleep disrupted at least 1 night a week');
  });

  it('less than 1 disrupted night a week does not raise the band', () => {
    const r = frequencyBand({ counts: { mode: 'monthly', months: months('2026-10', [0]) }, features: { sleepDisruptedNightsPerWeek: 0.5 } });
    expect(r.band).toBe('rare');
  });

  it.each([
    [{ nightly: true }, 'cramps every night'],
    [{ severalPerNight: true }, 'several cramps a night'],
    [{ longerThan10Minutes: true }, 'episodes longer than 10 minutes'],
    [{ rapidlyRising: true }, 'frequency rising quickly'],
  ])('%o is prompt review whatever the count', (features, reason) => {
    const r = frequencyBand({ counts: { mode: 'monthly', months: months('2026-10', [0]) }, features });
    expect(r.band).toBe('prompt-review');
    expect(r.reasons).toContain(reason);
  });

  it('averaging 7 a week is nightly: prompt review', () => {
    expect(frequencyBand({ counts: { mode: 'weekly', weeks: [7, 7, 7, 7] } }).band).toBe('prompt-review');
    expect(frequencyBand({ counts: { mode: 'weekly', weeks: [6, 7, 7, 7] } }).band).toBe('frequent');
  });

  it('a feature alone gives a band before any count is entered', () => {
    expect(frequencyBand({ counts: { mode: 'weekly', weeks: [] }, features: { severalPerNight: true } }).band).toBe('prompt-review');
  });
});

describe('red flags override the band', () => {
  it('keeps the band but marks it overridden', () => {
    const r = frequencyBand({ counts: { mode: 'monthly', months: months('2026-10', [0]) }, redFlagsPresent: true });
    expect(r.band).toBe('rare');
    expect(r.overriddenByRedFlags).toBe(true);
    expect(frequencyBand({ counts: { mode: 'monthly', months: months('2026-10', [0]) } }).overriddenByRedFlags).toBe(false);
  });
});

describe('season caveat', () => {
  it('May to October holds summer but no winter month: caveat', () => {
    expect(monthly('2026-05', [1, 1, 1, 1, 1, 1]).seasonCaveat).toMatch(/summer and a winter month/);
  });

  it('August to January holds both: no caveat', () => {
    expect(monthly('2026-08', [1, 1, 1, 1, 1, 1]).seasonCaveat).toBeNull();
  });

  it('spring months only: caveat', () => {
    expect(monthly('2026-03', [1, 1, 1]).seasonCaveat).not.toBeNull();
  });

  it('the southern hemisphere swaps the seasons', () => {
    const counts = { mode: 'monthly' as const, months: months('2026-06', [1, 1, 1]) }; // June–August: southern winter
    expect(seasonCaveat(counts, 'south')).not.toBeNull();
    expect(seasonCaveat({ mode: 'monthly', months: months('2026-01', [1, 0, 0, 0, 0, 1]) }, 'south')).toBeNull();
  });

  it('weekly entries always carry the caveat', () => {
    expect(frequencyBand({ counts: { mode: 'weekly', weeks: [1] } }).seasonCaveat).toMatch(/one season/);
  });
});

describe('monthsBefore', () => {
  it('lists the 6 calendar months before the month of asOf, oldest first, across a year end', () => {
    expect(monthsBefore('2026-11-21')).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    expect(monthsBefore('2026-02-01', 3)).toEqual(['2025-11', '2025-12', '2026-01']);
  });
});
