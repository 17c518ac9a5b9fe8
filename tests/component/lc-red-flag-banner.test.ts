import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/components/lc-red-flag-banner.js';
import { groupFindings } from '../../src/review/group-findings.js';
import { atWidths, deepActiveElement, deepQuery, deepQueryAll, expectNoAxeViolations, mount, settle, visibleText } from './support/dom.js';
import { richReport } from './support/scenarios.js';

const THREE_FLAGS = { 'calf-swelling': 'yes', 'saddle-numbness-bladder-bowel': 'yes', 'weakness-wasting-fasciculations': 'yes' } as const;
const redFlags = (checklist?: Record<string, 'yes' | 'no'>) => groupFindings(richReport(checklist).findings).redFlags;

describe('lc-red-flag-banner', () => {
  it('shows every fired red flag, most urgent first, with the action in plain words', async () => {
    const banner = await mount('lc-red-flag-banner', { redFlags: redFlags(THREE_FLAGS) });
    const flags = deepQueryAll(banner, '.flag');
    expect(flags.map((f) => f.dataset.ruleId)).toEqual(['redflag-cauda-equina', 'redflag-vte-risk', 'redflag-neuromuscular']);
    expect(flags.map((f) => deepQuery(f, '.urgency').textContent)).toEqual(['Emergency: act now', 'Same-day assessment', 'Prompt review']);
    const text = visibleText(banner);
    expect(text).toMatch(/^Red flags \(3\): assess before treating as cramps/);
    expect(visibleText(flags[0]!)).toContain('Emergency: same-day emergency assessment and MRI of the lumbar spine');
    expect(visibleText(flags[1]!)).toContain('Calf swelling, warmth or tenderness: same-day assessment (Wells score, compression ultrasound)');
  });

  it('renders nothing visible when no red flag fired', async () => {
    const banner = await mount('lc-red-flag-banner', { redFlags: [] });
    expect(visibleText(banner)).toBe('');
    expect(deepQueryAll(banner, 'section')).toHaveLength(0);
  });

  it('opens each red flag’s evidence from the keyboard', async () => {
    const banner = await mount('lc-red-flag-banner', { redFlags: redFlags({ 'calf-swelling': 'yes' }) });
    deepQuery(banner, 'summary').focus();
    expect(deepActiveElement()?.textContent).toBe('Evidence for this red flag');
    await userEvent.keyboard('{Enter}');
    const text = visibleText(banner);
    expect(text).toContain('Trigger: One-sided calf swelling, warmth or tenderness');
    expect(text).toContain('Answer yes Date 2026-11-21');
    expect(text).toContain('Trigger: estradiol 0.05 MG/DAY Transdermal System');
    expect(text).toContain('Record MedicationRequest/m-estradiol');
  });

  it('announces once, in its one live region, a red flag that appears or changes urgency after the first render, and a removal; a re-render repeats nothing', async () => {
    const banner = await mount('lc-red-flag-banner', { redFlags: redFlags() });
    const live = () => deepQuery(banner, '[data-part="announcement"]');
    const marked = () => deepQueryAll(banner, '.flag[data-new]').map((e) => e.dataset.ruleId);
    expect(deepQueryAll(banner, '.flag').map((f) => f.dataset.urgency)).toEqual(['prompt']);
    expect(live().getAttribute('aria-live')).toBe('assertive');
    expect(live().textContent?.trim()).toBe('');
    // One live region, and no alert role that would read the same flag a second time.
    expect(deepQueryAll(banner, '[aria-live], [role="alert"], [role="status"]')).toHaveLength(1);

    const vteNode = deepQuery(banner, '.flag');
    // The clinician ticks calf swelling and saddle numbness: VTE becomes same-day, cauda equina appears.
    banner.redFlags = redFlags({ 'calf-swelling': 'yes', 'saddle-numbness-bladder-bowel': 'yes' });
    await settle(banner);
    // Keyed by rule: the new emergency flag is a new node above; the VTE flag keeps its node.
    expect(deepQuery(banner, '.flag[data-rule-id="redflag-vte-risk"]')).toBe(vteNode);
    expect(marked()).toEqual(['redflag-cauda-equina', 'redflag-vte-risk']);
    expect(visibleText(deepQuery(banner, '[data-rule-id="redflag-cauda-equina"]'))).toContain('New');
    const said = live().textContent?.trim() ?? '';
    expect(said).toBe('New red flag (emergency: act now): Possible cauda equina syndrome. Emergency: same-day emergency assessment and MRI of the lumbar spine; do not wait for a routine referral. New red flag (same-day assessment): Possible deep-vein thrombosis (calf swelling or DVT risk factors). Calf swelling, warmth or tenderness: same-day assessment (Wells score, compression ultrasound). Risk factor only: examine both calves and exclude DVT before calling persistent calf pain a cramp.');
    expect(deepQueryAll(banner, '[aria-live], [role="alert"], [role="status"]')).toHaveLength(1);

    // The same flags handed in again (another answer re-ran the engine): nothing new is said.
    banner.redFlags = redFlags({ 'calf-swelling': 'yes', 'saddle-numbness-bladder-bowel': 'yes', 'dark-urine-muscle-pain': 'no' });
    await settle(banner);
    expect(live().textContent?.trim()).toBe(said);

    // Saddle numbness answered "no" after all: the cauda-equina flag goes, and that is said.
    banner.redFlags = redFlags({ 'calf-swelling': 'yes', 'saddle-numbness-bladder-bowel': 'no' });
    await settle(banner);
    expect(marked()).toEqual(['redflag-vte-risk']);
    expect(live().textContent?.trim()).toBe('No longer flagged: Possible cauda equina syndrome.');
  });

  it('has no axe violations at 360 and 1280 px, with evidence open and new flags marked', async () => {
    const banner = await mount('lc-red-flag-banner', { redFlags: redFlags() });
    banner.redFlags = redFlags(THREE_FLAGS);
    await settle(banner);
    for (const d of deepQueryAll<HTMLDetailsElement>(banner, 'details')) d.open = true;
    await atWidths(() => expectNoAxeViolations(banner));
  });
});
