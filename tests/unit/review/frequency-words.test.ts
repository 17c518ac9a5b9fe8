import { describe, expect, it } from 'vitest';
import { frequencyBand } from '../../../src/frequency/frequency-band.js';
import { frequencyLine } from '../../../src/review/frequency-words.js';

const months = (...episodes: number[]) => frequencyBand({ counts: { mode: 'monthly', months: episodes.map((n, i) => ({ month: `2026-0${i + 5}`, episodes: n })) } });

describe('frequencyLine (the summary\'s frequency)', () => {
  it('says the monthly mean, the band and why, as the calculator decided it', () => {
    expect(frequencyLine(months(3, 0, 4, 1, 1, 0), false)).toBe('About 1.5 cramps a month: infrequent (1 to 2 a month).');
    expect(frequencyLine(months(1), false)).toBe('About 1 cramp a month: infrequent (1 to 2 a month).');
    expect(frequencyLine(months(8, 9), false)).toBe('About 8.5 cramps a month: frequent (once a week or more).');
  });

  it('adds that red flags override the band when any fired', () => {
    expect(frequencyLine(months(0, 1), true)).toBe('About 0.5 cramps a month: rare (less than once a month). Red flags override the band.');
  });

  it('says nothing when nothing was entered, and the band alone when only features were ticked', () => {
    expect(frequencyLine(undefined, false)).toBeUndefined();
    expect(frequencyLine(months(), false)).toBeUndefined();
    const nightly = frequencyBand({ counts: { mode: 'monthly', months: [] }, features: { nightly: true } });
    expect(frequencyLine(nightly, false)).toBe('Prompt review (cramps every night).');
  });
});
