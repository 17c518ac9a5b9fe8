/**
 * The clinician's marks on one finding during the visit, in two independent dimensions
 * (src/review/review-state.ts): relevant or not relevant (pressing the pressed one again clears
 * it), with a short reason when not relevant; and, separately, discussed with the patient. A
 * finding can be relevant and discussed at once. Every change is emitted as `review-change` with
 * the whole entry; the app keeps the review in memory only.
 *
 * The reason typed for "not relevant" stays in the box if the clinician presses "Relevant" by
 * mistake and back again, but it is only sent while "not relevant" is the mark.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { DISCUSSED_LABEL, RELEVANCE_LABELS, RELEVANCE_VALUES, REVIEW_REASON_MAX, type Relevance, type ReviewChangeDetail, type ReviewEntry } from '../review/review-state.js';
import { shared } from './styles.js';

@customElement('lc-review-actions')
export class LcReviewActions extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      .row { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; align-items: center; }
      .group { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
      .label { font-weight: 600; margin-right: 0.25rem; }
      button[aria-pressed='true'] { background: var(--_text); color: var(--_bg); border-color: var(--_text); }
      button[aria-pressed='true']::before { content: '✓ '; }
      label { display: block; margin-top: 0.5rem; font-weight: 600; }
      input { font: inherit; width: 100%; min-height: 2.75rem; padding: 0.35rem 0.5rem; border: 2px solid var(--_border); border-radius: var(--_radius); }
      .count { font-size: 0.9rem; }
      @media print { :host { display: none; } }
    `,
  ];

  @property({ attribute: 'rule-id' }) ruleId = '';
  /** The finding's title, to name the groups for screen readers ("Your review of …"). */
  @property({ attribute: 'finding-title' }) findingTitle = '';
  @property({ attribute: false }) entry?: ReviewEntry;

  @state() private relevance: Relevance | null = null;
  @state() private discussed = false;
  @state() private reason = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The app is the owner of the review: when it hands one in, show that one.
    if (changed.has('entry')) {
      this.relevance = this.entry?.relevance ?? null;
      this.discussed = this.entry?.discussed ?? false;
      if (this.entry?.reason || this.relevance === 'not-relevant') this.reason = this.entry?.reason ?? '';
    }
  }

  override render() {
    return html`
      <div class="row">
        <div class="group" role="group" aria-labelledby="label">
          <span class="label" id="label">Your review<span class="sr-only"> of <bdi>${this.findingTitle}</bdi></span>:</span>
          ${RELEVANCE_VALUES.map(
            (r) => html`<button type="button" data-mark=${r} aria-pressed=${this.relevance === r ? 'true' : 'false'} @click=${() => this.toggleRelevance(r)}>${RELEVANCE_LABELS[r]}</button>`,
          )}
        </div>
        <button type="button" data-mark="discussed" aria-pressed=${this.discussed ? 'true' : 'false'} @click=${this.toggleDiscussed}>
          ${DISCUSSED_LABEL}<span class="sr-only"> with the patient: <bdi>${this.findingTitle}</bdi></span>
        </button>
      </div>
      ${this.relevance === 'not-relevant'
        ? html`<label for="reason">Why not relevant (optional, up to ${REVIEW_REASON_MAX} characters)</label>
            <input id="reason" type="text" maxlength=${REVIEW_REASON_MAX} autocomplete="off" .value=${this.reason} @input=${this.onReason} aria-describedby="count" />
            <span id="count" class="count muted">${this.reason.length} of ${REVIEW_REASON_MAX}</span>`
        : nothing}
    `;
  }

  private toggleRelevance(r: Relevance) {
    this.relevance = this.relevance === r ? null : r;
    this.emit();
  }

  private toggleDiscussed() {
    this.discussed = !this.discussed;
    this.emit();
  }

  private onReason(e: Event) {
    // maxlength stops typing, not pasting through script; cut here too so the event never carries more.
    this.reason = (e.target as HTMLInputElement).value.slice(0, REVIEW_REASON_MAX);
    this.emit();
  }

  private emit() {
    const detail: ReviewChangeDetail = {
      ruleId: this.ruleId,
      relevance: this.relevance,
      discussed: this.discussed,
      reason: this.relevance === 'not-relevant' ? this.reason : '',
    };
    this.dispatchEvent(new CustomEvent<ReviewChangeDetail>('review-change', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lc-review-actions': LcReviewActions;
  }
  interface HTMLElementEventMap {
    'review-change': CustomEvent<ReviewChangeDetail>;
  }
}
