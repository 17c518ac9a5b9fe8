/**
 * The printed handout element in real Chromium: what the patient reads, in which order, the
 * urgent box first and set apart by more than colour, each red flag's action with its tier, the
 * clinic's number or lines to write it on, the diary table, nothing for the care team on the sheet,
 * large type in print, hostile names as plain text, and axe.
 */
import { describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import '../../src/components/lc-handout.js';
import { buildHandout } from '../../src/handout/build-handout.js';
import { AS_OF, childPatient, dialysisOnDiuretic, handoutOf, pregnantPatient, quinineUser, scenario } from '../support/handout.js';
import { deepQuery, deepQueryAll, expectNoAxeViolations, mount, visibleText } from './support/dom.js';

const PT = 96 / 72;

describe('lc-handout', () => {
  it('shows the title, the name and the date, then the sections in the model’s order', async () => {
    const h = handoutOf(scenario(pregnantPatient()), 'en', { patientName: 'Maria Lopez' });
    const el = await mount('lc-handout', { handout: h });
    expect(deepQuery(el, 'h1').textContent).toBe('Leg cramps at night: what to know and what to do');
    expect(visibleText(deepQuery(el, '.who'))).toBe('For: Maria Lopez · Date: November 21, 2026');
    expect(deepQueryAll(el, 'article > section').map((s) => s.dataset.sectionId)).toEqual(h.sections.map((s) => s.id));
    expect(visibleText(deepQuery(el, '[data-section-id="pregnancy"]'))).toContain('Never take quinine or drink tonic water while you are pregnant.');
  });

  it('sets the urgent box apart with a heavy border and a warning sign, not by colour alone', async () => {
    const el = await mount('lc-handout', { handout: handoutOf(scenario(pregnantPatient()), 'en') });
    const box = deepQuery(el, 'section.urgent');
    const style = getComputedStyle(box);
    expect(style.borderTopStyle).toBe('solid');
    expect(parseFloat(style.borderTopWidth)).toBeGreaterThanOrEqual(4);
    expect(deepQuery(box, '.sign').textContent).toBe('!');
    expect(visibleText(box)).toMatch(/^! Get help right away Please read this box first\./);
    await commands.emulateMedia('print');
    expect(getComputedStyle(box).backgroundColor).toBe('rgba(0, 0, 0, 0)');
    expect(parseFloat(getComputedStyle(box).borderTopWidth)).toBeGreaterThanOrEqual(4);
    await commands.emulateMedia('screen');
  });

  it('prints the cramp diary as a table to fill in', async () => {
    const el = await mount('lc-handout', { handout: handoutOf(scenario(quinineUser()), 'en') });
    const table = deepQuery(el, '[data-section-id="cramp-diary"] table');
    expect(deepQueryAll(table, 'th').map((th) => th.textContent)).toEqual(['Date', 'Time', 'Which leg', 'How long', 'How bad (0 to 10)', 'Did it wake you?']);
    const rows = deepQueryAll(table, 'tbody tr');
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => deepQueryAll(r, 'td').length === 6 && r.textContent?.trim() === '')).toBe(true);
    // Tall enough to write in by hand: 0.75 cm.
    expect(parseFloat(getComputedStyle(deepQuery(table, 'td')).height)).toBeGreaterThan(27);
  });

  it('prints nothing for the care team: no footer, no rule ids, no section ids (they are in the preview and the chart note)', async () => {
    const h = handoutOf(scenario(dialysisOnDiuretic()), 'en');
    expect(h.sections.find((s) => s.id === 'dialysis')!.ruleIds).toEqual(['cond-dialysis']);
    const el = await mount('lc-handout', { handout: h });
    expect(deepQueryAll(el, 'footer')).toHaveLength(0);
    expect(visibleText(el)).not.toMatch(/\b(med|lab|cond|redflag|safety|gap)-[a-z]|\bdrug-[a-z]|potassium-caution|salt-caution|fluid-limit\b/);
  });

  it('opens with the urgent box, each red flag’s action first with its tier in bold', async () => {
    const s = scenario(quinineUser().lab({ loinc: '777-3', value: 62, unit: '10*9/L', date: '2026-11-19' }));
    const el = await mount('lc-handout', { handout: handoutOf(s, 'en') });
    const sections = deepQueryAll(el, 'article > section');
    expect(sections[0]!.dataset.sectionId).toBe('urgent-help');
    const action = deepQuery(sections[0]!, 'ul.action li');
    expect(action.dataset.tier).toBe('today');
    expect(getComputedStyle(deepQuery(action, '.label')).fontWeight).toBe('700');
    expect(visibleText(action)).toBe('Today: Stop taking quinine now. Your blood test shows it may be harming your blood. Get a new blood test today.');
  });

  it('prints the clinic’s name and number in the urgent box, or lines to write them on', async () => {
    const s = scenario(childPatient());
    const named = await mount('lc-handout', { handout: buildHandout({ findings: s.findings, language: 'en', patientName: 'A', date: AS_OF, context: s.context, clinic: { name: 'Riverside Family Practice', phone: '(555) 010-0100' } }) });
    expect(visibleText(deepQuery(named, '.urgent .clinic'))).toBe('Your clinic: Riverside Family Practice Phone: (555) 010-0100');
    named.parentElement?.remove();
    const blank = await mount('lc-handout', { handout: handoutOf(s, 'en') });
    const lines = deepQueryAll(blank, '.urgent .clinic .blank');
    expect(lines).toHaveLength(2);
    // Long enough to write a name or a number by hand, and visible on paper (a rule, not colour).
    expect(lines.every((l) => l.getBoundingClientRect().width > 120 && getComputedStyle(l).borderBottomStyle === 'solid')).toBe(true);
  });

  it('prints in large type: body text at 14 pt or more', async () => {
    const el = await mount('lc-handout', { handout: handoutOf(scenario(childPatient()), 'en') });
    await commands.emulateMedia('print');
    for (const p of deepQueryAll(el, 'section li, section p')) expect(parseFloat(getComputedStyle(p).fontSize), p.textContent ?? '').toBeGreaterThanOrEqual(14 * PT - 0.01);
    await commands.emulateMedia('screen');
  });

  it('renders a hostile name as the characters it is', async () => {
    const name = '<img src=x onerror="window.__handoutPwned=1"><script>window.__handoutPwned=2</script>';
    const el = await mount('lc-handout', { handout: handoutOf(scenario(childPatient()), 'en', { patientName: name }) });
    expect(deepQuery(el, '.name').textContent).toBe(name);
    expect(deepQueryAll(el, 'img, script')).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 50));
    expect((window as unknown as { __handoutPwned?: number }).__handoutPwned).toBeUndefined();
  });

  it('identifies the patient by name and date only', async () => {
    const el = await mount('lc-handout', { handout: handoutOf(scenario(pregnantPatient()), 'en', { patientName: 'Maria Lopez' }) });
    const text = visibleText(el);
    expect(text).not.toMatch(/1994|patient-\d|Patient\/|MRN|female/i);
  });

  it('marks the Spanish handout as Spanish and has no axe violations in either language', async () => {
    for (const lang of ['en', 'es'] as const) {
      const el = await mount('lc-handout', { handout: handoutOf(scenario(dialysisOnDiuretic()), lang) });
      expect(deepQuery(el, 'article').getAttribute('lang')).toBe(lang);
      await expectNoAxeViolations(el);
      el.parentElement?.remove();
    }
  });
});
