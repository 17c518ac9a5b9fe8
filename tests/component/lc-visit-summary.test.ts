/**
 * The summary at the top of the review, in real Chromium, on scenario patients evaluated by the
 * real engine as written (2026-11-21): a region named "Summary" that says what to do today, what
 * to ask, the most likely contributors (merged, each finding keeping its rule id) and the
 * frequency; Retry for a failed source.
 */
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../../src/components/lc-visit-summary.js';
import type { LcVisitSummary } from '../../src/components/lc-visit-summary.js';
import { evaluateBundleJson, type EvaluationReport } from '../../src/evaluation/evaluate-bundle.js';
import type { FrequencyResult } from '../../src/frequency/frequency-band.js';
import { groupFindings } from '../../src/review/group-findings.js';
import { visitSummary } from '../../src/review/visit-summary.js';
import allClear from '../../sandbox/patients/all-clear.json';
import dialysis from '../../sandbox/patients/dialysis-furosemide-iron.json';
import multimorbid from '../../sandbox/patients/multimorbid-older-woman.json';
import { runWithSources } from '../support/evaluate.js';
import type { BundleBuilder } from '../support/fhir-builder.js';
import { AS_OF, failingReport } from './support/scenarios.js';
import { atWidths, deepQuery, deepQueryAll, expectNoAxeViolations, mount, settle, visibleText } from './support/dom.js';

const props = (r: EvaluationReport, extra: Partial<LcVisitSummary> = {}): Partial<LcVisitSummary> => ({
  summary: visitSummary({ findings: r.findings, sources: r.dataStatus.sources }),
  questions: groupFindings(r.findings).askDuringVisit,
  ...extra,
});
const of = (bundle: unknown) => evaluateBundleJson(bundle, AS_OF);
const FREQUENCY: FrequencyResult = { monthlyMean: 1.5, fourWeekCount: null, band: 'infrequent', reasons: ['1 to 2 a month'], seasonCaveat: null, overriddenByRedFlags: false };

