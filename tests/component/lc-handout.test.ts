/**
 * The printed handout element in real Chromium: what the patient reads, in which order, the
 * urgent box set apart by more than colour, the diary table, the traceability footer, large type
 * in print, hostile names as plain text, and axe.
 */
import { describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import '../../src/components/lc-handout.js';
import { childPatient, dialysisOnDiuretic, handoutOf, pregnantPatient, quinineUser, scenario } from '../support/handout.js';
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
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => deepQueryAll(r, 'td').length === 6 && r.textContent?.trim() === '')).toBe(true);
    // Tall enough to write in by hand: 0.75 cm.
    expect(parseFloat(getComputedStyle(deepQuery(table, 'td')).height)).toBeGreaterThan(27);
  });

  it('ends with the traceability footer: the date and the rule ids behind each section', async () => {
    const h = handoutOf(scenario(dialysisOnDiuretic()), 'en');
    const el = await mount('lc-handout', { handout: h });
    const footer = deepQuery(el, 'footer');
    expect(visibleText(footer)).toMatch(/^For the care team: where this sheet came from\. Made on 2026-11-21\./);
    expect(visibleText(deepQuery(footer, 'span[data-section-id="dialysis"]'))).toBe('dialysis ← cond-dialysis');
    expect(visibleText(deepQuery(footer, 'span[data-section-id="drug-potassium-sparing-diuretic"]'))).toBe('drug-potassium-sparing-diuretic ← med-potassium-sparing-diuretic, med-loop-diuretic');
    expect(visibleText(deepQuery(footer, '.general'))).toBe('during-a-cramp, prevention, diet, cramp-diary');
    expect(visibleText(footer)).toContain('Safety rules applied: potassium-caution ← cond-dialysis, med-potassium-sparing-diuretic; fluid-limit ← cond-dialysis; salt-caution ← condition:handout-hypertension, cond-dialysis.');
    const traced = h.sections.filter((s) => s.ruleIds.length);
    expect(traced.map((s) => deepQueryAll(footer, `[data-section-id="${s.id}"]`).length)).toEqual(traced.map(() => 1));
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
