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
  const pressed = (el: Element) => deepQueryAll(el, 'button[aria-pressed="true"]').map((b) => b.dataset.mark);

  it('marks relevance and "discussed" independently, from the keyboard, and clears relevance on a second press', async () => {
    const el = await mount('lc-review-actions', { ruleId: 'med-statin', findingTitle: 'Statin' });
    const { events, stop } = collect(el);
    deepQuery(el, 'button').focus();
    expect(deepActiveElement()?.textContent).toBe('Relevant');
    await userEvent.keyboard('{Enter}');
    await userEvent.tab();
    await userEvent.tab();
    expect((deepActiveElement() as HTMLElement).dataset.mark).toBe('discussed');
    await userEvent.keyboard(' ');
    await settle(el);
    expect(pressed(el)).toEqual(['relevant', 'discussed']);
    deepQuery(el, 'button[data-mark="relevant"]').focus();
    await userEvent.keyboard(' ');
    await settle(el);
    expect(pressed(el)).toEqual(['discussed']);
    expect(events).toEqual([
      { ruleId: 'med-statin', relevance: 'relevant', discussed: false, reason: '' },
      { ruleId: 'med-statin', relevance: 'relevant', discussed: true, reason: '' },
      { ruleId: 'med-statin', relevance: null, discussed: true, reason: '' },
    ]);
    stop();
  });

  it('"Not relevant" replaces "Relevant" and asks why (at most 200 characters); the reason is sent only while not relevant', async () => {
    const el = await mount('lc-review-actions', { ruleId: 'med-statin', findingTitle: 'Statin' });
    expect(deepQueryAll(el, 'input')).toHaveLength(0);
    deepQuery(el, 'button[data-mark="relevant"]').click();
    await settle(el);
    expect(deepQueryAll(el, 'input')).toHaveLength(0);
    deepQuery(el, 'button[data-mark="not-relevant"]').click();
    await settle(el);
    expect(pressed(el)).toEqual(['not-relevant']);
    const { events, stop } = collect(el);
    const input = deepQuery<HTMLInputElement>(el, 'input');
    expect(input.maxLength).toBe(200);
    expect(visibleText(el)).toContain('Why not relevant (optional, up to 200 characters)');
    await userEvent.fill(input, 'Stopped in May');
    expect(events.at(-1)).toEqual({ ruleId: 'med-statin', relevance: 'not-relevant', discussed: false, reason: 'Stopped in May' });
    expect(visibleText(el)).toContain('14 of 200');
    deepQuery(el, 'button[data-mark="relevant"]').click();
    await settle(el);
    expect(events.at(-1)).toEqual({ ruleId: 'med-statin', relevance: 'relevant', discussed: false, reason: '' });
    expect(deepQueryAll(el, 'input')).toHaveLength(0);
    // Pressed back by mistake: the typed reason is still there.
    deepQuery(el, 'button[data-mark="not-relevant"]').click();
    await settle(el);
    expect(deepQuery<HTMLInputElement>(el, 'input').value).toBe('Stopped in May');
    expect(events.at(-1)).toEqual({ ruleId: 'med-statin', relevance: 'not-relevant', discussed: false, reason: 'Stopped in May' });
    stop();
  });

  it('shows the review the app hands in', async () => {
    const el = await mount('lc-review-actions', { ruleId: 'med-statin', findingTitle: 'Statin', entry: { relevance: 'not-relevant', discussed: true, reason: 'stopped last week' } });
    expect(pressed(el)).toEqual(['not-relevant', 'discussed']);
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
      reviews: {
        'med-statin': { relevance: 'not-relevant', discussed: true, reason: 'aches before starting' },
        'lab-low-magnesium': { relevance: null, discussed: true, reason: '' },
        'med-loop-diuretic': { relevance: null, discussed: false, reason: '' },
      },
    });
    const text = visibleText(el);
    expect(text).toContain('Reviewed 2 of 3 flagged findings.');
    expect(text).toContain('Relevant: 0 Not relevant: 1 Discussed: 2');
    expect(text).toContain('Statin: Not relevant · Discussed (aches before starting)');
    expect(text).toContain('Kept only while this page is open; not saved to the record.');
    expect(deepQueryAll(el, '.list li').map((li) => li.dataset.ruleId)).toEqual(['med-statin', 'lab-low-magnesium']);
    await atWidths(() => expectNoAxeViolations(el));
  });
});
