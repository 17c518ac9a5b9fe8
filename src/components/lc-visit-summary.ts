/**
 * The summary at the top of the review (a region named "Summary"): what matters in this visit in
 * ten seconds. It renders what src/review/visit-summary.ts decided and ranks nothing itself.
 *
 * 1. Do today: each red flag with its action (and the lab finding that is the same result), and
 *    the data sources that failed or were not authorised, named, with Retry (`retry-sources`,
 *    which the app answers by re-running only those queries). With neither, it says no red flag
 *    fired on what could be read, never that there is none.
 * 2. Ask during the visit: the questions the checklist-only red flags wait for, as plain
 *    questions, not red flags; "Go to the checklist" (`go-to-checklist`) takes the clinician there.
 * 3. Most likely contributors: at most five problems, each with every finding merged into it; each
 *    finding keeps its `data-rule-id`. The full grouped list stays below the summary.
 * 4. The frequency the clinician entered in the calculator, if any.
 *
 * For a patient who has died (a chart review, rule catalogue second round) nothing is "to do
 * today" and there is nobody to ask: the first part is "Red flags in the record" and the questions
 * are left out.
 *
 * The only live region here is the Retry's outcome. A new red flag is announced by the red-flag
 * banner below and nowhere else, so a red flag raised by a checklist answer is announced once.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Finding } from '../../rules/engine/types.js';
import type { FrequencyResult } from '../frequency/frequency-band.js';
import { frequencyLine } from '../review/frequency-words.js';
import { urgencyLabel } from '../review/urgency.js';
import type { SummaryProblem, SummaryRedFlag, VisitSummary } from '../review/visit-summary.js';
import type { VisitQuestion } from '../review/visit-questions.js';
import { shared } from './styles.js';

/** What the app says about the Retry it offers. */
export interface RetryState {
  /** Some failed query can be sent again (a scope never granted cannot). */
  readonly available: boolean;
  readonly running: boolean;
  /** The outcome of the last retry, in words ("" before any). */
  readonly message: string;
}

const NO_RETRY: RetryState = { available: false, running: false, message: '' };

