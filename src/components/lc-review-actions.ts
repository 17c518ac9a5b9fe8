/**
 * The clinician's mark on one finding during the visit: discussed, relevant or not relevant, with
 * a short optional reason. Pressing the pressed mark again clears it. Every change is emitted as
 * `review-change`; the app keeps the review in memory only.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { REVIEW_REASON_MAX, REVIEW_STATUS_LABELS, REVIEW_STATUSES, type ReviewChangeDetail, type ReviewEntry, type ReviewStatus } from '../review/review-state.js';
import { shared } from './styles.js';

@customElement('lc-review-actions')
export class LcReviewActions extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
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
  /** The finding's title, to name the group for screen readers ("Your review of …"). */
  @property({ attribute: 'finding-title' }) findingTitle = '';
  @property({ attribute: false }) entry?: ReviewEntry;

  @state() private status: ReviewStatus | null = null;
  @state() private reason = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The app is the owner of the review: when it hands one in, show that one.
    if (changed.has('entry')) {
      this.status = this.entry?.status ?? null;
      this.reason = this.entry?.reason ?? '';
    }
  }

  override render() {
    const showReason = this.status !== null || this.reason !== '';
    return html`
      <div class="group" role="group" aria-labelledby="label">
        <span class="label" id="label">Your review<span class="sr-only"> of <bdi>${this.findingTitle}</bdi></span>:</span>
        ${REVIEW_STATUSES.map(
          (s) => html`<button type="button" aria-pressed=${this.status === s ? 'true' : 'false'} @click=${() => this.toggle(s)}>${REVIEW_STATUS_LABELS[s]}</button>`,
        )}
      </div>
      ${showReason
        ? html`<label for="reason">Reason (optional, up to ${REVIEW_REASON_MAX} characters)</label>
            <input id="reason" type="text" maxlength=${REVIEW_REASON_MAX} autocomplete="off" .value=${this.reason} @input=${this.onReason} aria-describedby="count" />
            <span id="count" class="count muted">${this.reason.length} of ${REVIEW_REASON_MAX}</span>`
        : nothing}
    `;
  }

  private toggle(s: ReviewStatus) {
    this.status = this.status === s ? null : s;
    this.emit();
  }

  private onReason(e: Event) {
    // maxlength stops typing, not pasting through script; cut here too so the event never carries more.
    this.reason = (e.target as HTMLInputElement).value.slice(0, REVIEW_REASON_MAX);
    this.emit();
  }

  private emit() {
    const detail: ReviewChangeDetail = { ruleId: this.ruleId, status: this.status, reason: this.reason };
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
