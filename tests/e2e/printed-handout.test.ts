/**
 * End to end, from the EHR launch to the printed handout: Chromium prints the page to PDF (print
 * media, the page's own print stylesheet), and the PDF's text is checked for the sections that
 * must and must not be there, for the scenario patients a clinician will read: pregnant, on
 * dialysis with a diuretic, a quinine user, a child. The PDFs are kept under test-results/ and
 * their pages can be rendered to images for a person to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchFromEhr } from './support/app-page.js';
import { pdfText } from './support/pdf-text.js';
import { startStack, type Stack } from './support/stack.js';

const OUT = join(import.meta.dirname, '..', '..', 'test-results', 'e2e-handouts');
let stack: Stack;

beforeAll(async () => {
  stack = await startStack(inject('appDist'));
  mkdirSync(OUT, { recursive: true });
});
afterAll(async () => {
  await stack?.close();
});

async function printHandout(page: Page, name: string, format: 'Letter' | 'A4' = 'Letter') {
  await page.locator('lc-handout-preview').scrollIntoViewIfNeeded();
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format, preferCSSPageSize: false, printBackground: true });
  writeFileSync(join(OUT, `${name}.pdf`), pdf);
  return pdfText(new Uint8Array(pdf));
}

async function handoutFor(patient: string, language?: 'en' | 'es') {
  const page = await stack.newPage();
  await launchFromEhr(stack, page, patient);
  if (language) await page.locator('lc-handout-preview select').first().selectOption(language);
  const printed = await printHandout(page, `${patient}${language ? `-${language}` : ''}`);
  await page.context().close();
  return printed;
}

const NOT_IN_ANY_HANDOUT = [/pinch|pin into|dig your nails/i, /salty (food|fish)|pickle/i, /quinine (can|may) help|take quinine for/i, /electrical|reflex point/i];

describe('the printed handout', () => {
  it('pregnant patient: urgent box first, pregnancy section with the quinine and tonic-water warning, no supplement suggestion', async () => {
    const { text, pages } = await handoutFor('preg-32wk-low-mg');
    expect(pages).toBeLessThanOrEqual(2);
    expect(text).toContain('Cramps in pregnancy');
    expect(text).toContain('Never take quinine or drink tonic water while you are pregnant');
    expect(text).toMatch(/midwife/);
    expect(text).not.toMatch(/potassium, magnesium or calcium pills/);
    expect(text).not.toMatch(/magnesium tablets|take magnesium/i);
    expect(text.indexOf('read this box first')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('read this box first')).toBeLessThan(text.indexOf('Cramps in pregnancy'));
    for (const wrong of NOT_IN_ANY_HANDOUT) expect(text).not.toMatch(wrong);
  });

  it('dialysis patient on a diuretic: keep to the fluid limit; no "drink enough", no potassium-rich food, no salt advice', async () => {
    const { text, pages } = await handoutFor('dialysis-furosemide-iron');
    expect(pages).toBeLessThanOrEqual(2);
    expect(text).toMatch(/fluid limit/);
    expect(text).not.toMatch(/Drink enough/);
    expect(text).not.toMatch(/Bananas, oranges and potatoes/);
    expect(text).toContain('Do not add salt to your food to stop cramps');
    expect(text).not.toMatch(/(^|[.!] )(Add|Eat|Use) (more |some )?salt/);
    expect(text).toMatch(/dialysis/i);
    for (const wrong of NOT_IN_ANY_HANDOUT) expect(text).not.toMatch(wrong);
  });

  it('quinine user: not recommended, talk about stopping, urgent signs of bleeding', async () => {
    const { text, pages } = await handoutFor('quinine-low-platelets');
    expect(pages).toBeLessThanOrEqual(2);
    expect(text).toContain('Quinine is not recommended for leg cramps');
    expect(text).toContain('Talk to your doctor about stopping it');
    expect(text).toMatch(/bruise or bleed/);
    expect(text).toMatch(/Tonic water has quinine in it/);
    for (const wrong of NOT_IN_ANY_HANDOUT) expect(text).not.toMatch(wrong);
  });

  it('child: the pediatrician route, in Spanish too', async () => {
    const en = await handoutFor('child-asthma-13');
    expect(en.text).toContain('For children and teens');
    expect(en.text).toMatch(/pediatrician/);
    const es = await handoutFor('child-asthma-13', 'es');
    expect(es.text).toContain('Para niños y adolescentes');
    expect(es.text).toMatch(/pediatra/);
    expect(es.text).not.toContain('For children and teens');
  });

  it('carries the patient’s name and the date, the rule ids in the footer, and no other identifier', async () => {
    const { text } = await handoutFor('quinine-low-platelets');
    expect(text).toMatch(/\d{4}-\d{2}-\d{2}|\d{1,2} \w+ \d{4}|\w+ \d{1,2}, \d{4}/);
    expect(text).toMatch(/safety-quinine/);
    expect(text).not.toContain('quinine-low-platelets'); // the patient id never appears on paper
  });
});
