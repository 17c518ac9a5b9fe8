/**
 * The chart note (src/note/chart-note.ts) as the clinician takes it away: the text in a read-only
 * text area named "Chart note", a **Copy note** button, and, when the app may write to the record,
 * the **Save to record** control (lc-save-to-record.ts).
 *
 * Copying uses the Clipboard API where the browser allows it. Inside an EHR's iframe it often does
 * not (the `clipboard-write` permission is the embedding page's to give:
 * https://w3c.github.io/clipboard-apis/#privacy), so then the note is selected in the text area
 * and the message says to press Ctrl+C. Emits `note-copy` (bubbles, composed, the copied text)
 * when the clipboard took the note, or when the clinician copied the whole note from the text area
 * themselves, so the app knows this text left the screen.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import './lc-save-to-record.js';
import type { SaveView } from './lc-save-to-record.js';
import { shared } from './styles.js';

export interface NoteCopyDetail {
  readonly text: string;
}

const COPIED = 'Copied. Paste it into the patient’s note in the EHR.';
const SELECTED = 'This browser did not let the app copy (common inside an EHR window). The note is selected: press Ctrl+C (⌘C on a Mac) to copy it, then paste it into the patient’s note.';

@customElement('lc-chart-note')
export class LcChartNote extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      section { display: grid; gap: 0.75rem; }
      h2 { font-size: 1.375rem; }
      textarea {
        font: 0.95rem/1.45 ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
        width: 100%;
        min-height: 16rem;
        resize: vertical;
        padding: 0.6rem 0.75rem;
        border: 2px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
        color: var(--_text);
        white-space: pre-wrap;
      }
      .actions { display: flex; flex-wrap: wrap; gap: 0.75rem 1.25rem; align-items: start; }
      .copy { font-weight: 700; border-color: var(--_highlight); }
      @media print { :host { display: none; } }
    `,
  ];

  /** The note, as built by buildChartNote. */
  @property({ attribute: false }) text = '';
  /** The save control's state; absent when the app does not write to the record (writeBack off). */
  @property({ attribute: false }) save?: SaveView;

  @state() private message = '';
  @query('textarea') private area?: HTMLTextAreaElement;

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A message about an earlier text would be about another note.
    if (changed.has('text') && changed.get('text') !== undefined) this.message = '';
  }

  override render() {
    const rows = Math.min(Math.max(this.text.split('\n').length + 2, 10), 28);
    return html`<section aria-labelledby="note-heading">
      <h2 id="note-heading">Chart note</h2>
      <p class="muted">Plain text for the patient’s chart: copy it into the EHR’s note${this.save ? ', or save it to the record' : ''}. It follows what is on this screen, your marks and answers included.</p>
      <textarea readonly aria-label="Chart note" rows=${rows} spellcheck="false" .value=${this.text} @copy=${this.onCopyFromArea}></textarea>
      <div class="actions">
        <button type="button" class="copy" @click=${this.copy}>Copy note</button>
        ${this.save ? html`<lc-save-to-record .view=${this.save}></lc-save-to-record>` : nothing}
      </div>
      <p class="message" role="status">${this.message}</p>
    </section>`;
  }

  private async copy(): Promise<void> {
    const text = this.text;
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no Clipboard API');
      await navigator.clipboard.writeText(text);
      this.message = COPIED;
      this.copied(text);
    } catch {
      this.selectAll();
      this.message = SELECTED;
    }
  }

  private selectAll(): void {
    const area = this.area;
    if (!area) return;
    area.focus();
    area.setSelectionRange(0, area.value.length);
  }

  /** Ctrl+C in the text area: the note left the screen when the whole of it was selected. */
  private onCopyFromArea(): void {
    const area = this.area;
    if (area && area.selectionStart === 0 && area.selectionEnd === area.value.length && area.value.length > 0) this.copied(area.value);
  }

  private copied(text: string): void {
    this.dispatchEvent(new CustomEvent<NoteCopyDetail>('note-copy', { detail: { text }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lc-chart-note': LcChartNote;
  }
  interface HTMLElementEventMap {
    'note-copy': CustomEvent<NoteCopyDetail>;
  }
}
