/**
 * "Could not be checked": causes the app could not look for, kept apart from "checked and not
 * found" and worded so nobody reads them as negative (architecture: missing data is not a negative
 * finding). Each reason is the engine's own words with its kind named first: query failed, only
 * partly read, not authorised, not requested, no usable result in the lookback, not asked yet,
 * rule failed.
 *
 * First, in plain words, the data sources the app could not read in full (a query that failed, a
 * resource type this EHR does not offer), and the questions the record raises because it may be
 * out of date (an order from 1974 still marked active; a pregnancy recorded years ago): one line
 * each, however many rules they touch (rule catalogue, second round).
 *
 * Red flags that could not be excluded for want of data come next, open, and say so. A red flag
 * that only waits for a checklist answer is not here: it is a question in the summary's "Ask
 * during the visit" (group-findings.ts), so a first screen is not a wall of red. The other causes are grouped
 * (medications, labs, conditions, data gaps) behind a disclosure whose summary already gives the
 * count and the reasons: one failed query can leave twenty medication rules unchecked, and twenty
 * near-identical lines would bury the one line that matters.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { CONTRIBUTOR_GROUPS, contributorGroupOf, type NotCheckedItem } from '../review/group-findings.js';
import { MISSING_KINDS, missingKindLabel } from '../review/missing-reason.js';
import type { RecordQuestion } from '../review/record-questions.js';
import type { SourceProblem } from '../review/source-status.js';
import { shared } from './styles.js';

/** "Query failed: 3 · Not asked yet: 2", counting each finding once per kind. */
function kindCounts(items: readonly NotCheckedItem[]): { label: string; count: number }[] {
  const byKind = new Map<string, number>();
  for (const i of items) for (const kind of new Set(i.reasons.map((r) => r.kind))) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  return MISSING_KINDS.filter((k) => byKind.has(k)).map((k) => ({ label: missingKindLabel(k), count: byKind.get(k) ?? 0 }));
}

@customElement('lc-not-checked')
export class LcNotChecked extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      section { border: 2px dashed var(--_border); border-radius: var(--_radius); padding: var(--_space); display: grid; gap: 0.75rem; }
      h2 { font-size: 1.375rem; }
      .intro { font-weight: 600; }
      .counts { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; padding: 0; list-style: none; }
      .items { padding: 0; list-style: none; display: grid; gap: 0.6rem; }
      .item { border-left: 4px solid var(--_border); padding-left: 0.6rem; }
      .item.red-flag { border-left-color: var(--_error); }
      .title { font-weight: 700; }
      .tag { font-weight: 700; color: var(--_error); }
      .reasons { padding-left: 1.1rem; }
      summary { cursor: pointer; min-height: 2.75rem; padding: 0.35rem 0; }
      summary .group { font-weight: 700; color: var(--_highlight); }
      details[open] > summary { margin-bottom: 0.5rem; }
      h3 { font-size: 1.125rem; margin: 0; }
      .sources, .questions { display: grid; gap: 0.35rem; }
      .sources ul, .questions ul { margin: 0; padding-left: 1.1rem; display: grid; gap: 0.25rem; }
    `,
  ];

  @property({ attribute: false }) items: readonly NotCheckedItem[] = [];
  /** Data sources not read in full, in plain words (src/review/source-status.ts). */
  @property({ attribute: false }) sources: readonly SourceProblem[] = [];
  /** What to ask because the record may be out of date (src/review/record-questions.ts). */
  @property({ attribute: false }) questions: readonly RecordQuestion[] = [];

  override render() {
    if (!this.items.length && !this.sources.length && !this.questions.length) return nothing;
    const redFlags = this.items.filter((i) => i.finding.redFlag);
    const groups = CONTRIBUTOR_GROUPS.map((g) => ({ ...g, items: this.items.filter((i) => !i.finding.redFlag && contributorGroupOf(i.finding) === g.key) })).filter((g) => g.items.length);
    return html`<section aria-labelledby="heading">
      <h2 id="heading">Could not be checked (${this.items.length})</h2>
      <p class="intro">The app could not look for these, so they are not ruled out.</p>
      ${this.sources.length ? this.sourceList() : nothing}
      ${this.questions.length ? this.questionList() : nothing}
      <ul class="counts" aria-label="Reasons">${kindCounts(this.items).map((k) => html`<li>${k.label}: <strong>${k.count}</strong></li>`)}</ul>
      ${redFlags.length ? this.list(redFlags) : nothing}
      ${groups.map(
        (g) => html`<details data-group=${g.key}>
          <summary><span class="group">${g.label} (${g.items.length})</span>: ${kindCounts(g.items).map((k, i) => html`${i ? ' · ' : ''}${k.label} ${k.count}`)}</summary>
          ${this.list(g.items)}
        </details>`,
      )}
    </section>`;
  }

  private sourceList() {
    return html`<div class="sources" data-part="sources">
      <h3>Data the app could not read</h3>
      <ul>${this.sources.map((p) => html`<li data-state=${p.state}><strong><bdi>${p.what}</bdi></strong>: <bdi>${p.how}</bdi></li>`)}</ul>
    </div>`;
  }

  private questionList() {
    return html`<div class="questions" data-part="questions">
      <h3>The record may be out of date: ask</h3>
      <ul>${this.questions.map((q) => html`<li data-rule-ids=${q.ruleIds.join(' ')}><bdi>${q.text}</bdi></li>`)}</ul>
    </div>`;
  }

  private list(items: readonly NotCheckedItem[]) {
    return html`<ul class="items">${repeat(items, (i) => i.finding.ruleId, (i) => this.item(i))}</ul>`;
  }

  private item({ finding: f, reasons }: NotCheckedItem) {
    return html`<li class="item ${f.redFlag ? 'red-flag' : ''}" data-rule-id=${f.ruleId}>
      <p>${f.redFlag ? html`<span class="tag">Red flag not excluded: </span>` : nothing}<span class="title"><bdi>${f.title}</bdi></span></p>
      <ul class="reasons">
        ${reasons.map((r) => html`<li data-kind=${r.kind}><strong>${missingKindLabel(r.kind)}:</strong> <bdi>${r.text}</bdi></li>`)}
      </ul>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lc-not-checked': LcNotChecked;
  }
}