@customElement('lc-visit-summary')
export class LcVisitSummary extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      section { border: 2px solid var(--_text); border-radius: var(--_radius); padding: var(--_space); display: grid; gap: var(--_space); background: var(--_bg); }
      h2 { font-size: 1.5rem; }
      h3 { font-size: 1.15rem; margin-bottom: 0.35rem; }
      ul, ol { padding-left: 1.2rem; display: grid; gap: 0.4rem; }
      .flags { list-style: none; padding: 0; }
      .red-flag { border-left: 6px solid var(--_error); padding-left: 0.6rem; }
      .urgency { display: inline-block; background: var(--_error); color: #fff; font-weight: 700; padding: 0 0.5rem; border-radius: var(--_radius); margin-right: 0.4rem; }
      .sources { border-left: 6px dashed var(--_border); padding-left: 0.6rem; display: grid; gap: 0.4rem; }
      .ask { border-left: 6px solid var(--_border); padding-left: 0.6rem; }
      .grade { font-weight: 700; white-space: nowrap; }
      .members { list-style: disc; margin-top: 0.2rem; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
      @media print { button { display: none; } }
    `,
  ];

  @property({ attribute: false }) summary?: VisitSummary;
  @property({ attribute: false }) questions: readonly VisitQuestion[] = [];
  @property({ attribute: false }) frequency?: FrequencyResult;
  @property({ attribute: false }) retry: RetryState = NO_RETRY;
  /** Red flags that could not be excluded for want of data (they are listed in "Could not be checked"). */
  @property({ type: Number, attribute: 'not-excluded' }) notExcluded = 0;
  /** The record belongs to a patient who has died: a chart review, not a visit. */
  @property({ type: Boolean }) deceased = false;

  override render() {
    const s = this.summary;
    if (!s) return nothing;
    return html`<section aria-labelledby="summary-heading">
      <h2 id="summary-heading">Summary</h2>
      <div data-part="do-today">
        <h3>${this.deceased ? 'Red flags in the record' : 'Do today'}</h3>
        ${s.redFlags.length ? html`<ul class="flags">${s.redFlags.map((r) => this.redFlag(r))}</ul>` : html`<p>${s.unreadSources.length ? 'No red flag fired on what could be read.' : 'No red flag fired on what the record shows.'}</p>`}
        ${this.notExcluded
          ? html`<p data-part="not-excluded">${this.notExcluded} red flag${this.notExcluded === 1 ? '' : 's'} could not be excluded for want of data: see "Could not be checked" below.</p>`
          : nothing}
        ${s.unreadSources.length ? this.sources(s) : nothing}
        <p id="retry-status" role="status">${this.retry.message}</p>
      </div>
      ${this.questions.length && !this.deceased ? this.ask() : nothing}
      <div data-part="contributors">
        <h3>Most likely contributors</h3>
        ${s.contributors.length
          ? html`<ol>${s.contributors.map((p) => this.problem(p))}</ol>`
          : html`<p>No likely contributor was flagged among what could be checked.</p>`}
        ${s.moreContributors ? html`<p class="muted">${s.moreContributors} more in the full list below.</p>` : nothing}
      </div>
      <div data-part="frequency">
        <h3>Cramp frequency</h3>
        <p>${frequencyLine(this.frequency, s.redFlags.length > 0) ?? 'Not entered yet: use the frequency calculator.'}</p>
      </div>
    </section>`;
  }

  private redFlag({ finding: f, sameResult }: SummaryRedFlag) {
    return html`<li class="red-flag" data-rule-id=${f.ruleId}>
      <p><span class="urgency">${urgencyLabel(f.urgency)}</span> <strong><bdi>${f.title}</bdi></strong></p>
      <p><bdi>${f.nextStep}</bdi></p>
      ${sameResult.map((m) => html`<p data-rule-id=${m.ruleId}>Same result: <bdi>${m.summary}</bdi></p>`)}
    </li>`;
  }

  private sources(s: VisitSummary) {
    const r = this.retry;
    return html`<div class="sources" data-part="unread-sources">
      <p><strong>The app could not read:</strong></p>
      <ul>${s.unreadSources.map((p) => html`<li data-state=${p.state}><bdi>${p.what}</bdi>: <bdi>${p.how}</bdi></li>`)}</ul>
      <div class="actions">
        ${r.available
          ? html`<button type="button" ?disabled=${r.running} aria-describedby="retry-status" @click=${this.onRetry}>${r.running ? 'Retrying…' : 'Retry'}</button>`
          : html`<p>A retry would not help: ask for access, or relaunch the app from the EHR.</p>`}
      </div>
    </div>`;
  }

  private ask() {
    return html`<div class="ask" data-part="ask">
      <h3>Ask during the visit</h3>
      <ul>${this.questions.map((q) => html`<li data-item-id=${q.item.id} data-rule-ids=${q.ruleIds.join(' ')}>${q.item.text}?</li>`)}</ul>
      <div class="actions"><button type="button" @click=${this.onGoToChecklist}>Go to the checklist</button></div>
    </div>`;
  }

  private problem(p: SummaryProblem) {
    const merged = p.findings.length > 1;
    // A merged problem ranks by its strongest finding, but each finding keeps its own grade on
    // screen: a loop diuretic (a weak link) is never shown as grade B because of the low
    // potassium beside it.
    return html`<li data-problem=${p.key}>
      ${merged
        ? html`<strong><bdi>${p.label}</bdi></strong><ul class="members">${p.findings.map((f) => this.member(f))}</ul>`
        : html`<strong><bdi>${p.label}</bdi></strong> <span class="grade">(evidence grade ${p.grade})</span>
            <p data-rule-id=${p.lead.ruleId}><bdi>${p.lead.summary}</bdi></p>`}
    </li>`;
  }

  private member(f: Finding) {
    return html`<li data-rule-id=${f.ruleId}><bdi>${f.summary}</bdi> <span class="grade">(evidence grade ${f.grade})</span></li>`;
  }

  private onRetry() {
    this.dispatchEvent(new CustomEvent('retry-sources', { bubbles: true, composed: true }));
  }

  private onGoToChecklist() {
    this.dispatchEvent(new CustomEvent('go-to-checklist', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lc-visit-summary': LcVisitSummary;
  }
  interface HTMLElementEventMap {
    'retry-sources': CustomEvent<undefined>;
    'go-to-checklist': CustomEvent<undefined>;
  }
}
