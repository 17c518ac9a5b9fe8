import { afterEach, describe, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import '../../src/components/lc-review-screen.js';
import type { ChecklistChangeDetail } from '../../src/components/lc-checklist.js';
import type { LcReviewScreen } from '../../src/components/lc-review-screen.js';
import type { ReviewChangeDetail } from '../../src/review/review-state.js';
import { atWidths, deepActiveElement, deepQuery, deepQueryAll, expectNoAxeViolations, mount, settle, visibleText } from './support/dom.js';
import { evaluateBundleJson } from '../../src/evaluation/evaluate-bundle.js';
import allClear from '../../sandbox/patients/all-clear.json';
import child13 from '../../sandbox/patients/child-asthma-13.json';
import { AS_OF, failingReport, HOSTILE, hostileReport, richReport, staleRecordReport } from './support/scenarios.js';

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
  it('reads top to bottom: the summary first, then red flags, likely contributors, could not be checked, checked and not found', async () => {
    const screen = await mount('lc-review-screen', { report: richReport({ 'calf-swelling': 'yes' }) }, 'page');
    const text = visibleText(screen);
    const order = ['Night leg cramps: what to check', 'Summary Do today Same-day assessment', 'Most likely contributors', 'Red flag (1)', 'Likely contributors (8)', 'Could not be checked (', 'Checked and not found (', 'Point-of-care checklist', 'Episodes in each month', 'Your review Reviewed'];
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

  it('lets the checklist drive the red flags: the flag appears in the summary, in the banner and in the item, and is announced once', async () => {
    const screen = await mount('lc-review-screen', { report: richReport() }, 'page');
    // What the app does (the wiring is the app's): answers → QuestionnaireResponse → engine → report.
    screen.addEventListener('checklist-change', (e: CustomEvent<ChecklistChangeDetail>) => {
      screen.checklistAnswers = e.detail.answers;
      screen.report = richReport({ ...e.detail.answers });
    });
    const live = () => deepQueryAll(screen, '[aria-live], [role="alert"]').map((e) => e.textContent?.trim()).filter(Boolean);
    const saddle = deepQuery<HTMLFieldSetElement>(screen, 'fieldset[data-item-id="saddle-numbness-bladder-bowel"]');
    await userEvent.click(deepQueryAll<HTMLInputElement>(saddle, 'input')[0]!); // Yes
    await settle(screen);
    const banner = deepQuery(screen, 'lc-red-flag-banner');
    expect(deepQuery(banner, '.flag[data-rule-id="redflag-cauda-equina"]').dataset.urgency).toBe('emergency');
    expect(visibleText(deepQuery(deepQuery(screen, 'lc-visit-summary'), '[data-part="do-today"]'))).toMatch(/^Do today Emergency: act now Possible cauda equina syndrome/);
    expect(visibleText(deepQuery(saddle, '[data-rule-id="redflag-cauda-equina"]'))).toMatch(/^Red flag \(emergency: act now\): Possible cauda equina syndrome\./);
    expect(deepQueryAll<HTMLInputElement>(saddle, 'input')[0]!.checked).toBe(true);
    // One announcement, in one place.
    expect(live()).toHaveLength(1);
    expect(live()[0]).toMatch(/^New red flag \(emergency: act now\): Possible cauda equina syndrome\./);
    // The question is no longer one to ask.
    expect(deepQueryAll(deepQuery(screen, 'lc-visit-summary'), '[data-item-id="saddle-numbness-bladder-bowel"]')).toHaveLength(0);
    expect(deepQueryAll(deepQuery(screen, 'lc-visit-summary'), '[data-item-id="loss-of-consciousness-jerking"]')).toHaveLength(1);

    // Another answer re-runs the engine: the flag stays, nothing is said again.
    const said = live();
    await userEvent.click(deepQueryAll<HTMLInputElement>(deepQuery(screen, 'fieldset[data-item-id="loss-of-consciousness-jerking"]'), 'input')[1]!); // No
    await settle(screen);
    expect(live()).toEqual(said);
  });

  it('all-clear patient: the first screen is the summary, with questions to ask and no red wall', async () => {
    const screen = await mount('lc-review-screen', { report: evaluateBundleJson(allClear, AS_OF) }, 'page');
    const text = visibleText(screen);
    expect(text).not.toMatch(/Red flag not excluded|Red flags? \(\d+\)/);
    expect(deepQueryAll(deepQuery(screen, 'lc-red-flag-banner'), 'section')).toHaveLength(0);
    expect(deepQueryAll(screen, '.red-flag, .item.red-flag, .flag')).toHaveLength(0);
    expect(text).toContain('Ask during the visit One-sided calf swelling, warmth or tenderness?');
    // The checklist asks an adult without quinine neither the child nor the quinine-bleeding question.
    const asked = deepQueryAll<HTMLFieldSetElement>(deepQuery(screen, 'lc-checklist'), 'fieldset').map((f) => f.dataset.itemId);
    expect(asked).toHaveLength(9);
    expect(asked).not.toContain('frequent-falls');
    expect(asked).not.toContain('bleeding-on-quinine');
    // "Go to the checklist" brings the clinician to the questions.
    await userEvent.click(deepQueryAll<HTMLButtonElement>(deepQuery(screen, 'lc-visit-summary'), 'button').find((b) => b.textContent === 'Go to the checklist')!);
    expect(deepActiveElement()?.textContent).toBe('Point-of-care checklist');
    await atWidths(async (width) => {
      await expectNoAxeViolations(document);
      await screenshot(screen, `review-screen-all-clear-${width}`, width);
    });
  });

  it('healthy 13-year-old: only the red flags that lack data stay "not excluded"; the child question is asked', async () => {
    const screen = await mount('lc-review-screen', { report: evaluateBundleJson(child13, AS_OF) }, 'page');
    const notExcluded = deepQueryAll(deepQuery(screen, 'lc-not-checked'), '.item.red-flag').map((e) => e.dataset.ruleId);
    expect(notExcluded).toEqual(['redflag-severe-electrolyte', 'redflag-rhabdomyolysis']);
    expect(visibleText(deepQuery(screen, 'lc-visit-summary'))).toContain('2 red flags could not be excluded for want of data: see "Could not be checked" below.');
    const asked = deepQueryAll<HTMLFieldSetElement>(deepQuery(screen, 'lc-checklist'), 'fieldset').map((f) => f.dataset.itemId);
    expect(asked).toContain('frequent-falls');
    expect(asked).not.toContain('bleeding-on-quinine');
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
    // A chart review: the summary neither says "do today" nor lists questions to ask.
    const summary = visibleText(deepQuery(screen, 'lc-visit-summary'));
    expect(summary).toMatch(/^Summary Red flags in the record /);
    expect(summary).not.toMatch(/Do today|Ask during the visit/);
    expect(text.indexOf('This patient has died')).toBeLessThan(text.indexOf('Summary'));
    await atWidths(() => expectNoAxeViolations(screen));
  });

  it('shows no deceased banner for a living patient', async () => {
    const screen = await mount('lc-review-screen', { report: richReport() }, 'page');
    expect(deepQueryAll(screen, 'lc-deceased-banner')).toHaveLength(0);
    expect(visibleText(screen)).not.toContain('has died');
  });
});
