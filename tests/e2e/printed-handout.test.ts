/**
 * End to end, from the EHR launch to the printed handout: Chromium prints the page to PDF (print
 * media, the page's own print stylesheet), and the PDF's text is checked, page by page, for what
 * must and must not be there, for the scenario patients a clinician will read: pregnant, on
 * dialysis with a diuretic, a quinine user with low platelets, a child, the all-clear patient, a
 * woman on hydrochlorothiazide losing fluid with low sodium; the urgent box on page one, saying what
 * the screen says; the one-page option; the clinic's name and number from the runtime configuration,
 * or lines to write them on; no rule ids on paper. The PDFs are kept under test-results/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchFromEhr, textOf } from './support/app-page.js';
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
  const printed = await pdfText(new Uint8Array(pdf));
  return { ...printed, firstPage: printed.text.split('\n')[0]! };
}

async function handoutFor(patient: string, options: { language?: 'en' | 'es'; onePage?: boolean; on?: Stack } = {}) {
  const page = await (options.on ?? stack).newPage();
  await launchFromEhr(options.on ?? stack, page, patient);
  if (options.language) await page.locator('lc-handout-preview select').first().selectOption(options.language);
  if (options.onePage) await page.locator('lc-handout-preview input[value="one-page"]').check();
  const screen = await textOf(page.locator('lc-red-flag-banner'));
  const printed = await printHandout(page, `${patient}${options.language ? `-${options.language}` : ''}${options.onePage ? '-one-page' : ''}`);
  await page.context().close();
  return { ...printed, screen };
}

const RULE_IDS = /\b(med|lab|cond|redflag|safety|gap)-[a-z]+|\bdrug-[a-z]|potassium-caution|salt-caution/;

const NOT_IN_ANY_HANDOUT = [/pinch|pin into|dig your nails/i, /salty (food|fish)|pickle/i, /quinine (can|may) help|take quinine for/i, /electrical|reflex point/i];

describe('the printed handout', () => {
  it('pregnant patient: urgent box first, pregnancy section with the quinine and tonic-water warning, no supplement suggestion', async () => {
    const { text, pages, firstPage } = await handoutFor('preg-32wk-low-mg');
    expect(pages).toBeLessThanOrEqual(2);
    expect(firstPage).toContain('Soon: Being pregnant raises the chance of a blood clot in your leg.');
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
    // The loop diuretic keeps its own message and its own name; the kidney team has the PTH.
    expect(text).toMatch(/Your water pill \(furosemide\) This water pill is only weakly linked to cramps/);
    expect(text).not.toMatch(/hydrochlorothiazide|nifedipine|amlodipine|hormone doctor/i);
    expect(text).toMatch(/Your kidney team will check it/);
    expect(text).toMatch(/fluid limit/);
    expect(text).not.toMatch(/Drink enough/);
    expect(text).not.toMatch(/Bananas, oranges and potatoes/);
    expect(text).toContain('Do not add salt to your food to stop cramps');
    expect(text).not.toMatch(/(^|[.!] )(Add|Eat|Use) (more |some )?salt/);
    expect(text).toMatch(/dialysis/i);
    for (const wrong of NOT_IN_ANY_HANDOUT) expect(text).not.toMatch(wrong);
  });

  it('quinine user with platelets 62: the screen says stop now, and so does page one of the sheet; nothing softens it', async () => {
    const { text, pages, firstPage, screen } = await handoutFor('quinine-low-platelets');
    expect(screen).toMatch(/Stop quinine now/);
    expect(pages).toBeLessThanOrEqual(2);
    expect(firstPage).toContain('Today: Stop taking quinine now. Your blood test shows it may be harming your blood. Get a new blood test today.');
    expect(text).toContain('Quinine is not recommended for leg cramps');
    expect(text).not.toContain('Talk to your doctor about stopping it');
    expect(text).toContain('Apart from quinine, do not stop a medicine on your own.');
    expect(text).toMatch(/bruise or bleed/);
    expect(text).toMatch(/Tonic water has quinine in it/);
    for (const wrong of NOT_IN_ANY_HANDOUT) expect(text).not.toMatch(wrong);
  });

  it('child: the pediatrician route, in Spanish too', async () => {
    const en = await handoutFor('child-asthma-13');
    expect(en.text).toContain('For children and teens');
    expect(en.text).toMatch(/pediatrician/);
    const es = await handoutFor('child-asthma-13', { language: 'es' });
    expect(es.text).toContain('Para niños y adolescentes');
    expect(es.text).toMatch(/pediatra/);
    expect(es.text).not.toContain('For children and teens');
  });

  it('carries the patient’s name and the date, no rule ids and no other identifier; lines to write the clinic on', async () => {
    const { text } = await handoutFor('quinine-low-platelets');
    expect(text).toMatch(/\d{4}-\d{2}-\d{2}|\d{1,2} \w+ \d{4}|\w+ \d{1,2}, \d{4}/);
    expect(text).not.toMatch(RULE_IDS);
    expect(text).toMatch(/Your clinic: Phone: Can't reach your clinic today\?/);
    expect(text).not.toContain('quinine-low-platelets'); // the patient id never appears on paper
  });

  it('all-clear patient: one page, the urgent box on it', async () => {
    const { pages, firstPage } = await handoutFor('all-clear');
    expect(pages).toBe(1);
    expect(firstPage).toContain('Get help right away');
    expect(firstPage).toContain('Call for an ambulance or go to the hospital now if');
  });

  it('hydrochlorothiazide, diarrhoea and low sodium: no fluid limit, no "drink enough", ask how much to drink; the dangerous level today', async () => {
    const { text, firstPage } = await handoutFor('hctz-severe-hypokalaemia', { language: 'es' });
    expect(firstPage).toContain('Hoy: El análisis de sangre dio niveles de potasio y magnesio que pueden ser un peligro. Hágase otro análisis hoy mismo.');
    expect(text).not.toMatch(/límite de líquidos|tome suficiente líquido/i);
    expect(text).toMatch(/Pregunte a su médico cuánto debe tomar/);
  });

  it('the 84-year-old on the one-page option: one page, the urgent box, the plan to write on, each finding in one line', async () => {
    const { pages, text } = await handoutFor('multimorbid-older-woman', { onePage: true });
    expect(pages).toBe(1);
    expect(text).toMatch(/Get help right away .* Your plan.*What we found Do not stop or change a medicine on your own\. Your water pill \(spironolactone\): /);
    expect(text).not.toMatch(/During a cramp|To help prevent cramps|Cramp diary/);
  });
});

describe('the clinic from the runtime configuration', () => {
  it('prints the clinic’s name and telephone number in the urgent box', async () => {
    const withClinic = await startStack(inject('appDist'), {}, { clinic: { name: 'Riverside Family Practice', phone: '+1 (555) 010-0100' } });
    try {
      const { firstPage } = await handoutFor('all-clear', { on: withClinic });
      expect(firstPage).toContain('Your clinic: Riverside Family Practice Phone: +1 (555) 010-0100');
    } finally {
      await withClinic.close();
    }
  });
});
