/**
 * "Could not be checked": causes the app could not look for, kept apart from "checked and not
 * found" and worded so nobody reads them as negative (architecture: missing data is not a negative
 * finding). Each reason is the engine's own words with its kind named first: query failed, only
 * partly read, not authorised, not requested, no usable result in the lookback, not asked yet,
 * rule failed. Red flags that could not be excluded come first and say so.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { NotCheckedItem } from '../review/group-findings.js';
import { MISSING_KINDS, missingKindLabel } from '../review/missing-reason.js';
import { shared } from './styles.js';

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
    `,
  ];

  @property({ attribute: false }) items: readonly NotCheckedItem[] = [];

  override render() {
    if (!this.items.length) return nothing;
    return html`<section aria-labelledby="heading">
      <h2 id="heading">Could not be checked (${this.items.length})</h2>
      <p class="intro">The app could not look for these, so they are not ruled out.</p>
      ${this.counts()}
      <ul class="items">${repeat(this.items, (i) => i.finding.ruleId, (i) => this.item(i))}</ul>
    </section>`;
  }

  /** One line of totals by kind, so the reason for a long list is seen before the list. */
  private counts() {
    const byKind = new Map<string, number>();
    for (const i of this.items) for (const kind of new Set(i.reasons.map((r) => r.kind))) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    const kinds = MISSING_KINDS.filter((k) => byKind.has(k));
    return html`<ul class="counts" aria-label="Reasons">
      ${kinds.map((k) => html`<li>${missingKindLabel(k)}: <strong>${byKind.get(k)}</strong></li>`)}
    </ul>`;
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
