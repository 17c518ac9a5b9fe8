/**
 * The handout preview in real Chromium: the language defaults to the patient's preference and can
 * be changed, optional sections can be left out and required ones cannot, Print opens the
 * browser's print, and in print media only the handout is shown, on one or two pages of Letter or
 * A4, with no app chrome.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CSSResult } from 'lit';
import { commands, userEvent } from 'vitest/browser';
import { PRINT_ROOT_CLASS } from '../../src/components/handout-print-root.js';
import { LcHandout } from '../../src/components/lc-handout.js';
import '../../src/components/lc-handout-preview.js';
import type { LcHandoutPreview } from '../../src/components/lc-handout-preview.js';
import { AS_OF, childPatient, dialysisOnDiuretic, pregnantPatient, quinineUser, scenario, type Scenario } from '../support/handout.js';
import type { BundleBuilder } from '../support/fhir-builder.js';
import { atWidths, deepQuery, deepQueryAll, expectNoAxeViolations, settle, visibleText } from './support/dom.js';

afterEach(async () => {
  await commands.emulateMedia('screen');
});

const printRoot = () => document.querySelector<HTMLElement>(`.${PRINT_ROOT_CLASS}`);
const printedSections = () => [...(printRoot()?.querySelector('lc-handout')?.shadowRoot?.querySelectorAll<HTMLElement>('article > section') ?? [])].map((s) => s.dataset.sectionId);

async function preview(s: Scenario, extra: Partial<LcHandoutPreview> = {}, shell = false): Promise<LcHandoutPreview> {
  const el = document.createElement('lc-handout-preview');
  Object.assign(el, { findings: s.findings, context: s.context, patientName: 'Maria Lopez', date: AS_OF, ...(s.preferredLanguage ? { preferredLanguage: s.preferredLanguage } : {}), ...extra });
  const main = document.createElement('main');
  if (shell) {
    // Stand-in for the app around the preview: a banner and navigation that must not print.
    const header = document.createElement('header');
    header.id = 'app-chrome';
    header.textContent = 'Leg cramps app · Patient banner · Review';
    document.body.append(header);
  }
  main.append(el);
  document.body.append(main);
  await settle(el);
  await settle(printRoot()!);
  return el;
}

const of = (b: BundleBuilder) => scenario(b);

describe('lc-handout-preview', () => {
  it('starts in the patient’s preferred language and lets the clinician switch', async () => {
    const el = await preview(of(quinineUser()), { preferredLanguage: 'es-MX' });
    const select = deepQuery<HTMLSelectElement>(el, 'select');
    expect(select.value).toBe('es');
    expect(visibleText(deepQuery(el, 'lc-handout'))).toContain('La quinina no se recomienda para los calambres.');
    await userEvent.selectOptions(select, 'en');
    await settle(el);
    expect(visibleText(deepQuery(el, 'lc-handout'))).toContain('Quinine is not recommended for leg cramps.');
    expect(printRoot()!.querySelector('lc-handout')!.shadowRoot!.querySelector('article')!.getAttribute('lang')).toBe('en');
  });

  it('defaults to English without a preference on record', async () => {
    const el = await preview(of(childPatient()));
    expect(deepQuery<HTMLSelectElement>(el, 'select').value).toBe('en');
    expect(visibleText(el)).toContain('No preferred language on record.');
  });

  it('lets the clinician leave out optional sections, never the urgent box or the safety sections', async () => {
    const el = await preview(of(pregnantPatient()));
    const box = (id: string) => deepQuery<HTMLInputElement>(el, `input[data-section-id="${id}"]`);
    expect(box('urgent-help').disabled).toBe(true);
    expect(box('pregnancy').disabled).toBe(true);
    expect(box('urgent-help').checked).toBe(true);
    expect(box('prevention').disabled).toBe(false);

    await userEvent.click(box('prevention'));
    await userEvent.click(box('cramp-diary'));
    await settle(el);
    await settle(printRoot()!);
    const shown = deepQueryAll(deepQuery(el, 'lc-handout'), 'article > section').map((s) => s.dataset.sectionId);
    expect(shown).not.toContain('prevention');
    expect(shown).not.toContain('cramp-diary');
    expect(shown).toContain('urgent-help');
    expect(printedSections()).toEqual(shown);

    await userEvent.click(box('prevention'));
    await settle(el);
    expect(deepQueryAll(deepQuery(el, 'lc-handout'), 'article > section').map((s) => s.dataset.sectionId)).toContain('prevention');
  });

  it('prints through the browser’s print and says what it printed', async () => {
    const el = await preview(of(quinineUser()));
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const events: CustomEvent[] = [];
    document.body.addEventListener('handout-print', (e) => events.push(e), { once: true });
    await userEvent.click(deepQuery(el, 'button.print'));
    expect(print).toHaveBeenCalledTimes(1);
    expect(events[0]!.detail).toMatchObject({ language: 'en', paper: 'letter' });
    expect(events[0]!.detail.sections[0]).toBe('quinine-warning');
    print.mockRestore();
  });

  it('prints only the handout: the app chrome and the controls are hidden in print media', async () => {
    const el = await preview(of(dialysisOnDiuretic()), {}, true);
    const chrome = document.getElementById('app-chrome')!;
    expect(getComputedStyle(printRoot()!).display).toBe('none');
    await commands.emulateMedia('print');
    expect(getComputedStyle(chrome).display).toBe('none');
    expect(getComputedStyle(el.parentElement!).display).toBe('none');
    expect(getComputedStyle(printRoot()!).display).toBe('block');
    expect(printRoot()!.querySelector('lc-handout')!.getBoundingClientRect().height).toBeGreaterThan(500);
    expect(printedSections()).toContain('dialysis');
    await commands.emulateMedia('screen');
    expect(getComputedStyle(chrome).display).not.toBe('none');
  });

  it('sets the paper size with @page, and cleans up when it goes', async () => {
    const el = await preview(of(childPatient()));
    const pageRule = () =>
      document.adoptedStyleSheets
        .flatMap((s) => [...s.cssRules])
        .find((r): r is CSSPageRule => r instanceof CSSPageRule);
    expect(pageRule()!.style.getPropertyValue('size')).toBe('letter');
    await userEvent.click(deepQuery(el, 'input[value="a4"]'));
    expect(pageRule()!.style.getPropertyValue('size').toLowerCase()).toBe('a4');
    el.remove();
    expect(printRoot()).toBeNull();
    expect(pageRule()).toBeUndefined();
  });

  it('has no axe violations at a side-panel and a desktop width', async () => {
    const el = await preview(of(pregnantPatient()), { preferredLanguage: 'es' });
    await atWidths(async () => {
      await settle(el);
      await expectNoAxeViolations(el);
    });
  });
});

/**
 * One or two pages, counted: the copy in the print root is printed to PDF by the same Chromium
 * (with the handout's own styles and the @page rule the preview sets), for each paper size.
 * The PDFs are kept under test-results/handout-pdf/ for a person to look at.
 */
