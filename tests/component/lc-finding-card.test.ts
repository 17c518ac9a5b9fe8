import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/components/lc-finding-card.js';
import { atWidths, deepActiveElement, deepQuery, deepQueryAll, expectNoAxeViolations, mount, visibleText } from './support/dom.js';
import { findingOf, richReport } from './support/scenarios.js';

const loop = () => findingOf(richReport(), 'med-loop-diuretic');

describe('lc-finding-card', () => {
  it('shows title, one-line summary, grade and outcome, and carries data-rule-id on the host', async () => {
    const card = await mount('lc-finding-card', { finding: loop() });
    expect(card.dataset.ruleId).toBe('med-loop-diuretic');
    const text = visibleText(card);
    expect(text).toContain('Loop diuretic');
    expect(text).toContain('On a loop diuretic (furosemide): weak link, not significant (p = 0.07)');
    expect(text).toContain('Evidence grade C-weak');
    expect(text).toContain('Flagged');
    // The evidence stays closed until asked for.
    expect(text).not.toContain('0.62 mmol/L');
  });

  it('gives the grade its meaning as a description for screen readers and a tooltip on focus', async () => {
    const card = await mount('lc-finding-card', { finding: loop() });
    const grade = deepQuery(card, '.grade');
    const tip = deepQuery(card, `#${grade.getAttribute('aria-describedby')}`);
    expect(tip.getAttribute('role')).toBe('tooltip');
    expect(tip.textContent).toBe('Weak: the link was looked for and not shown');
    expect(getComputedStyle(tip).display).toBe('none');
    grade.focus();
    await userEvent.keyboard('{Shift>}{Shift}{/Shift}'); // a keyboard event so :focus-visible applies
    expect(getComputedStyle(tip).display).toBe('block');
    await userEvent.keyboard('{Escape}');
    await card.updateComplete;
    expect(getComputedStyle(tip).display).toBe('none');
  });

  it('opens the exact evidence from the keyboard: values with units, ranges, dates, roles, resources', async () => {
    const card = await mount('lc-finding-card', { finding: loop() });
    deepQuery(card, '.grade').focus();
    await userEvent.tab(); // from the grade to the disclosure
    expect(deepActiveElement()?.tagName).toBe('SUMMARY');
    await userEvent.keyboard('{Enter}');
    expect(deepQuery<HTMLDetailsElement>(card, 'details').open).toBe(true);
    const text = visibleText(card);
    expect(text).toContain('Trigger: furosemide 40 MG Oral Tablet');
    expect(text).toContain('Status active Date 2026-04-11 Range / note active order; furosemide, matched by name "furosemide" in the text Record MedicationRequest/m-furo · RxNorm 313988');
    expect(text).toContain('Supporting: Potassium [Moles/volume] in Serum or Plasma');
    expect(text).toMatch(/Value 3\.1 mmol\/L Date 2026-11-02 Range \/ note below the lab's lower limit 3\.5 mmol\/L Record Observation\/o-k · LOINC 2823-3/);
    expect(text).toMatch(/Value 0\.62 mmol\/L Date 2026-11-02 Range \/ note below 0\.7 mmol\/L; = 1\.51 mg\/dL/);
    expect(text).toContain('Next step');
    expect(text).toContain('Sources');
    // Space closes it again, as on any native disclosure.
    await userEvent.keyboard(' ');
    expect(deepQuery<HTMLDetailsElement>(card, 'details').open).toBe(false);
  });

  it('lists citations with full text and links only http(s) URLs', async () => {
    const f = loop();
    const card = await mount('lc-finding-card', {
      finding: { ...f, citations: [{ key: 'S7', text: 'NICE CKS: Leg cramps.', url: 'https://cks.nice.org.uk/topics/leg-cramps/' }, { key: 'S99', text: 'Bad link', url: 'javascript:alert(1)' }, { key: 'S3', text: 'No link at all.' }] },
    });
    deepQuery<HTMLDetailsElement>(card, 'details').open = true;
    const links = deepQueryAll<HTMLAnchorElement>(card, 'a');
    expect(links.map((a) => a.href)).toEqual(['https://cks.nice.org.uk/topics/leg-cramps/']);
    expect(links[0]?.rel).toBe('noopener noreferrer');
    const text = visibleText(card);
    expect(text).toContain('S7 NICE CKS: Leg cramps.');
    expect(text).toContain('S99 Bad link');
    expect(text).toContain('S3 No link at all.');
  });

  it('has no axe violations, closed and open, at 360 and 1280 px', async () => {
    const card = await mount('lc-finding-card', { finding: loop() });
    await atWidths(async () => {
      deepQuery<HTMLDetailsElement>(card, 'details').open = false;
      await expectNoAxeViolations(card);
      deepQuery<HTMLDetailsElement>(card, 'details').open = true;
      await expectNoAxeViolations(card);
    });
  });
});
