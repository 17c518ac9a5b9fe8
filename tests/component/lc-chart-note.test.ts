/**
 * The chart note on screen (lc-chart-note, lc-save-to-record): the note in a read-only text area
 * named "Chart note"; Copy note through the clipboard where the browser allows it, otherwise the
 * note selected for Ctrl+C with a message saying so; Save to record in each of its states, or not
 * there at all when the app does not write to the record. Accessible at 360 and 1280 px.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../../src/components/lc-chart-note.js';
import type { NoteCopyDetail } from '../../src/components/lc-chart-note.js';
import type { SaveView } from '../../src/components/lc-save-to-record.js';
import { atWidths, deepActiveElement, deepQuery, deepQueryAll, expectNoAxeViolations, mount, settle, visibleText } from './support/dom.js';

const NOTE = 'Night-time leg cramps review, 2026-11-21. Decision support from the EHR record.\n\nRed flags: none raised by the record or the checklist answers.\n\nCramp frequency: about 1.5 cramps a month; band: infrequent (1 to 2 a month).';

/** Replace the page's Clipboard API for one test: one that takes the text, or one that refuses as an iframe without permission does. */
function clipboard(behaviour: 'allow' | 'refuse') {
  const written: string[] = [];
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {
      writeText: async (text: string) => {
        if (behaviour === 'refuse') throw new DOMException('Write permission denied.', 'NotAllowedError');
        written.push(text);
      },
    },
  });
  // Deleting the own property brings back the browser's own (Navigator.prototype's).
  return { written, restore: () => void delete (navigator as { clipboard?: unknown }).clipboard };
}

function copies() {
  const events: NoteCopyDetail[] = [];
  const listener = (e: CustomEvent<NoteCopyDetail>) => events.push(e.detail);
  document.body.addEventListener('note-copy', listener);
  return { events, stop: () => document.body.removeEventListener('note-copy', listener) };
}

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup) c();
  cleanup = [];
});

describe('lc-chart-note', () => {
  it('shows the note in a read-only text area named "Chart note", with Copy note, and no save control when the app does not write to the record', async () => {
    const el = await mount('lc-chart-note', { text: NOTE });
    const area = page.getByRole('textbox', { name: 'Chart note' });
    await expect.element(area).toBeVisible();
    await expect.element(area).toHaveValue(NOTE);
    expect(deepQuery<HTMLTextAreaElement>(el, 'textarea').readOnly).toBe(true);
    await expect.element(page.getByRole('button', { name: 'Copy note' })).toBeVisible();
    expect(deepQueryAll(el, 'button').map((b) => b.textContent)).toEqual(['Copy note']);
    expect(visibleText(el)).not.toContain('save it to the record');
  });

  it('copies through the clipboard where allowed, says so, and tells the app which text left the screen', async () => {
    const cb = clipboard('allow');
    const ev = copies();
    cleanup.push(cb.restore, ev.stop);
    const el = await mount('lc-chart-note', { text: NOTE });
    await userEvent.click(page.getByRole('button', { name: 'Copy note' }));
    await settle(el);
    expect(cb.written).toEqual([NOTE]);
    await expect.element(page.getByRole('status')).toHaveTextContent('Copied. Paste it into the patient’s note in the EHR.');
    expect(ev.events).toEqual([{ text: NOTE }]);
    // A new note (a mark changed) drops the message about the old one.
    el.text = `${NOTE}\nChanged.`;
    await settle(el);
    expect(deepQuery(el, '[role="status"]').textContent).toBe('');
  });

  it('where the browser refuses (an EHR iframe), selects the whole note for Ctrl+C and says so; copying it by hand counts', async () => {
    const cb = clipboard('refuse');
    const ev = copies();
    cleanup.push(cb.restore, ev.stop);
    const el = await mount('lc-chart-note', { text: NOTE });
    await userEvent.click(page.getByRole('button', { name: 'Copy note' }));
    await settle(el);
    const area = deepQuery<HTMLTextAreaElement>(el, 'textarea');
    expect(deepActiveElement()).toBe(area);
    expect([area.selectionStart, area.selectionEnd]).toEqual([0, NOTE.length]);
    expect(visibleText(el)).toContain('The note is selected: press Ctrl+C (⌘C on a Mac) to copy it');
    expect(ev.events).toEqual([]);
    // The clinician presses Ctrl+C: the browser fires `copy` on the text area with the whole note selected.
    area.dispatchEvent(new ClipboardEvent('copy', { bubbles: true, composed: true }));
    expect(ev.events).toEqual([{ text: NOTE }]);
    // Part of it copied is not the note leaving the screen.
    area.setSelectionRange(0, 10);
    area.dispatchEvent(new ClipboardEvent('copy', { bubbles: true, composed: true }));
    expect(ev.events).toHaveLength(1);
  });

  it('passes axe at 360 and 1280 px, in every save state', async () => {
    const views: SaveView[] = [
      { state: 'ready' },
      { state: 'ready', restored: true },
      { state: 'saving' },
      { state: 'saved', at: '10:31', current: true },
      { state: 'saved', at: '10:31', current: false },
      { state: 'failed', reason: 'The note was not saved: the EHR was busy (HTTP 503). Try again in a moment.' },
      { state: 'not-granted', missing: ['patient/DocumentReference.c', 'patient/DocumentReference.u'] },
    ];
    const el = await mount('lc-chart-note', { text: NOTE });
    await atWidths(async () => {
      for (const save of views) {
        el.save = save;
        await settle(el);
        await expectNoAxeViolations(el);
      }
    });
  });
});

