import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { CHECKLIST_ITEM_LIST } from '../../rules/codes/checklist.js';
import '../../src/components/lc-checklist.js';
import type { ChecklistChangeDetail } from '../../src/components/lc-checklist.js';
import { checklistItemsFor, redFlagsByItem } from '../../src/review/checklist-relevance.js';
import { atWidths, deepActiveElement, deepQuery, deepQueryAll, expectNoAxeViolations, mount, settle, visibleText } from './support/dom.js';
import { richReport } from './support/scenarios.js';

function listen() {
  const events: ChecklistChangeDetail[] = [];
  const listener = (e: CustomEvent<ChecklistChangeDetail>) => events.push(e.detail);
  document.body.addEventListener('checklist-change', listener);
  return { events, stop: () => document.body.removeEventListener('checklist-change', listener) };
}

const checkedLabels = (el: Element) =>
  deepQueryAll<HTMLFieldSetElement>(el, 'fieldset').map((fs) => deepQueryAll<HTMLInputElement>(fs, 'input').find((i) => i.checked)?.parentElement?.textContent?.trim());

describe('lc-checklist', () => {
  it('asks every catalogue item as a fieldset with its question as legend and yes / no / not asked', async () => {
    const el = await mount('lc-checklist');
    const sets = deepQueryAll<HTMLFieldSetElement>(el, 'fieldset');
    expect(sets.map((fs) => fs.querySelector('legend')?.textContent)).toEqual(CHECKLIST_ITEM_LIST.map((i) => i.text));
    expect(sets.map((fs) => fs.dataset.itemId)).toEqual(CHECKLIST_ITEM_LIST.map((i) => i.id));
    for (const fs of sets) expect(deepQueryAll(fs, 'label').map((l) => l.textContent?.trim())).toEqual(['Yes', 'No', 'Not asked']);
    // Nothing asked yet is "not asked", never "no".
    expect(new Set(checkedLabels(el))).toEqual(new Set(['Not asked']));
  });

  it('is operated with the keyboard and emits the full answers map on every change', async () => {
    const el = await mount('lc-checklist');
    const { events, stop } = listen();
    // Start from the first item's checked radio (where Tab lands), not from wherever the page's focus is.
    deepQueryAll<HTMLInputElement>(el, 'input[name="calf-swelling"]')[2]!.focus();
    await userEvent.keyboard('{ArrowUp}'); // Not asked → No
    await userEvent.keyboard('{ArrowUp}'); // No → Yes
    await userEvent.tab();
    expect((deepActiveElement() as HTMLInputElement).name).toBe('cold-pale-numb-leg');
    await userEvent.keyboard('{ArrowUp}'); // → No
    await settle(el);
    expect(events).toEqual([
      { answers: { 'calf-swelling': 'no' } },
      { answers: { 'calf-swelling': 'yes' } },
      { answers: { 'calf-swelling': 'yes', 'cold-pale-numb-leg': 'no' } },
    ]);
    // Back to "not asked" removes the answer rather than recording "no".
    await userEvent.keyboard('{ArrowDown}');
    expect(events.at(-1)).toEqual({ answers: { 'calf-swelling': 'yes' } });
    expect(checkedLabels(el).slice(0, 2)).toEqual(['Yes', 'Not asked']);
    stop();
  });

  it('shows the answers the app hands in', async () => {
    const el = await mount('lc-checklist', { answers: { 'dark-urine-muscle-pain': 'yes', 'tonic-water-for-cramps': 'no' } });
    const byId = Object.fromEntries(deepQueryAll<HTMLFieldSetElement>(el, 'fieldset').map((fs, i) => [fs.dataset.itemId, checkedLabels(el)[i]]));
    expect(byId['dark-urine-muscle-pain']).toBe('Yes');
    expect(byId['tonic-water-for-cramps']).toBe('No');
    expect(byId['calf-swelling']).toBe('Not asked');
    await atWidths(() => expectNoAxeViolations(el));
  });

  it('asks only the questions it is given (those that apply to this patient)', async () => {
    const report = richReport();
    const items = checklistItemsFor({ ageYears: report.patient.ageYears, findings: report.findings, answers: {} });
    const el = await mount('lc-checklist', { items });
    const asked = deepQueryAll<HTMLFieldSetElement>(el, 'fieldset').map((fs) => fs.dataset.itemId);
    // A 76-year-old without quinine: no child question, no question about bleeding on quinine.
    expect(asked).toEqual(CHECKLIST_ITEM_LIST.map((i) => i.id).filter((id) => id !== 'bleeding-on-quinine' && id !== 'frequent-falls'));
  });

  it('"No to all the rest" answers no to every unanswered question and keeps the answers given', async () => {
    const el = await mount('lc-checklist', { answers: { 'calf-swelling': 'yes' } });
    const { events, stop } = listen();
    const button = deepQueryAll<HTMLButtonElement>(el, 'button').find((b) => b.textContent?.startsWith('No to all the rest'))!;
    expect(button.textContent?.trim()).toBe(`No to all the rest (${CHECKLIST_ITEM_LIST.length - 1})`);
    await userEvent.click(button);
    await settle(el);
    const expected = Object.fromEntries(CHECKLIST_ITEM_LIST.map((i) => [i.id, i.id === 'calf-swelling' ? 'yes' : 'no']));
    expect(events).toEqual([{ answers: expected }]);
    expect(checkedLabels(el).filter((l) => l === 'Not asked')).toEqual([]);
    expect(button.disabled).toBe(true);
    expect(button.textContent?.trim()).toBe('No to all the rest');
    stop();
  });

  it('shows a red flag raised by a "yes" in that item, with its action, without announcing it (the banner does)', async () => {
    const report = richReport({ 'saddle-numbness-bladder-bowel': 'yes' });
    const el = await mount('lc-checklist', { answers: { 'saddle-numbness-bladder-bowel': 'yes' }, raised: redFlagsByItem(report.findings) });
    const item = deepQuery(el, 'fieldset[data-item-id="saddle-numbness-bladder-bowel"]');
    const note = deepQuery(item, '[data-rule-id="redflag-cauda-equina"]');
    expect(visibleText(note)).toBe('Red flag (emergency: act now): Possible cauda equina syndrome. Emergency: same-day emergency assessment and MRI of the lumbar spine; do not wait for a routine referral.');
    expect(deepQueryAll(el, '[data-rule-id]')).toHaveLength(1);
    expect(deepQueryAll(el, '[aria-live], [role="alert"], [role="status"]')).toHaveLength(0);
    await atWidths(() => expectNoAxeViolations(el));
  });
});
