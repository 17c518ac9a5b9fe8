import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/components/lc-frequency-calculator.js';
import type { FrequencyChangeDetail } from '../../src/components/lc-frequency-calculator.js';
import { atWidths, deepQuery, deepQueryAll, expectNoAxeViolations, mount, settle, visibleText } from './support/dom.js';

const field = (el: Element, label: string) => {
  const l = deepQueryAll<HTMLLabelElement>(el, 'label').find((x) => x.textContent?.trim() === label);
  if (!l) throw new Error(`no field ${label}`);
  // A text box is labelled with for=; a checkbox sits inside its label.
  return l.htmlFor ? deepQuery<HTMLInputElement>(el, `#${l.htmlFor}`) : deepQuery<HTMLInputElement>(l, 'input');
};
const result = (el: Element) => visibleText(deepQuery(el, 'lc-frequency-result'));

describe('lc-frequency-calculator', () => {
  it('labels the 6 months before the visit and reproduces the worked example with band and season caveat', async () => {
    const el = await mount('lc-frequency-calculator', { asOf: '2026-11-21' });
    const months = ['May 2026', 'June 2026', 'July 2026', 'August 2026', 'September 2026', 'October 2026'];
    expect(months.map((m) => field(el, m).value)).toEqual(['', '', '', '', '', '']);
    expect(result(el)).toContain('Enter counts to see the band.');
    const events: FrequencyChangeDetail[] = [];
    el.addEventListener('frequency-change', (e) => events.push(e.detail));
    for (const [m, n] of months.map((m, i) => [m, ['3', '0', '4', '1', '1', '0'][i]] as const)) await userEvent.fill(field(el, m), n ?? '');
    await settle(el);
    const text = result(el);
    expect(text).toContain('Band: Infrequent (1 to 2 a month): self-care');
    expect(text).toContain('Monthly mean 1.5 a month');
    expect(text).toContain('Last 4 weeks 0 episodes (estimated from October 2026)');
    expect(text).toContain('The months entered do not include both a summer and a winter month');
    expect(text).toContain('App heuristic, not a guideline');
    expect(text).not.toContain('Red flags override');
    expect(events.at(-1)?.result).toMatchObject({ monthlyMean: 1.5, band: 'infrequent' });
  });

  it('treats a blank month as unknown and refuses a count that is not a whole number', async () => {
    const el = await mount('lc-frequency-calculator', { asOf: '2026-11-21' });
    await userEvent.fill(field(el, 'October 2026'), '6');
    await userEvent.fill(field(el, 'September 2026'), 'lots');
    await settle(el);
    expect(field(el, 'September 2026').getAttribute('aria-invalid')).toBe('true');
    expect(visibleText(el)).toContain('Enter a whole number from 0 to 999.');
    expect(result(el)).toContain('Monthly mean 6 a month');
    expect(result(el)).toContain('Band: Frequent (once a week or more)');
  });

  it('counts by week: the 4-week count is exact and the mean is per month', async () => {
    const el = await mount('lc-frequency-calculator', { asOf: '2026-11-21' });
    const weekly = deepQueryAll<HTMLInputElement>(el, 'input[name="mode"]')[1]!;
    weekly.focus();
    await userEvent.keyboard(' ');
    await settle(el);
    for (const [label, n] of [['Last 7 days', '2'], ['8 to 14 days ago', '1'], ['15 to 21 days ago', '1'], ['22 to 28 days ago', '1']] as const) await userEvent.fill(field(el, label), n);
    await settle(el);
    expect(result(el)).toContain('Last 4 weeks 5 episodes');
    expect(result(el)).toContain('Monthly mean 5.42 a month');
    expect(result(el)).toContain('Band: Frequent');
    expect(result(el)).toContain('A few weeks show one season only');
  });

  it('raises prompt review from pattern features and frequent from sleep disruption', async () => {
    const el = await mount('lc-frequency-calculator', { asOf: '2026-11-21' });
    await userEvent.fill(field(el, 'Nights a week woken by cramps'), '1');
    await settle(el);
    expect(result(el)).toContain('Band: Frequent (sleep disrupted at least 1 night a week)');
    await userEvent.click(field(el, 'Episodes longer than 10 minutes'));
    await settle(el);
    expect(result(el)).toContain('Band: Prompt review (episodes longer than 10 minutes)');
  });

  it('says red flags override the band when any red flag fired', async () => {
    const el = await mount('lc-frequency-calculator', { asOf: '2026-11-21', redFlagsPresent: true });
    await userEvent.fill(field(el, 'October 2026'), '0');
    await settle(el);
    expect(result(el)).toContain('Band: Rare');
    expect(result(el)).toContain('Red flags override the band: assess the red flags above first, whatever the frequency.');
    await atWidths(() => expectNoAxeViolations(el));
  });
});
