/**
 * Red flags that fired, above everything else (knowledge base section 6: they override the
 * frequency band and every benign reading). Each shows the action first, in plain clinical words
 * from its urgency and next step, then what fired, with a disclosure for its evidence.
 *
 * Announcements: this banner's one live region is the only place in the app that announces a red
 * flag (the summary and the checklist item show it too, silently), so a flag raised by a checklist
 * answer is read out once: "New red flag (<urgency>): <title>. <action>", assertively, since it changes what to
 * do now. A flag that no longer fires is said in the same region. An urgency change counts as new.
 * The text changes only when the set of flags changes, so a re-render never repeats it. Flags are
 * keyed by rule id, so an open disclosure stays with its flag.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Finding } from '../../rules/engine/types.js';
import type { ReviewState } from '../review/review-state.js';
import { urgencyLabel } from '../review/urgency.js';
import { shared } from './styles.js';
import './lc-evidence.js';
import './lc-review-actions.js';

const keyOf = (f: Finding) => `${f.ruleId}|${f.urgency ?? ''}`;

@customElement('lc-red-flag-banner')
export class LcRedFlagBanner extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; container-type: inline-size; }
      section { border: 3px solid var(--_error); border-radius: var(--_radius); background: var(--_urgent-surface); padding: var(--_space); display: grid; gap: var(--_space); }
      h2 { font-size: 1.375rem; }
      .flags { display: grid; gap: var(--_space); }
      .flag { background: var(--_bg); border-left: 8px solid var(--_error); border-radius: var(--_radius); padding: calc(var(--_space) * 0.75); display: grid; gap: 0.4rem; }
      .urgency { display: inline-block; justify-self: start; background: var(--_error); color: #fff; font-weight: 700; padding: 0.1rem 0.6rem; border-radius: var(--_radius); }
      .new { font-weight: 700; color: var(--_error); margin-left: 0.5rem; }
      .title { font-size: 1.2rem; font-weight: 700; }
      .action { font-size: 1.125rem; font-weight: 600; }
      @container (max-width: 30rem) {
        section { padding: 0.5rem; }
        .flag { padding: 0.5rem; border-left-width: 6px; }
      }
      summary { cursor: pointer; font-weight: 600; color: var(--_highlight); min-height: 2.75rem; display: flex; align-items: center; }
      @media print {
        section, .flag { background: none; }
        .urgency { color: var(--_text); background: none; border: 2px solid var(--_text); }
      }
    `,
  ];

  /** Flagged red flags, most urgent first (see groupFindings). */
  @property({ attribute: false }) redFlags: readonly Finding[] = [];
  @property({ attribute: false }) reviews: ReviewState = {};

  @state() private newKeys = new Set<string>();
  @state() private announcement = '';
  private seen?: Map<string, Finding>;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('redFlags')) return;
    const now = new Map(this.redFlags.map((f) => [keyOf(f), f]));
    if (!this.seen) {
      // First render: what was there on arrival is not "new".
      this.seen = now;
      return;
    }
    const previous = this.seen;
    const added = [...now.entries()].filter(([k]) => !previous.has(k)).map(([, f]) => f);
    const stillFlagged = new Set(this.redFlags.map((f) => f.ruleId));
    const removed = [...previous.values()].filter((f) => !stillFlagged.has(f.ruleId));
    this.newKeys = new Set([...this.newKeys, ...added.map(keyOf)].filter((k) => now.has(k)));
    if (added.length || removed.length) {
      const fresh = added.map((f) => `New red flag (${urgencyLabel(f.urgency).toLowerCase()}): ${f.title}. ${f.nextStep}`).join(' ');
      const gone = removed.length ? `No longer flagged: ${removed.map((f) => f.title).join('; ')}.` : '';
      this.announcement = [fresh, gone].filter(Boolean).join(' ');
    }
    this.seen = now;
  }

  override render() {
    const n = this.redFlags.length;
    return html`
      <p class="sr-only" aria-live="assertive" aria-atomic="true" data-part="announcement">${this.announcement}</p>
      ${n
        ? html`<section aria-labelledby="heading">
            <h2 id="heading">Red flag${n === 1 ? '' : 's'} (${n}): assess before treating as cramps</h2>
            <div class="flags">${repeat(this.redFlags, (f) => f.ruleId, (f) => this.flag(f))}</div>
          </section>`
        : nothing}
    `;
  }

  private flag(f: Finding) {
    const isNew = this.newKeys.has(keyOf(f));
    return html`<div class="flag" data-rule-id=${f.ruleId} data-urgency=${f.urgency ?? 'urgent'} ?data-new=${isNew}>
      <p><span class="urgency">${urgencyLabel(f.urgency)}</span>${isNew ? html`<span class="new">New</span>` : nothing}</p>
      <h3 class="title"><bdi>${f.title}</bdi></h3>
      <p class="action"><bdi>${f.nextStep}</bdi></p>
      <p><span class="sr-only">Why: </span><bdi>${f.summary}</bdi></p>
      <details>
        <summary>Evidence for this red flag</summary>
        <lc-evidence .finding=${f} heading-level="4"></lc-evidence>
      </details>
      <lc-review-actions rule-id=${f.ruleId} finding-title=${f.title} .entry=${this.reviews[f.ruleId]}></lc-review-actions>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lc-red-flag-banner': LcRedFlagBanner;
  }
}
