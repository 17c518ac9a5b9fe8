/**
 * What the clinician has reviewed during this visit: counts by mark (relevant, not relevant,
 * discussed: two independent dimensions, so one finding can count twice) and the list with the
 * reasons for "not relevant". It shows the app's in-memory review state and says that it is not
 * saved anywhere.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Finding } from '../../rules/engine/types.js';
import { DISCUSSED_LABEL, RELEVANCE_LABELS, RELEVANCE_VALUES, type ReviewEntry, type ReviewState } from '../review/review-state.js';
import { shared } from './styles.js';

/** "Relevant · Discussed", "Not relevant", "Discussed". */
function marksText(e: ReviewEntry): string {
  return [e.relevance ? RELEVANCE_LABELS[e.relevance] : '', e.discussed ? DISCUSSED_LABEL : ''].filter(Boolean).join(' · ');
}

@customElement('lc-review-summary')
export class LcReviewSummary extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      section { display: grid; gap: 0.5rem; border: 1px solid var(--_border); border-radius: var(--_radius); padding: var(--_space); }
      h2 { font-size: 1.375rem; }
      .counts { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; padding: 0; list-style: none; }
      .list { padding-left: 1.1rem; display: grid; gap: 0.25rem; }
      .status { font-weight: 700; }
    `,
  ];

  /** The findings a clinician can mark: flagged red flags and likely contributors. */
  @property({ attribute: false }) findings: readonly Finding[] = [];
  @property({ attribute: false }) reviews: ReviewState = {};

  override render() {
    const reviewed = this.findings.flatMap((f) => {
      const e = this.reviews[f.ruleId];
      return e && (e.relevance || e.discussed) ? [{ f, e }] : [];
    });
    return html`<section aria-labelledby="heading">
      <h2 id="heading">Your review</h2>
      <p>Reviewed <strong>${reviewed.length}</strong> of ${this.findings.length} flagged finding${this.findings.length === 1 ? '' : 's'}.</p>
      ${reviewed.length
        ? html`<ul class="counts" aria-label="By mark">
              ${RELEVANCE_VALUES.map((r) => html`<li>${RELEVANCE_LABELS[r]}: <strong>${reviewed.filter(({ e }) => e.relevance === r).length}</strong></li>`)}
              <li>${DISCUSSED_LABEL}: <strong>${reviewed.filter(({ e }) => e.discussed).length}</strong></li>
            </ul>
            <ul class="list">
              ${reviewed.map(({ f, e }) => html`<li data-rule-id=${f.ruleId}><bdi>${f.title}</bdi>: <span class="status">${marksText(e)}</span>${e.reason ? html` (<bdi>${e.reason}</bdi>)` : nothing}</li>`)}
            </ul>`
        : nothing}
      <p class="muted">Kept only while this page is open; not saved to the record.</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lc-review-summary': LcReviewSummary;
  }
}
