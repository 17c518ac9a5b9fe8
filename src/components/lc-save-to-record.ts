/**
 * The "Save to record" control of the chart note: a button and one sentence that says where things
 * stand (never saved, saving, saved at a time, changed since, failed and why, or why saving is not
 * possible here). It renders what the app tells it and emits `note-save` (bubbles, composed) when
 * pressed; the app does the saving (src/fhir/write-back/ through the app's visit record).
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { shared } from './styles.js';

export type SaveView =
  | { readonly state: 'not-granted'; readonly missing: readonly string[] }
  /** `restored`: checklist answers saved earlier today came back at this launch. */
  | { readonly state: 'ready'; readonly restored?: boolean }
  | { readonly state: 'saving' }
  /** `at`: the local time of the last save ("10:31"); `current`: nothing changed since. */
  | { readonly state: 'saved'; readonly at: string; readonly current: boolean }
  | { readonly state: 'failed'; readonly reason: string };

function statusText(v: SaveView): string {
  switch (v.state) {
    case 'not-granted':
      return `Saving to the record is not possible here: the EHR did not give this app permission to store notes and checklists (${v.missing.join(', ')} not granted). Copy the note instead.`;
    case 'ready':
      return v.restored ? 'Checklist answers saved earlier today were restored. Saving updates the same note and checklist in the record.' : 'Not saved to the record yet.';
    case 'saving':
      return 'Saving to the record…';
    case 'saved':
      return v.current ? `Saved to the record at ${v.at}. Saving again updates the same note.` : `Changed since it was saved at ${v.at}: save again to update the note in the record.`;
    case 'failed':
      return v.reason;
  }
}

@customElement('lc-save-to-record')
export class LcSaveToRecord extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: grid; gap: 0.4rem; }
      button.save { font-weight: 700; }
      button:disabled { cursor: not-allowed; opacity: 0.75; }
      .failed { color: var(--_error); font-weight: 600; }
      .saved { color: var(--_success); font-weight: 600; }
    `,
  ];

  @property({ attribute: false }) view?: SaveView;

  override render() {
    const v = this.view;
    if (!v) return nothing;
    const unavailable = v.state === 'not-granted' || v.state === 'saving';
    const kind = v.state === 'failed' ? 'failed' : v.state === 'saved' && v.current ? 'saved' : '';
    return html`
      <div><button type="button" class="save" ?disabled=${unavailable} aria-describedby="save-status" @click=${this.save}>${v.state === 'saving' ? 'Saving…' : 'Save to record'}</button></div>
      <p id="save-status" class=${kind} role=${v.state === 'failed' ? 'alert' : 'status'}>${statusText(v)}</p>
    `;
  }

  private save(): void {
    this.dispatchEvent(new CustomEvent('note-save', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lc-save-to-record': LcSaveToRecord;
  }
  interface HTMLElementEventMap {
    'note-save': CustomEvent<void>;
  }
}
