/**
 * End to end, the visit carried off the screen: a clinician launches from the sandbox EHR page (the
 * production build, write-back on), answers the checklist, marks a finding, enters the cramp
 * frequency and prints the handout, copies the chart note, saves it to the record, relaunches the
 * same day and finds the checklist answers there again, saves again (the same note is updated), and
 * is asked before a reload loses unsaved work, after which the page says what was lost. The saved
 * DocumentReference's text is the note that was on the screen, byte for byte, and the sandbox EHR
 * page lists it. Inside an EHR iframe, where the clipboard is not allowed, the note is selected for
 * Ctrl+C instead.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchFromEhr, textOf } from './support/app-page.js';
import { startStack, type Stack } from './support/stack.js';

const PATIENT = 'lumbar-stenosis-naproxen';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack(inject('appDist'), {}, { writeBack: true });
});
afterAll(async () => {
  await stack?.close();
});

const noteArea = (page: Page) => page.getByRole('textbox', { name: 'Chart note' });
const noteText = (page: Page) => noteArea(page).inputValue();
const answer = (page: Page, question: string, choice: 'Yes' | 'No') => page.locator('lc-checklist fieldset', { hasText: question }).getByLabel(choice, { exact: true }).check();
const checked = (page: Page, question: string, choice: 'Yes' | 'No') => page.locator('lc-checklist fieldset', { hasText: question }).getByLabel(choice, { exact: true }).isChecked();
const saveStatus = (page: Page) => textOf(page.locator('lc-save-to-record [id="save-status"]'));
/** The lines of the note from "Checklist answers today:" to the blank line after them. */
const checklistPart = (text: string) => text.slice(text.indexOf('Checklist answers today:')).split('\n\n')[0];

