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

  it('alerts only for red flags that appear or change urgency after the first render, and announces removals politely', async () => {
    const banner = await mount('lc-red-flag-banner', { redFlags: redFlags() });
    const alerts = () => deepQueryAll(banner, '[role="alert"]').map((e) => e.dataset.ruleId);
    const live = () => deepQuery(banner, '[aria-live="polite"]').textContent?.trim();
    expect(deepQueryAll(banner, '.flag').map((f) => f.dataset.urgency)).toEqual(['prompt']);
    expect(alerts()).toEqual([]);

    const vteNode = deepQuery(banner, '.flag');
    // The clinician ticks calf swelling and saddle numbness: VTE becomes same-day, cauda equina appears.
    banner.redFlags = redFlags({ 'calf-swelling': 'yes', 'saddle-numbness-bladder-bowel': 'yes' });
    await settle(banner);
    // Keyed by rule: the new emergency flag is a new node above; the VTE flag keeps its node.
    expect(deepQuery(banner, '.flag[data-rule-id="redflag-vte-risk"]')).toBe(vteNode);
    expect(alerts()).toEqual(['redflag-cauda-equina', 'redflag-vte-risk']);
    expect(visibleText(deepQuery(banner, '[data-rule-id="redflag-cauda-equina"]'))).toContain('New');
    expect(live()).toBe('2 red flags now.');

    // Saddle numbness answered "no" after all: the cauda-equina flag goes, and that is said.
    banner.redFlags = redFlags({ 'calf-swelling': 'yes', 'saddle-numbness-bladder-bowel': 'no' });
    await settle(banner);
    expect(alerts()).toEqual(['redflag-vte-risk']);
    expect(live()).toBe('1 red flag now. No longer flagged: Possible cauda equina syndrome.');
  });

  it('has no axe violations at 360 and 1280 px, with evidence open and an alert present', async () => {
    const banner = await mount('lc-red-flag-banner', { redFlags: redFlags() });
    banner.redFlags = redFlags(THREE_FLAGS);
    await settle(banner);
    for (const d of deepQueryAll<HTMLDetailsElement>(banner, 'details')) d.open = true;
    await atWidths(() => expectNoAxeViolations(banner));
  });
});