describe('lc-save-to-record', () => {
  const saves = () => {
    let n = 0;
    const listener = () => (n += 1);
    document.body.addEventListener('note-save', listener);
    cleanup.push(() => document.body.removeEventListener('note-save', listener));
    return () => n;
  };

  it('asks the app to save, and says where things stand after', async () => {
    const count = saves();
    const el = await mount('lc-chart-note', { text: NOTE, save: { state: 'ready' } });
    expect(visibleText(el)).toContain('Not saved to the record yet.');
    await userEvent.click(page.getByRole('button', { name: 'Save to record' }));
    expect(count()).toBe(1);
    el.save = { state: 'saving' };
    await settle(el);
    await expect.element(page.getByRole('button', { name: 'Saving…' })).toBeDisabled();
    el.save = { state: 'saved', at: '10:31', current: true };
    await settle(el);
    expect(visibleText(el)).toContain('Saved to the record at 10:31. Saving again updates the same note.');
    el.save = { state: 'saved', at: '10:31', current: false };
    await settle(el);
    expect(visibleText(el)).toContain('Changed since it was saved at 10:31: save again to update the note in the record.');
    el.save = { state: 'failed', reason: 'The note was not saved: the EHR refused to store it (HTTP 403).' };
    await settle(el);
    await expect.element(page.getByRole('alert')).toHaveTextContent('The note was not saved: the EHR refused to store it (HTTP 403).');
    await userEvent.click(page.getByRole('button', { name: 'Save to record' }));
    expect(count()).toBe(2);
  });

  it('says why saving is not possible when the write scopes were not granted, and Copy note still works', async () => {
    const cb = clipboard('allow');
    cleanup.push(cb.restore);
    const count = saves();
    const el = await mount('lc-chart-note', { text: NOTE, save: { state: 'not-granted', missing: ['patient/DocumentReference.c', 'patient/QuestionnaireResponse.u'] } });
    const button = page.getByRole('button', { name: 'Save to record' });
    await expect.element(button).toBeDisabled();
    await expect.element(button).toHaveAccessibleDescription(/the EHR did not give this app permission to store notes and checklists \(patient\/DocumentReference\.c, patient\/QuestionnaireResponse\.u not granted\)\. Copy the note instead\./);
    expect(count()).toBe(0);
    await userEvent.click(page.getByRole('button', { name: 'Copy note' }));
    await settle(el);
    expect(cb.written).toEqual([NOTE]);
  });
});