describe('the chart note, saved to the record and read back', () => {
  it('copies the note, saves it as the record’s note, brings the answers back after a relaunch, and updates the same note', async () => {
    const page = await stack.newPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.appUrl });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await launchFromEhr(stack, page, PATIENT);

    // The visit: checklist answers, a mark with a reason, the frequency, a printed handout.
    await answer(page, 'One-sided calf swelling', 'No');
    await answer(page, 'Saddle numbness', 'No');
    await answer(page, 'Muscle weakness', 'Yes');
    const naproxen = page.locator('lc-finding-card[data-rule-id="med-naproxen"]');
    await naproxen.locator('button[data-mark="relevant"]').click();
    await naproxen.locator('button[data-mark="discussed"]').click();
    const months = page.locator('lc-frequency-calculator input[inputmode="numeric"]');
    await months.nth(4).fill('1');
    await months.nth(5).fill('2');
    await page.evaluate(() => {
      window.print = () => undefined; // the print dialog itself is not under test here
    });
    await page.getByRole('button', { name: 'Print handout' }).click();

    // The note says what the screen says.
    await expect.poll(() => noteText(page)).toContain('Cramp frequency: about 1.5 cramps a month; band: infrequent (1 to 2 a month). Red flags override the band.');
    const shown = await noteText(page);
    expect(shown).toMatch(/^Night-time leg cramps review, \d{4}-\d{2}-\d{2}\. /);
    expect(checklistPart(shown)).toBe('Checklist answers today:\n- Reported: Muscle weakness, wasting or visible twitching (fasciculations).\n- Denied: One-sided calf swelling, warmth or tenderness; Saddle numbness, or new bladder or bowel trouble.');
    expect(shown).toMatch(/^1\. Takes naproxen: .* Clinician: relevant, discussed with the patient\.$/m);
    // The weakness reported raised a red flag, which the note puts first, with its action.
    expect(shown).toMatch(/^Red flags:\n- Neuromuscular red flag .*Prompt review: Prompt neurology referral/m);
    expect(shown).toContain('Patient handout: printed in English.');
    // Rule ids appear only on the handout's line, which traces each printed part (issue 11).
    expect(shown).toMatch(/^Patient handout: printed in English\. Its parts and the rules behind them: .*\(.*med-naproxen.*\)/m);
    expect(shown.replace(/^Patient handout: .*$/m, '')).not.toMatch(/med-naproxen|redflag-|insufficient-data/);
    expect(shown.split('\n').length).toBeLessThanOrEqual(40);
    expect(await noteArea(page).getAttribute('readonly')).not.toBeNull();

    // Copy note: through the clipboard, here allowed.
    await page.getByRole('button', { name: 'Copy note' }).click();
    await expect.poll(() => textOf(page.locator('lc-chart-note .message'))).toContain('Copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);

    // Save to record: the DocumentReference holds the note shown, and the EHR page lists it.
    expect(await saveStatus(page)).toContain('Not saved to the record yet.');
    await page.getByRole('button', { name: 'Save to record' }).click();
    await expect.poll(() => saveStatus(page)).toMatch(/Saved to the record at \d{2}:\d{2}\. Saving again updates the same note\./);
    const [saved] = stack.sandbox.fhir.savedNotes(PATIENT);
    expect(stack.sandbox.fhir.savedNotes(PATIENT)).toHaveLength(1);
    expect(saved!.text).toBe(shown);
    const doc = stack.sandbox.fhir.read('DocumentReference', saved!.id) as unknown as Record<string, unknown>;
    expect(doc).toMatchObject({ status: 'current', subject: { reference: `Patient/${PATIENT}` }, type: { coding: [{ system: 'http://loinc.org', code: '11506-3' }] }, category: [{ coding: [{ code: 'clinical-note' }] }] });
    expect(errors).toEqual([]);

    const ehr = await stack.newPage();
    await ehr.goto(stack.sandbox.ehrUrl);
    const row = ehr.locator(`li:has(input[name="patient"][value="${PATIENT}"])`);
    await row.locator('summary', { hasText: 'Saved notes (1)' }).click();
    expect(await row.locator(`article[data-note-id="${saved!.id}"] pre`).textContent()).toBe(shown);
    await ehr.context().close();

    // Relaunch the same day: the checklist answers are there again; marks and frequency were not saved.
    await launchFromEhr(stack, page, PATIENT);
    expect(await checked(page, 'Muscle weakness', 'Yes')).toBe(true);
    expect(await checked(page, 'One-sided calf swelling', 'No')).toBe(true);
    expect(await checked(page, 'Saddle numbness', 'No')).toBe(true);
    const relaunched = await noteText(page);
    expect(checklistPart(relaunched)).toBe(checklistPart(shown));
    expect(await saveStatus(page)).toContain('Checklist answers saved earlier today were restored.');
    // The restored answer is read by the engine: the neuromuscular red flag it raised is back on screen.
    expect(await page.locator('lc-red-flag-banner [data-rule-id="redflag-neuromuscular"]').count()).toBeGreaterThan(0);

    // Saving again updates the same note and checklist: still one note, now with the new answer.
    await answer(page, 'Loss of consciousness', 'No');
    await page.getByRole('button', { name: 'Save to record' }).click();
    await expect.poll(() => saveStatus(page)).toMatch(/Saved to the record at/);
    const after = stack.sandbox.fhir.savedNotes(PATIENT);
    expect(after.map((n) => n.id)).toEqual([saved!.id]);
    expect(after[0]!.text).toBe(await noteText(page));
    expect(after[0]!.text).toContain('Loss of consciousness or whole-body jerking during an episode');

    // Unsaved work, then a reload: the browser asks first; the page then says what was lost.
    await page.locator('lc-finding-card[data-rule-id="med-naproxen"] button[data-mark="discussed"]').click();
    const dialog = new Promise<string>((resolve) => page.once('dialog', (d) => void d.accept().then(() => resolve(d.type()))));
    await page.reload();
    expect(await dialog).toBe('beforeunload');
    await expect.poll(() => textOf(page.locator('lc-app'))).toContain('Page reloaded: this visit’s review was cleared');
    expect(await textOf(page.locator('lc-app'))).toContain('save the note to the record or copy it into the chart before you leave or reload the page');
    await page.context().close();
  });

  it('inside an EHR iframe without clipboard permission, selects the note for Ctrl+C and says so', async () => {
    const page = await stack.newPage();
    const { launchId } = stack.sandbox.auth.createLaunch({ patientId: 'all-clear' });
    await page.goto(stack.panelPageFor(`${stack.appUrl}/launch/?iss=${encodeURIComponent(stack.sandbox.fhirBase)}&launch=${encodeURIComponent(launchId)}`));
    const panel = page.frameLocator('#panel');
    const area = panel.getByRole('textbox', { name: 'Chart note' });
    await area.waitFor({ timeout: 30_000 });
    await panel.getByRole('button', { name: 'Copy note' }).click();
    await expect.poll(() => panel.locator('lc-chart-note .message').textContent()).toContain('The note is selected: press Ctrl+C');
    const selection = await area.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd, el.value.length]);
    expect(selection[0]).toBe(0);
    expect(selection[1]).toBe(selection[2]);
    await page.context().close();
  });
});
