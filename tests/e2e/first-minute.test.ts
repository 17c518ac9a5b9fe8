/**
 * A newcomer's first minute (issue 10, point 10): the app's own address opened without a launch
 * says how to start it and links to the EHR's patient list, instead of "Session expired"; the
 * standalone launch from launch/ reaches a review.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { screenText, waitForFindings } from './support/app-page.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack(inject('appDist'));
});
afterAll(async () => {
  await stack?.close();
});

describe("the app's address opened directly", () => {
  it('says how to launch, links to the EHR page, and never says the session expired', async () => {
    const page = await stack.newPage();
    await page.goto(`${stack.appUrl}/`);
    await page.getByRole('alert').waitFor({ timeout: 30_000 });
    const text = await screenText(page);
    expect(text).toContain('Open this app from a patient’s record');
    expect(text).not.toMatch(/session expired/i);
    const link = page.getByRole('link', { name: 'Open the EHR’s patient list' });
    expect(await link.getAttribute('href')).toBe(stack.sandbox.ehrUrl);
    await link.click();
    await page.waitForURL(stack.sandbox.ehrUrl);
    expect(await page.getByRole('searchbox', { name: 'Search patients' }).count()).toBe(1);
    await page.context().close();
  });
});

describe('a standalone launch', () => {
  it('starts at launch/, lets the clinician pick a patient in the EHR, and shows the review', async () => {
    const page = await stack.newPage();
    await page.goto(`${stack.appUrl}/launch/`);
    await page.locator('li:has(input[name="patient"][value="all-clear"]) button[type="submit"]').first().click({ timeout: 30_000 });
    await page.waitForURL((u) => u.origin === stack.appUrl && u.pathname === '/', { timeout: 30_000 });
    await waitForFindings(page);
    expect(await screenText(page)).toContain('Night leg cramps: what to check');
    await page.context().close();
  });
});
