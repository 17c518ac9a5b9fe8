import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/components/lc-review-actions.js';
import '../../src/components/lc-review-summary.js';
import type { ReviewChangeDetail } from '../../src/review/review-state.js';
import { atWidths, deepActiveElement, deepQuery, deepQueryAll, expectNoAxeViolations, mount, settle, visibleText } from './support/dom.js';
import { findingOf, richReport } from './support/scenarios.js';

function collect(el: Element) {
  const events: ReviewChangeDetail[] = [];
  // Listen on <body>: the event must leave the shadow root (bubbles + composed).
  const listener = (e: CustomEvent<ReviewChangeDetail>) => events.push(e.detail);
  document.body.addEventListener('review-change', listener);
  return { events, stop: () => document.body.removeEventListener('review-change', listener), el };
}

describe('lc-review-actions', () => {
  it('marks discussed / relevant / not relevant from the keyboard, one at a time, and clears on a second press', async () => {
    const el = await mount('lc-review-actions', { ruleId: 'med-statin', findingTitle: 'Statin' });
    const { events, stop } = collect(el);
    const pressed = () => deepQueryAll(el, 'button[aria-pressed="true"]').map((b) => b.textContent?.trim());
    deepQuery(el, 'button').focus();
    expect(deepActiveElement()?.textContent).toBe('Discussed');
    await userEvent.keyboard('{Enter}');
    await userEvent.tab();
    await userEvent.keyboard(' ');
    await settle(el);
    expect(pressed()).toEqual(['Relevant']);
    await userEvent.keyboard(' ');
    await settle(el);
    expect(pressed()).toEqual([]);
    expect(events).toEqual([
      { ruleId: 'med-statin', status: 'discussed', reason: '' },
      { ruleId: 'med-statin', status: 'relevant', reason: '' },
      { ruleId: 'med-statin', status: null, reason: '' },
    ]);
    stop();
  });

  it('takes a short reason (at most 200 characters) once a mark is set, and emits it', async () => {
    const el = await mount('lc-review-actions', { ruleId: 'med-statin', findingTitle: 'Statin' });
    expect(deepQueryAll(el, 'input')).toHaveLength(0);
    deepQuery(el, 'button').click();
    await settle(el);
    const { events, stop } = collect(el);
    const input = deepQuery<HTMLInputElement>(el, 'input');
    expect(input.maxLength).toBe(200);
    await userEvent.fill(input, 'Started in May');
    expect(events.at(-1)).toEqual({ ruleId: 'med-statin', status: 'discussed', reason: 'Started in May' });
    expect(visibleText(el)).toContain('14 of 200');
    stop();
  });

  it('shows the review the app hands in', async () => {
    const el = await mount('lc-review-actions', { ruleId: 'med-statin', findingTitle: 'Statin', entry: { status: 'not-relevant', reason: 'stopped last week' } });
    expect(deepQuery(el, 'button[aria-pressed="true"]').textContent).toBe('Not relevant');
    expect(deepQuery<HTMLInputElement>(el, 'input').value).toBe('stopped last week');
    await atWidths(() => expectNoAxeViolations(el));
  });
});

describe('lc-review-summary', () => {
  it('counts what was reviewed and lists it with reasons, and says it is not saved', async () => {
    const report = richReport();
    const findings = ['med-statin', 'lab-low-magnesium', 'med-loop-diuretic'].map((id) => findingOf(report, id));
    const el = await mount('lc-review-summary', {
      findings,
      reviews: { 'med-statin': { status: 'relevant', reason: 'aches since starting' }, 'lab-low-magnesium': { status: 'discussed', reason: '' }, 'med-loop-diuretic': { status: null, reason: 'x' } },
    });
    const text = visibleText(el);
    expect(text).toContain('Reviewed 2 of 3 flagged findings.');
    expect(text).toContain('Discussed: 1 Relevant: 1 Not relevant: 0');
    expect(text).toContain('Statin: Relevant (aches since starting)');
    expect(text).toContain('Kept only while this page is open; not saved to the record.');
    expect(deepQueryAll(el, '.list li').map((li) => li.dataset.ruleId)).toEqual(['med-statin', 'lab-low-magnesium']);
    await atWidths(() => expectNoAxeViolations(el));
  });
});