describe('fits one or two pages', () => {
  const SCENARIOS = { pregnant: pregnantPatient, dialysis: dialysisOnDiuretic, quinine: quinineUser, child: childPatient } as const;

  function standaloneHtml(lang: string): string {
    const handout = printRoot()!.querySelector('lc-handout')!;
    const pageRules = document.adoptedStyleSheets.flatMap((s) => [...s.cssRules]).filter((r) => r instanceof CSSPageRule).map((r) => r.cssText);
    const own = [LcHandout.styles].flat().map((s) => (s as CSSResult).cssText).join('\n').replaceAll(':host', '.lc-host');
    return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><style>body { margin: 0; }\n${pageRules.join('\n')}\n${own}</style></head><body><div class="lc-host">${handout.shadowRoot!.innerHTML}</div></body></html>`;
  }

  for (const [name, build] of Object.entries(SCENARIOS)) {
    for (const lang of ['en', 'es'] as const) {
      it(`${name}, ${lang}: one or two pages on Letter and on A4`, async () => {
        const el = await preview(of(build()), { preferredLanguage: lang });
        for (const paper of ['letter', 'a4'] as const) {
          await userEvent.click(deepQuery(el, `input[value="${paper}"]`));
          await settle(el);
          const pages = await commands.printPdfPages(standaloneHtml(lang), `test-results/handout-pdf/${name}-${lang}-${paper}.pdf`);
          expect(pages, `${name} ${lang} ${paper}`).toBeGreaterThanOrEqual(1);
          expect(pages, `${name} ${lang} ${paper}`).toBeLessThanOrEqual(2);
        }
      });
    }
  }
});
