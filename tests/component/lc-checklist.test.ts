import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { CHECKLIST_ITEM_LIST } from '../../rules/codes/checklist.js';
import '../../src/components/lc-checklist.js';
import type { ChecklistChangeDetail } from '../../src/components/lc-checklist.js';
import { atWidths, deepActiveElement, deepQueryAll, expectNoAxeViolations, mount, settle } from './support/dom.js';

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
});