describe('lc-visit-summary', () => {
  it('is a region named "Summary": do today, the top contributors merged with what belongs to them, and the frequency', async () => {
    const el = await mount('lc-visit-summary', props(of(multimorbid), { frequency: FREQUENCY }));
    await expect.element(page.getByRole('region', { name: 'Summary', exact: true })).toBeVisible();
    const text = visibleText(el);
    expect(text).toMatch(/^Summary Do today Urgent review Dangerous electrolyte level/);
    // Low sodium once, as the red flag, with its own rule id kept.
    expect(deepQueryAll(el, '[data-rule-id="lab-low-sodium"]')).toHaveLength(1);
    expect(deepQuery(el, '[data-part="do-today"] [data-rule-id="lab-low-sodium"]')).toBeTruthy();
    const problems = deepQueryAll(el, '[data-problem]');
    expect(problems.map((p) => p.dataset.problem)).toEqual(['potassium-sparing', 'statin', 'loop-diuretic', 'diabetes', 'thyroid']);
    expect(deepQueryAll(problems[3]!, '[data-rule-id]').map((e) => e.dataset.ruleId)).toEqual(['cond-diabetes', 'lab-hyperglycemia', 'cond-peripheral-neuropathy']);
    expect(visibleText(problems[0]!)).toMatch(/^Potassium-sparing diuretic On a potassium-sparing diuretic \(spironolactone\).* \(evidence grade A\) Low magnesium.* \(evidence grade B\)$/);
    // The weak loop-diuretic link keeps its own grade beside the low potassium it is merged with.
    expect(visibleText(problems[2]!)).toMatch(/^Loop diuretic On a loop diuretic .* \(evidence grade C-weak\) Low potassium .* \(evidence grade B\)$/);
    expect(text).toContain('3 more in the full list below.');
    expect(text).toContain('Cramp frequency About 1.5 cramps a month: infrequent (1 to 2 a month). Red flags override the band.');
    await atWidths(() => expectNoAxeViolations(el));
  });

  it('dialysis patient: dialysis (grade A/B) is the first contributor, before IV iron and the weak loop-diuretic link', async () => {
    const el = await mount('lc-visit-summary', props(of(dialysis)));
    const labels = deepQueryAll(el, '[data-problem] > strong').map((s) => s.textContent);
    expect(labels[0]).toBe('Kidney failure on dialysis');
    expect(visibleText(deepQueryAll(el, '[data-problem]')[0]!)).toContain('(evidence grade A/B)');
    expect(labels.indexOf('Kidney failure on dialysis')).toBeLessThan(labels.indexOf('Intravenous iron'));
    expect(labels.indexOf('Intravenous iron')).toBeLessThan(labels.indexOf('Loop diuretic (weak link)'));
  });

  it('all-clear patient: no red wall, the questions to ask in neutral words, and "Go to the checklist"', async () => {
    const el = await mount('lc-visit-summary', props(of(allClear)));
    const text = visibleText(el);
    expect(text).toContain('Do today No red flag fired on what the record shows.');
    expect(text).not.toMatch(/not excluded/i);
    expect(deepQueryAll(el, '.red-flag, .urgency')).toHaveLength(0);
    const ask = deepQuery(el, '[data-part="ask"]');
    expect(visibleText(ask)).toMatch(/^Ask during the visit One-sided calf swelling, warmth or tenderness\?/);
    expect(deepQueryAll(ask, 'li')).toHaveLength(8);
    // Neutral: not in the red-flag colour (the default --lc-color-error).
    expect(getComputedStyle(ask).borderLeftColor).not.toBe('rgb(164, 22, 26)');
    const gone: Event[] = [];
    document.body.addEventListener('go-to-checklist', (e) => gone.push(e));
    await userEvent.click(deepQuery(ask, 'button'));
    expect(gone).toHaveLength(1);
    expect(text).toContain('No likely contributor was flagged among what could be checked.');
    expect(text).toContain('Cramp frequency Not entered yet: use the frequency calculator.');
    await atWidths(() => expectNoAxeViolations(el));
  });

  it('names the sources that failed or were refused, offers Retry, and shows how it went', async () => {
    const report = failingReport();
    const el = await mount('lc-visit-summary', props(report, { retry: { available: true, running: false, message: '' } }));
    const unread = deepQuery(el, '[data-part="unread-sources"]');
    expect(visibleText(unread)).toContain('Conditions and problem list (Condition): could not be read (HTTP 503 from the FHIR server)');
    expect(visibleText(unread)).toContain('Laboratory results (Observation): magnesium: not authorised');
    // Cut short is not named here (it stays in "Could not be checked").
    expect(visibleText(unread)).not.toContain('MedicationStatement');
    const retries: Event[] = [];
    document.body.addEventListener('retry-sources', (e) => retries.push(e));
    const button = deepQuery<HTMLButtonElement>(unread, 'button');
    expect(button.textContent?.trim()).toBe('Retry');
    await userEvent.click(button);
    expect(retries).toHaveLength(1);

    el.retry = { available: true, running: true, message: 'Reading the sources that failed again…' };
    await settle(el);
    expect(button.disabled).toBe(true);
    expect(button.textContent?.trim()).toBe('Retrying…');
    expect(deepQuery(el, '[role="status"]').textContent).toBe('Reading the sources that failed again…');
    await atWidths(() => expectNoAxeViolations(el));

    el.retry = { available: false, running: false, message: 'Tried again: 1 of 2 still could not be read.' };
    await settle(el);
    expect(deepQueryAll(unread, 'button')).toHaveLength(0);
    expect(visibleText(unread)).toContain('A retry would not help: ask for access, or relaunch the app from the EHR.');
  });

  it('with a source unread and no red flag, says none fired on what could be read, never that there is none', async () => {
    const report = runWithSources({ bundle: () => allClear } as unknown as BundleBuilder, { 'Observation:potassium': { state: 'failed', reason: 'server error (HTTP 503)' } });
    const el = await mount('lc-visit-summary', props(report));
    expect(visibleText(deepQuery(el, '[data-part="do-today"]'))).toMatch(/^Do today No red flag fired on what could be read\. The app could not read: Laboratory results \(Observation\): potassium: could not be read \(server error \(HTTP 503\)\)/);
  });
});
