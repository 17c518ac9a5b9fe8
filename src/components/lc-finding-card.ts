/**
 * One finding as a card: title, one-line summary, evidence grade (its meaning on hover or focus,
 * and as a description for screen readers), outcome, then a native disclosure with the exact
 * evidence, and the clinician's review marks. `data-rule-id` on the host is an interface: the
 * end-to-end tests and other tools find a finding by it.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Finding, Outcome } from '../../rules/engine/types.js';
import { gradeMeaning } from '../review/grade.js';
import type { ReviewEntry } from '../review/review-state.js';
import { shared } from './styles.js';
import './lc-evidence.js';
import './lc-review-actions.js';

const OUTCOME_LABELS: Record<Outcome, string> = {
  flagged: 'Flagged',
  'not-flagged': 'Checked, not found',
  'insufficient-data': 'Could not be checked',
  error: 'Rule failed',
};

@customElement('lc-finding-card')
export class LcFindingCard extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      article { border: 1px solid var(--_border); border-left: 6px solid var(--_highlight); border-radius: var(--_radius); padding: calc(var(--_space) * 0.75); background: var(--_bg); display: grid; gap: 0.5rem; }
      .title { font-size: 1.125rem; font-weight: 700; }
      .summary { font-size: 1.0625rem; }
      .meta { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; font-size: 0.95rem; }
      .grade-wrap { position: relative; }
      .grade { display: inline-block; font-weight: 700; border: 2px solid var(--_text); border-radius: 999px; padding: 0 0.55rem; cursor: help; }
      .tip { display: none; position: absolute; z-index: 2; top: calc(100% + 4px); left: 0; width: max-content; max-width: min(20rem, 80vw); background: var(--_text); color: var(--_bg); padding: 0.4rem 0.6rem; border-radius: var(--_radius); font-weight: 400; }
      .grade-wrap:hover .tip, .grade:focus-visible + .tip { display: block; }
      .tip.dismissed { display: none !important; }
      .outcome { color: var(--_muted); }
      summary { cursor: pointer; font-weight: 600; color: var(--_highlight); min-height: 2.75rem; display: flex; align-items: center; }
      details[open] > summary { margin-bottom: 0.5rem; }
    `,
  ];

  @property({ attribute: false }) finding?: Finding;
  @property({ attribute: false }) review?: ReviewEntry;
  /** Level of the card's title; the evidence headings sit one below it. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 4;

  /** Escape hides the grade tooltip until the pointer or focus leaves (WCAG 1.4.13). */
  @state() private tipDismissed = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('finding')) {
      if (this.finding) this.dataset.ruleId = this.finding.ruleId;
      else delete this.dataset.ruleId;
    }
  }

  override render() {
    const f = this.finding;
    if (!f) return nothing;
    const evidenceCount = f.evidence.length;
    return html`<article aria-labelledby="title">
      <div class="title" id="title" role="heading" aria-level=${this.headingLevel}><bdi>${f.title}</bdi></div>
      <p class="summary"><bdi>${f.summary}</bdi></p>
      <p class="meta">
        <span class="grade-wrap" @mouseleave=${this.resetTip}>
          <span class="grade" tabindex="0" aria-describedby="grade-meaning" @keydown=${this.onGradeKey} @blur=${this.resetTip}>Evidence grade ${f.grade}</span>
          <span class="tip ${this.tipDismissed ? 'dismissed' : ''}" id="grade-meaning" role="tooltip">${gradeMeaning(f.grade)}</span>
        </span>
        <span class="outcome">${OUTCOME_LABELS[f.outcome]}</span>
      </p>
      <details>
        <summary>Evidence${evidenceCount ? ` (${evidenceCount} record ${evidenceCount === 1 ? 'entry' : 'entries'})` : ''}, next step and sources</summary>
        <lc-evidence .finding=${f} heading-level=${this.headingLevel + 1}></lc-evidence>
      </details>
      <lc-review-actions rule-id=${f.ruleId} finding-title=${f.title} .entry=${this.review}></lc-review-actions>
    </article>`;
  }

  private onGradeKey(e: KeyboardEvent) {
    if (e.key === 'Escape') this.tipDismissed = true;
  }

  private resetTip() {
    this.tipDismissed = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lc-finding-card': LcFindingCard;
  }
}
