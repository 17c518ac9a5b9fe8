/**
 * End to end in Chromium, the CDS Hooks loop as a clinician meets it: open a patient's chart on the
 * sandbox EHR page (patient-view cards), draft quinine (a critical order-select card), accept the
 * suggestion (the draft is gone), then follow the card's link into the app for the same patient.
 * The CDS service runs in process and trusts only the sandbox's published JWK Set.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startCdsHooksServer, type CdsHooksServer } from '../../cds-hooks/server.js';
import { silentLogger } from '../../cds-hooks/log.js';
import { screenText, waitForFindings } from './support/app-page.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
let cds: CdsHooksServer;

beforeAll(async () => {
  stack = await startStack(inject('appDist'));
  cds = await startCdsHooksServer({ port: 0, log: silentLogger, appLaunchUrl: stack.sandbox.appLaunchUrl, trust: [{ issuer: stack.sandbox.cdsClient.issuer, jwksUrl: stack.sandbox.cdsClient.jwksUrl }] });
  stack.sandbox.cdsClient.connect(cds.baseUrl);
});
afterAll(async () => {
  await cds?.close();
  await stack?.close();
});

describe('CDS Hooks on the sandbox EHR page', () => {
  it('opens a chart, warns on drafted quinine, removes the draft on acceptance, and links into the app', async () => {
    const page = await stack.newPage();
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs += 1;
      await d.dismiss();
    });
    await page.goto(stack.sandbox.ehrUrl);
    await page.locator('a.open-chart[href*="patient=preg-32wk-low-mg"]').click();
    await page.waitForURL((u) => u.pathname === '/ehr/chart');

    const patientCards = page.locator('section.patient-view-cards .cds-card');
    await expect.poll(() => patientCards.count()).toBe(1);
    expect(await patientCards.first().getAttribute('data-indicator')).toBe('critical');
    expect(await patientCards.first().locator('.summary').innerText()).toMatch(/^Night leg cramps, red flag: /);

    await page.locator('select[name="product"]').selectOption('quinine');
    await page.getByRole('button', { name: 'Draft', exact: true }).click();
    const orderCard = page.locator('section.order-cards .cds-card').first();
    await orderCard.waitFor();
    expect(await orderCard.getAttribute('data-indicator')).toBe('critical');
    expect(await orderCard.locator('.summary').innerText()).toBe('Quinine in pregnancy: can harm the baby (teratogenic) and is not a treatment for leg cramps (FDA warning)');
    expect(await orderCard.locator('.detail').innerText()).toMatch(/The FDA warns that quinine must not be used for leg cramps/);
    expect(await page.locator('ul.draft-orders li').allInnerTexts()).toEqual(['Quinine sulfate 324 MG Oral Capsule']);

    await orderCard.getByRole('button', { name: 'Remove the quinine order' }).click();
    await page.locator('p.notice').waitFor();
    expect(await page.locator('p.notice').innerText()).toBe('The suggestion was applied.');
    expect(await page.locator('ul.draft-orders li').count()).toBe(0);
    expect(await page.locator('section.drafts').innerText()).toContain('No draft orders.');

    await page.locator('select[name="product"]').selectOption('quinine');
    await page.getByRole('button', { name: 'Draft', exact: true }).click();
    await page.locator('section.order-cards .cds-card').first().getByRole('button', { name: 'Open the night leg cramps review' }).click();
    await page.waitForURL((u) => u.origin === stack.appUrl && u.pathname === '/', { timeout: 30_000 });
    await waitForFindings(page);
    expect(await screenText(page)).toContain('Adaeze Okonkwo');
    expect(dialogs).toBe(0);
    await page.context().close();
  });
});
