/**
 * End to end, issue 9 (rule catalogue, second round): real EHR records and real EHR behaviour in a
 * real browser. A deceased patient's chart review; stale orders and old conditions asked about;
 * EHR behaviour profiles switched on in the sandbox (a token response without `scope`, a search
 * answered with an error OperationOutcome, a resource type the EHR does not offer, a Patient read
 * that returns someone else) and what the clinician sees for each.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { ehrProfiles } from '../../sandbox/faults/index.js';
import { launchFromEhr, screenText, textOf } from './support/app-page.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack(inject('appDist'));
});
afterAll(async () => {
  await stack?.close();
});
afterEach(() => {
  stack.sandbox.faults.clear();
});

describe('real-world records', () => {
  it('shows a deceased patient as deceased above everything, offers no handout, and asks about 1970s orders instead of flagging them', async () => {
    const page = await stack.newPage();
    await launchFromEhr(stack, page, 'deceased-old-orders');
    const text = await screenText(page);
    // Text nodes are joined with spaces (screenText), so spacing around inline parts is loose.
    expect(text).toMatch(/This patient has died on \d{4}-\d{2}-\d{2}\s+The record belongs to a deceased patient\s*\(age at death 81\s*\)/);
    expect(text.indexOf('This patient has died')).toBeLessThan(text.indexOf('Night leg cramps: what to check'));
    expect(await page.locator('lc-handout-preview').count()).toBe(0);
    expect(text).not.toContain('Patient handout');
    const notChecked = await textOf(page.locator('lc-not-checked'));
    expect(notChecked).toContain('Ask whether the patient still takes furosemide (order from 1974 still marked active; nothing since).');
    expect(notChecked).toMatch(/Ask whether the cancer on record since \d{4}-\d{2}-\d{2} \("Malignant neoplasm of prostate"\) is still being treated\./);
    const cards = await page.locator('lc-finding-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule-id')));
    expect(cards).not.toContain('med-loop-diuretic');
    expect(cards).not.toContain('med-neurotoxic-chemotherapy');
    await page.context().close();
  });
});

describe('EHR behaviour profiles', () => {
  it('reads a token response without scope as the requested scopes granted: nothing says "not authorised"', async () => {
    stack.sandbox.faults.add(ehrProfiles.tokenWithoutScope({ patientId: 'all-clear' }));
    const page = await stack.newPage();
    await launchFromEhr(stack, page, 'all-clear');
    const text = await screenText(page);
    expect(text).not.toMatch(/not authori[sz]ed/i);
    expect(await page.locator('lc-checked-clear').count()).toBe(1);
    await page.context().close();
  });

  it('names a Condition search answered with an error OperationOutcome as could not be read, never as "no conditions"', async () => {
    stack.sandbox.faults.add(ehrProfiles.operationOutcomeInSearchset({ patientId: 'all-clear', resourceType: 'Condition' }));
    const page = await stack.newPage();
    await launchFromEhr(stack, page, 'all-clear');
    const notChecked = await textOf(page.locator('lc-not-checked'));
    expect(notChecked).toMatch(/Conditions and problem list \(Condition\)\s*:\s*could not be read \(the server answered but did not search/);
    const clear = await page.locator('lc-checked-clear [data-rule-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule-id')));
    expect(clear).not.toContain('cond-diabetes');
    await page.context().close();
  });

  it('says "not offered by this EHR" for MedicationStatement, and the statements-only patient\'s drugs are not called absent', async () => {
    stack.sandbox.faults.add(ehrProfiles.unsupportedType('MedicationStatement', { patientId: 'copd-statements-only' }));
    const page = await stack.newPage();
    await launchFromEhr(stack, page, 'copd-statements-only');
    expect(await textOf(page.locator('lc-not-checked'))).toMatch(/Medication lists \(MedicationStatement\)\s*:\s*not offered by this EHR/);
    const clear = await page.locator('lc-checked-clear [data-rule-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule-id')));
    expect(clear).not.toContain('med-long-acting-beta-agonist');
    await page.context().close();
  });

  it('stops when the Patient read returns another patient, showing nothing of either record', async () => {
    stack.sandbox.faults.add(ehrProfiles.wrongPatient({ patientId: 'copd-statements-only', otherPatientId: 'all-clear' }));
    const page = await stack.newPage();
    await page.goto(stack.sandbox.ehrUrl);
    await page.locator('li:has(input[name="patient"][value="copd-statements-only"]) button[type="submit"]').first().click();
    await page.waitForURL((u) => u.origin === stack.appUrl && u.pathname === '/', { timeout: 30_000 });
    await page.getByRole('alert').waitFor({ timeout: 30_000 });
    const text = await screenText(page);
    expect(text).toContain('The EHR returned another patient’s record');
    for (const name of ['Halvorsen', 'Nils', 'Lindgren', 'Marcus']) expect(text).not.toContain(name);
    expect(await page.locator('lc-review-screen').count()).toBe(0);
    expect(await page.title()).toBe('Night leg cramps review');
    await page.context().close();
  });
});
