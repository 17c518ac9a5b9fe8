import { afterEach, describe, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import '../../src/components/lc-review-screen.js';
import type { ChecklistChangeDetail } from '../../src/components/lc-checklist.js';
import type { LcReviewScreen } from '../../src/components/lc-review-screen.js';
import type { ReviewChangeDetail } from '../../src/review/review-state.js';
import { atWidths, deepQuery, deepQueryAll, expectNoAxeViolations, mount, settle, visibleText } from './support/dom.js';
import { failingReport, HOSTILE, hostileReport, richReport, staleRecordReport } from './support/scenarios.js';

afterEach(async () => {
  await commands.emulateMedia('screen');
  await page.viewport(1280, 900);
});

const openAll = async (screen: LcReviewScreen) => {
  for (const d of deepQueryAll<HTMLDetailsElement>(screen, 'details')) d.open = true;
  await settle(screen);
};
/** For people to look at (kept out of git in test-results/): tall enough to hold the whole screen. */
const screenshot = async (el: Element, name: string, width: number) => {
  const height = Math.ceil(el.getBoundingClientRect().height) + 50;
  await commands.setOuterViewport(width + 50, height + 50);
  await page.viewport(width, height);
  await page.screenshot({ element: el, path: `../../test-results/screenshots/${name}.png` });
  await commands.setOuterViewport(1280, 720);
};
const isShown = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';

describe('lc-review-screen', () => {
  it('reads top to bottom: red flags, likely contributors, could not be checked, checked and not found', async () => {
    const screen = await mount('lc-review-screen', { report: richReport({ 'calf-swelling': 'yes' }) }, 'page');
    const text = visibleText(screen);
    const order = ['Night leg cramps: what to check', 'Red flag (1)', 'Same-day assessment', 'Likely contributors (8)', 'Could not be checked (', 'Checked and not found (', 'Point-of-care checklist', 'Cramp frequency', 'Your review Reviewed'];
    const at = order.map((s) => text.indexOf(s));
    expect(at.every((i) => i >= 0), `missing one of ${order.join(' | ')}`).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).not.toMatch(/nothing found/i);
  });

  it('shows the patient banner only when the EHR asks for it, and never touches the page title', async () => {
    const title = document.title;
    const report = richReport();
    const withBanner = await mount('lc-review-screen', { report, needPatientBanner: true, patientBanner: { name: 'Ada Q. Example', birthDate: '1950-03-14' } }, 'page');
    expect(visibleText(deepQuery(withBanner, 'lc-patient-banner'))).toBe('Ada Q. Example Gender female Born 1950-03-14 Age 76 years');
    expect(visibleText(withBanner).indexOf('Ada Q. Example')).toBe(0);
    await expectNoAxeViolations(deepQuery(withBanner, 'lc-patient-banner'));
    const without = await mount('lc-review-screen', { report, patientBanner: { name: 'Ada Q. Example' } }, 'page');
    expect(deepQueryAll(without, 'lc-patient-banner')).toHaveLength(0);
    expect(visibleText(without)).not.toContain('Ada');
    expect(document.title).toBe(title);
  });

  it('lets the checklist drive the red flags: the app re-runs the engine on each change', async () => {
    const screen = await mount('lc-review-screen', { report: richReport() }, 'page');
    // What the app does (the wiring is the app's): answers → QuestionnaireResponse → engine → report.
    screen.addEventListener('checklist-change', (e: CustomEvent<ChecklistChangeDetail>) => {
      screen.checklistAnswers = e.detail.answers;
      screen.report = richReport({ ...e.detail.answers });
    });
    const calf = deepQuery<HTMLFieldSetElement>(screen, 'fieldset[data-item-id="calf-swelling"]');
    await userEvent.click(deepQueryAll<HTMLInputElement>(calf, 'input')[0]!); // Yes
    await settle(screen);
    const flag = deepQuery(screen, '.flag[data-rule-id="redflag-vte-risk"]');
    expect(flag.dataset.urgency).toBe('same-day');
    expect(flag.getAttribute('role')).toBe('alert');
    expect(visibleText(flag)).toContain('Same-day assessment');
    expect(deepQueryAll<HTMLInputElement>(calf, 'input')[0]!.checked).toBe(true);
  });

  it('passes review marks out of the screen and shows them in the summary', async () => {
    const report = richReport();
    const screen = await mount('lc-review-screen', { report }, 'page');
    const seen: ReviewChangeDetail[] = [];
    document.body.addEventListener('review-change', (e) => {
      seen.push(e.detail);
      const { ruleId, ...entry } = e.detail;
      screen.reviews = { ...screen.reviews, [ruleId]: entry };
    });
    const card = deepQuery(screen, 'lc-finding-card[data-rule-id="med-statin"]');
    await userEvent.click(deepQueryAll(card, 'button').find((b) => b.textContent === 'Relevant')!);
    await settle(screen);
    expect(seen).toEqual([{ ruleId: 'med-statin', relevance: 'relevant', discussed: false, reason: '' }]);
    expect(visibleText(deepQuery(screen, 'lc-review-summary'))).toContain('Reviewed 1 of 9 flagged findings.');
    expect(visibleText(deepQuery(screen, 'lc-review-summary'))).toContain('Statin: Relevant');
  });

  it('renders hostile strings from the record as inert text', async () => {
    const screen = await mount('lc-review-screen', { report: hostileReport() }, 'page');
    await openAll(screen);
    expect(deepQueryAll(screen, 'img, script, iframe, object')).toHaveLength(0);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    const text = visibleText(screen);
    expect(text).toContain(HOSTILE.markup);
    expect(text).toContain(HOSTILE.longWord);
    // The javascript: citation is shown as text, never as a link.
    expect(text).toContain('SX Hostile link');
    expect(deepQueryAll<HTMLAnchorElement>(screen, 'a').every((a) => /^https?:$/.test(a.protocol))).toBe(true);
    // The RTL override stays inside an isolating <bdi>, so it cannot reorder the words around it.
    const rtl = deepQueryAll(screen, 'bdi').filter((b) => b.textContent === HOSTILE.rtl);
    expect(rtl.length).toBeGreaterThan(0);
    expect(getComputedStyle(rtl[0]!).unicodeBidi).toBe('isolate');
  });

  it('fits a 360 px side panel without sideways scrolling, even with a 300-character word', async () => {
    await page.viewport(360, 900);
    const screen = await mount('lc-review-screen', { report: hostileReport() }, 'page');
    await openAll(screen);
    expect(screen.scrollWidth).toBeLessThanOrEqual(screen.clientWidth);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(360);
  });

  it('uses two columns when wide and one when narrow (container query)', async () => {
    const screen = await mount('lc-review-screen', { report: richReport() }, 'page');
    const columns = () => getComputedStyle(deepQuery(screen, '.layout')).gridTemplateColumns.split(' ').length;
    await page.viewport(1280, 900);
    expect(columns()).toBe(2);
    await page.viewport(360, 900);
    expect(columns()).toBe(1);
  });

  it('has no axe violations at 360 and 1280 px, with a failing EHR and everything open', async () => {
    const screen = await mount('lc-review-screen', { report: failingReport(), needPatientBanner: true, patientBanner: { name: 'Ada Q. Example', birthDate: '1950-03-14' } }, 'page');
    await openAll(screen);
    await atWidths(async (width) => {
      await expectNoAxeViolations(document);
      await screenshot(screen, `review-screen-failing-${width}`, width);
    });
  });

  it('has no axe violations with red flags and reviews, and screenshots at 360 and 1280 px', async () => {
    const report = richReport({ 'calf-swelling': 'yes', 'saddle-numbness-bladder-bowel': 'yes' });
    const screen = await mount('lc-review-screen', {
      report,
      checklistAnswers: { 'calf-swelling': 'yes', 'saddle-numbness-bladder-bowel': 'yes' },
      reviews: { 'med-statin': { relevance: 'not-relevant', discussed: true, reason: 'aches before starting' } },
    }, 'page');
    await atWidths(async (width) => {
      await expectNoAxeViolations(document);
      await screenshot(screen, `review-screen-${width}`, width);
    });
  });

  it('prints the findings without the app chrome', async () => {
    const screen = await mount('lc-review-screen', { report: richReport({ 'calf-swelling': 'yes' }) }, 'page');
    await commands.emulateMedia('print');
    expect(matchMedia('print').matches).toBe(true);
    expect(deepQueryAll(screen, 'lc-review-actions').some(isShown)).toBe(false);
    expect(isShown(deepQuery(screen, 'lc-checklist'))).toBe(false);
    expect(isShown(deepQuery(screen, 'lc-frequency-calculator'))).toBe(false);
    expect(isShown(deepQuery(screen, '.flag[data-rule-id="redflag-vte-risk"]'))).toBe(true);
    expect(isShown(deepQuery(screen, 'lc-finding-card[data-rule-id="med-statin"]'))).toBe(true);
    expect(isShown(deepQuery(screen, 'lc-not-checked'))).toBe(true);
    await commands.emulateMedia('screen');
    expect(deepQueryAll(screen, 'lc-review-actions').every(isShown)).toBe(true);
  });

  it('takes its colours from the SMART style custom properties', async () => {
    const screen = await mount('lc-review-screen', { report: richReport() }, 'page');
    screen.style.setProperty('--lc-color-highlight', 'rgb(90, 20, 120)');
    screen.style.setProperty('--lc-color-background', 'rgb(250, 250, 240)');
    const article = deepQuery(deepQuery(screen, 'lc-finding-card'), 'article');
    expect(getComputedStyle(article).borderLeftColor).toBe('rgb(90, 20, 120)');
    expect(getComputedStyle(screen).backgroundColor).toBe('rgb(250, 250, 240)');
    const summary = deepQuery(deepQuery(screen, 'lc-finding-card'), 'summary');
    summary.focus();
    await userEvent.keyboard('{Shift}');
    expect(getComputedStyle(summary).outlineColor).toBe('rgb(90, 20, 120)');
  });
});

describe('lc-review-screen for a deceased patient (second round)', () => {
  it('says above everything that the patient has died, with the age at death in the banner, not an age today', async () => {
    const screen = await mount('lc-review-screen', { report: staleRecordReport(), needPatientBanner: true, patientBanner: { name: 'Test Person', birthDate: '1921-06-02' } }, 'page');
    const text = visibleText(screen);
    expect(text.startsWith('This patient has died on 1994-08-02 The record belongs to a deceased patient (age at death 73).')).toBe(true);
    expect(text).toContain('Age at death 73 years');
    expect(text).toContain('Died 1994-08-02');
    expect(text).not.toMatch(/Age 10\d years/);
    expect(deepQuery(screen, 'lc-deceased-banner')).toBeTruthy();
    await atWidths(() => expectNoAxeViolations(screen));
  });

  it('shows no deceased banner for a living patient', async () => {
    const screen = await mount('lc-review-screen', { report: richReport() }, 'page');
    expect(deepQueryAll(screen, 'lc-deceased-banner')).toHaveLength(0);
    expect(visibleText(screen)).not.toContain('has died');
  });
});
