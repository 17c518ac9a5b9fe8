/**
 * Driving the app as a clinician does: launch a patient from the sandbox EHR page, wait for the
 * findings, read what the screen shows (through shadow roots), open evidence.
 */
import type { Locator, Page } from 'playwright-core';
import type { Stack } from './stack.js';

/** Launch the patient whose EHR-page entry contains `description`; resolves when findings are on screen. Returns the milliseconds from the click. */
export async function launchFromEhr(stack: Stack, page: Page, patientId: string): Promise<number> {
  await page.goto(stack.sandbox.ehrUrl);
  const started = Date.now();
  await page.locator(`li:has(input[name="patient"][value="${patientId}"]) button[type="submit"]`).first().click();
  await page.waitForURL((u) => u.origin === stack.appUrl && u.pathname === '/', { timeout: 30_000 });
  await waitForFindings(page);
  return Date.now() - started;
}

export async function waitForFindings(page: Page): Promise<void> {
  await page.locator('lc-review-screen').waitFor({ timeout: 30_000 });
  await page.locator('lc-finding-card, lc-checked-clear').first().waitFor({ timeout: 30_000 });
}

/** The text inside one element, its shadow roots included (innerText stops at a shadow host). */
export async function textOf(locator: Locator): Promise<string> {
  return locator.first().evaluate((root) => {
    const parts: string[] = [];
    const walk = (node: Node) => {
      for (const child of Array.from(node.childNodes)) {
        if (child.nodeType === Node.TEXT_NODE) parts.push(child.textContent ?? '');
        if (child instanceof Element) {
          if (child.shadowRoot) walk(child.shadowRoot);
          walk(child);
        }
      }
    };
    if (root instanceof Element && root.shadowRoot) walk(root.shadowRoot);
    walk(root);
    return parts.join(' ').replace(/\s+/g, ' ');
  });
}

/** The text a clinician sees in the whole app, through every shadow root. */
export async function screenText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const walk = (root: Node) => {
      for (const node of Array.from(root.childNodes)) {
        if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
        if (node instanceof Element) {
          if (node.shadowRoot) walk(node.shadowRoot);
          walk(node);
        }
      }
    };
    walk(document.body);
    return parts.join(' ').replace(/\s+/g, ' ');
  });
}

/** Outcome shown for each rule: the card's data-rule-id and the section it is in. */
export async function ruleIdsOnScreen(page: Page, selector: string): Promise<string[]> {
  return page.locator(`${selector} [data-rule-id], ${selector}[data-rule-id]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-rule-id') ?? ''));
}
