/**
 * Every scenario patient launched from the EHR page as a clinician would, looking at the summary
 * at 1280 and 360 px: a region named "Summary" first, at most five contributors, no rule shown
 * twice in it, every merged finding carrying its rule id, the review screen free of axe violations
 * and of sideways scrolling at both widths. Screenshots of the first screen and of the summary go
 * to test-results/scenario-summaries/ (git-ignored) for people to look at.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CATALOGUE_IDS } from '../../rules/catalogue.js';
import { launchFromEhr } from './support/app-page.js';
import { startStack, type Stack } from './support/stack.js';

const PATIENTS_DIR = join(import.meta.dirname, '..', '..', 'sandbox', 'patients');
const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'scenario-summaries');
const PATIENTS = readdirSync(PATIENTS_DIR)
  .filter((f) => f.endsWith('.json') && f !== 'expected.json' && f !== 'faults.json')
  .map((f) => f.slice(0, -'.json'.length));
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let stack: Stack;

beforeAll(async () => {
  stack = await startStack(inject('appDist'));
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await stack?.close();
});

interface AxeOutcome {
  /** Rules that applied and passed: proof that axe really looked at the screen. */
  readonly passed: number;
  readonly violations: readonly string[];
}

/** axe-core on the review screen (shadow DOM included), evaluated through the DevTools protocol: the app's CSP allows no injected script. */
async function axeOn(page: Page): Promise<AxeOutcome> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    type Result = { passes: unknown[]; violations: { id: string; nodes: { target: unknown }[] }[] };
    const axe = (window as unknown as { axe: { run: (c: unknown) => Promise<Result> } }).axe;
    const screen = document.querySelector('lc-app')?.shadowRoot?.querySelector('lc-review-screen');
    if (!screen) return { passed: 0, violations: ['no review screen'] };
    const result = await axe.run(screen);
    return { passed: result.passes.length, violations: result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`) };
  });
}

describe('the summary of every scenario patient', () => {
  it('finds the 32 scenario patients', () => {
    expect(PATIENTS).toHaveLength(32);
  });

  it.each(PATIENTS)('%s', async (patient) => {
    const page = await stack.newPage({ width: 1280, height: 900 });
    await launchFromEhr(stack, page, patient);
    const summary = page.getByRole('region', { name: 'Summary', exact: true });
    await summary.waitFor({ timeout: 30_000 });

    const shown = await page.locator('lc-visit-summary [data-rule-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule-id') ?? ''));
    for (const id of shown) expect(CATALOGUE_IDS, id).toContain(id);
    expect(new Set(shown).size, `a rule shown twice in the summary: ${shown.join(', ')}`).toBe(shown.length);
    expect(await page.locator('lc-visit-summary [data-problem]').count()).toBeLessThanOrEqual(5);
    // Nothing above the summary but the banners and the page title.
    const top = async (selector: string) => (await page.locator(selector).first().boundingBox())?.y ?? Infinity;
    expect(await top('lc-visit-summary')).toBeLessThan(await top('lc-findings-list'));

    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: width === 360 ? 800 : 900 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `sideways scrolling at ${width} px`).toBeLessThanOrEqual(width);
      const axe = await axeOn(page);
      expect(axe.violations, `axe at ${width} px`).toEqual([]);
      expect(axe.passed).toBeGreaterThan(10);
      await page.screenshot({ path: join(SHOTS, `${patient}-${width}-first-screen.png`) });
      await page.locator('lc-visit-summary').screenshot({ path: join(SHOTS, `${patient}-${width}-summary.png`) });
    }
    await page.context().close();
  });
});
