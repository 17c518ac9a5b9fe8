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
import { BundleBuilder } from '../support/fhir-builder.js';
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
  await settled(el);
  return el;
}

const of = (b: BundleBuilder) => scenario(b);

/** Rendered, and the page estimate (measured after each render) settled too. */
async function settled(el: LcHandoutPreview): Promise<void> {
  await settle(el);
  await new Promise((r) => setTimeout(r, 30));
  await settle(el);
}

/** The print root's handout as a standalone page: its own styles (:host as a class) and the @page rule. */
function standaloneHtml(lang: string): string {
  const handout = printRoot()!.querySelector('lc-handout')!;
  const pageRules = document.adoptedStyleSheets.flatMap((s) => [...s.cssRules]).filter((r) => r instanceof CSSPageRule).map((r) => r.cssText);
  const own = [LcHandout.styles].flat().map((s) => (s as CSSResult).cssText).join('\n').replaceAll(':host', '.lc-host');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><style>body { margin: 0; }\n${pageRules.join('\n')}\n${own}</style></head><body><div class="lc-host">${handout.shadowRoot!.innerHTML}</div></body></html>`;
}

/** A patient with a dozen findings: the handout runs past two pages. */
const manyCauses = () =>
  new BundleBuilder({ gender: 'female', birthDate: '1940-03-03' })
    .medicationRequest({ text: 'spironolactone 25 MG Oral Tablet', date: '2026-09-01' })
    .medicationRequest({ text: 'Simvastatin 20 MG Oral Tablet', date: '2026-09-01' })
    .medicationRequest({ text: 'Donepezil 5 MG Oral Tablet', date: '2026-09-01' })
    .lab({ loinc: '2601-3', value: 0.6, unit: 'mmol/L', date: '2026-11-10', low: 0.7, high: 1.0 })
    .lab({ loinc: '2823-3', value: 3.2, unit: 'mmol/L', date: '2026-11-10', low: 3.5, high: 5.1 })
    .lab({ loinc: '2951-2', value: 131, unit: 'mmol/L', date: '2026-11-10', low: 135, high: 145 })
    .lab({ loinc: '3016-3', value: 9.5, unit: 'm[IU]/L', date: '2026-11-10', low: 0.4, high: 4.5 })
    .lab({ loinc: '14635-7', value: 30, unit: 'nmol/L', date: '2026-10-01' })
    .condition({ icd10: 'N18.4', display: 'Chronic kidney disease, stage 4 (severe)', onset: '2023-01-01' })
    .condition({ icd10: 'G62.9', display: 'Polyneuropathy, unspecified', onset: '2020-01-01' })
    .condition({ icd10: 'E11.9', display: 'Type 2 diabetes mellitus without complications', onset: '2010-01-01' })
    .condition({ icd10: 'I83.90', display: 'Asymptomatic varicose veins', onset: '2010-01-01' });

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

  it('leaves out a cause the clinician marked "not relevant"; relevant and discussed ones go into "Your plan", with the frequency reported', async () => {
    const s = of(manyCauses());
    const shown = async (review: LcHandoutPreview['review'], extra: Partial<LcHandoutPreview> = {}) => {
      const el = await preview(s, { review, ...extra });
      const sections = deepQueryAll(deepQuery(el, 'lc-handout'), 'article > section');
      const result = { ids: sections.map((x) => x.dataset.sectionId), plan: visibleText(sections.find((x) => x.dataset.sectionId === 'your-plan') ?? document.createElement('p')) };
      document.body.replaceChildren();
      return result;
    };
    const all = await shown({});
    expect(all.ids).toContain('drug-statin');
    expect(all.ids).not.toContain('your-plan');
    const marked = await shown({ 'med-statin': { relevance: 'relevant', discussed: true, reason: '' } }, { frequency: { monthlyMean: 1.5, fourWeekCount: null, band: 'infrequent', reasons: [], seasonCaveat: null, overriddenByRedFlags: false } });
    expect(marked.ids).toEqual([all.ids[0], 'your-plan', ...all.ids.slice(1)]);
    expect(marked.plan).toBe('Your plan You told us: about 1.5 cramps a month. We talked about: your cholesterol pill (simvastatin)');
    expect((await shown({ 'med-statin': { relevance: 'not-relevant', discussed: true, reason: 'stopped' } })).ids).toEqual(all.ids.filter((id) => id !== 'drug-statin'));
  });

  it('prints the clinic it is given in the urgent box', async () => {
    const el = await preview(of(childPatient()), { clinic: { name: 'Riverside Family Practice', phone: '(555) 010-0100' } });
    expect(visibleText(deepQuery(printRoot()!.querySelector('lc-handout')!, '.urgent .clinic'))).toBe('Your clinic: Riverside Family Practice Phone: (555) 010-0100');
    expect(visibleText(deepQuery(el, 'lc-handout'))).toContain('Riverside Family Practice');
  });

  it('shows where each part came from beside the preview, never in the copy that prints', async () => {
    const el = await preview(of(dialysisOnDiuretic()));
    const trace = deepQuery(el, 'lc-handout-trace');
    expect(visibleText(deepQuery(trace, '[data-section-id="dialysis"]'))).toBe('Dialysis: cond-dialysis');
    expect(visibleText(deepQuery(trace, '[data-section-id="drug-loop-diuretic"]'))).toBe('Your water pill (furosemide): med-loop-diuretic');
    expect(visibleText(trace)).toContain('Safety rule fluid-limit (on record): cond-dialysis');
    const printed = visibleText(printRoot()!.querySelector('lc-handout')!);
    expect(printed).not.toMatch(/cond-dialysis|med-loop-diuretic|fluid-limit/);
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
    expect(events[0]!.detail).toMatchObject({ language: 'en', paper: 'letter', layout: 'full' });
    expect(events[0]!.detail.sections.slice(0, 2)).toEqual(['urgent-help', 'quinine-warning']);
    expect(events[0]!.detail.trace).toContainEqual({ id: 'quinine-warning', heading: 'About quinine', ruleIds: ['safety-quinine'] });
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

  it('warns when the handout runs past two pages, and never under-counts the pages Chromium prints', async () => {
    const el = await preview(of(manyCauses()), { preferredLanguage: 'es' });
    const pages = await commands.printPdfPages(standaloneHtml('es'));
    expect(pages).toBeGreaterThan(2);
    const estimate = Number(/About (\d+) pages/.exec(visibleText(deepQuery(el, '.pages')))![1]);
    expect(estimate).toBeGreaterThanOrEqual(pages);
    expect(visibleText(deepQuery(el, '.pages'))).toContain('Longer than two pages: leave out a section, or print one page.');
    // Leaving out the general sections brings it back to two pages, and the warning goes.
    for (const id of ['during-a-cramp', 'prevention', 'diet', 'cramp-diary']) await userEvent.click(deepQuery(el, `input[data-section-id="${id}"]`));
    await settled(el);
    expect(await commands.printPdfPages(standaloneHtml('es'))).toBeLessThanOrEqual(2);
    expect(visibleText(deepQuery(el, '.pages'))).toMatch(/^About [12] pages? on Letter\.$/);
  });

  it('prints one page when the clinician chooses it: the urgent box, the plan, one line per finding; the estimate agrees', async () => {
    for (const lang of ['en', 'es'] as const) {
      const el = await preview(of(manyCauses()), { preferredLanguage: lang });
      await userEvent.click(deepQuery(el, 'input[value="one-page"]'));
      await settled(el);
      expect(printedSections()).toEqual(['urgent-help', 'your-plan', 'what-we-found']);
      expect(await commands.printPdfPages(standaloneHtml(lang), `test-results/handout-pdf/many-causes-${lang}-one-page.pdf`)).toBe(1);
      expect(visibleText(deepQuery(el, '.pages'))).toBe('About 1 page on Letter.');
      // Only the findings can be left out now; the general advice is not printed at all.
      expect(deepQueryAll<HTMLInputElement>(el, 'input[type="checkbox"]').map((x) => x.dataset.sectionId)).not.toContain('prevention');
      document.body.replaceChildren();
    }
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


  for (const [name, build] of Object.entries(SCENARIOS)) {
    for (const lang of ['en', 'es'] as const) {
      it(`${name}, ${lang}: one or two pages on Letter and on A4`, async () => {
        const el = await preview(of(build()), { preferredLanguage: lang });
        for (const paper of ['letter', 'a4'] as const) {
          await userEvent.click(deepQuery(el, `input[value="${paper}"]`));
          await settled(el);
          const pages = await commands.printPdfPages(standaloneHtml(lang), `test-results/handout-pdf/${name}-${lang}-${paper}.pdf`);
          expect(pages, `${name} ${lang} ${paper}`).toBeGreaterThanOrEqual(1);
          expect(pages, `${name} ${lang} ${paper}`).toBeLessThanOrEqual(2);
          // The preview's estimate says the same.
          expect(visibleText(deepQuery(el, '.pages'))).toBe(`About ${pages} page${pages === 1 ? '' : 's'} on ${paper === 'a4' ? 'A4' : 'Letter'}.`);
        }
      });
    }
  }
});
