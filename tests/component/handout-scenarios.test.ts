/**
 * Every scenario patient (sandbox/patients), in real Chromium (issue 11 points 1 and 3):
 * - the screen and the sheet side by side: the red-flag banner and the handout rendered from the
 *   same findings; each flag's urgency, next step and summary as the banner shows them must reach
 *   the urgent box at the same tier, in plain words;
 * - printed to PDF by the same Chromium, Letter and A4, English and Spanish: the urgent box is on
 *   page one, the all-clear patient fits one page, and the one-page handout always fits one page.
 * The page counts are written to test-results/handout-pages.json (and the PDFs beside them) for a
 * person to read; the README quotes them.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import '../../src/components/lc-handout.js';
import '../../src/components/lc-red-flag-banner.js';
import type { Finding, Urgency } from '../../rules/engine/types.js';
import { handoutForBundle } from '../../src/handout/handout-for-bundle.js';
import type { Handout, HandoutLayout } from '../../src/handout/model.js';
import { groupFindings } from '../../src/review/group-findings.js';
import { conceptsOnScreen, PATIENT_TIER } from '../support/screen-and-handout.js';
import { AS_OF } from '../support/handout.js';
import { deepQuery, deepQueryAll, mount, visibleText } from './support/dom.js';
import { standaloneHandout } from './support/handout-print.js';

const FILES = import.meta.glob('../../sandbox/patients/*.json', { eager: true, import: 'default' }) as Record<string, unknown>;
const PATIENTS = Object.entries(FILES)
  .map(([path, json]) => ({ name: path.split('/').pop()!.replace(/\.json$/, ''), json }))
  .filter((p) => p.name !== 'expected' && p.name !== 'faults')
  .sort((a, b) => a.name.localeCompare(b.name));

const build = (json: unknown, language: 'en' | 'es', layout: HandoutLayout = 'full') => handoutForBundle(json, AS_OF, language, { layout });

describe('the screen and the sheet side by side', () => {
  it('reads the 32 scenario patients', () => {
    expect(PATIENTS).toHaveLength(32);
  });

  for (const { name, json } of PATIENTS) {
    it(`${name}: every red flag in the banner is in the urgent box, at its urgency, in the same words`, async () => {
      const { report, handout } = build(json, 'en');
      const redFlags = groupFindings(report.findings).redFlags;
      if (!handout) {
        expect(report.patient.deceased).toBe(true);
        return;
      }
      const banner = await mount('lc-red-flag-banner', { redFlags });
      const flags = deepQueryAll(banner, '.flag');
      for (const lang of ['en', 'es'] as const) {
        const sheet = await mount('lc-handout', { handout: build(json, lang).handout! });
        const box = deepQueryAll(sheet, 'article > section')[0]!;
        expect(box.dataset.sectionId).toBe('urgent-help');
        const actions = deepQueryAll(box, 'ul.action li');
        expect(actions.map((a) => a.dataset.ruleIds).sort()).toEqual(flags.map((f) => f.dataset.ruleId).sort());
        for (const flag of flags) {
          // The banner's own words: urgency, next step, summary.
          const shown = { ruleId: flag.dataset.ruleId!, urgency: flag.dataset.urgency as Urgency, nextStep: visibleText(deepQuery(flag, '.action')), summary: visibleText(flag.querySelectorAll('p')[2] as HTMLElement) } as Finding;
          const action = actions.find((a) => a.dataset.ruleIds === shown.ruleId)!;
          const label = visibleText(deepQuery(action, '.label'));
          expect(label, `${name} ${lang} ${shown.ruleId}`).toBe(`${PATIENT_TIER[shown.urgency ?? 'urgent'][lang]}:`);
          for (const c of conceptsOnScreen(shown)) expect(visibleText(action), `${name} ${lang} ${shown.ruleId}: ${c.name}`).toMatch(c.patient[lang]);
        }
        sheet.parentElement?.remove();
      }
    });
  }
});

const pages: Record<string, Record<string, number>> = {};

async function printed(h: Handout, paper: 'letter' | 'a4', file: string): Promise<string[]> {
  return commands.printPdfPageTexts(await standaloneHandout(h, paper), `test-results/handout-pdf/scenarios/${file}.pdf`);
}

describe('printed by Chromium, Letter and A4, English and Spanish', () => {
  for (const { name, json } of PATIENTS) {
    it(`${name}: the urgent box on page one; the one-page handout on one page`, async () => {
      for (const lang of ['en', 'es'] as const) {
        const full = build(json, lang).handout;
        if (!full) return;
        const onePage = build(json, lang, 'one-page').handout!;
        const box = full.sections[0]!;
        for (const paper of ['letter', 'a4'] as const) {
          const fullPages = await printed(full, paper, `${name}-${lang}-${paper}`);
          const onePages = await printed(onePage, paper, `${name}-${lang}-${paper}-one-page`);
          (pages[name] ??= {})[`${lang}-${paper}`] = fullPages.length;
          pages[name][`${lang}-${paper}-one-page`] = onePages.length;
          const first = fullPages[0]!;
          expect(first, `${name} ${lang} ${paper}`).toContain(box.heading);
          // The whole box, to its last line, is on page one.
          expect(first, `${name} ${lang} ${paper}`).toContain(box.blocks.at(-1)!.text.replace(/[\u2018\u2019]/g, "'").slice(0, 40));
          expect(onePages, `${name} ${lang} ${paper} one page`).toHaveLength(1);
          if (name === 'all-clear') expect(fullPages, `all-clear ${lang} ${paper}`).toHaveLength(1);
        }
      }
    }, 120_000);
  }
});

afterAll(async () => {
  if (Object.keys(pages).length) await commands.writeTestResult('handout-pages.json', `${JSON.stringify(pages, null, 1)}\n`);
});
