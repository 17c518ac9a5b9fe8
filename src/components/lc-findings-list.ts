/**
 * Likely contributors, grouped as medications, laboratory results, conditions and data gaps, the
 * strongest evidence first inside each group (the order comes from groupFindings). With nothing
 * flagged it never says "nothing found": it says nothing was flagged among what could be checked,
 * and points at what could not be. Cards are keyed by rule id: when a checklist answer re-runs the
 * engine and the list changes, an evidence disclosure the clinician opened stays with its finding.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ContributorGroup } from '../review/group-findings.js';
import type { ReviewState } from '../review/review-state.js';
import { shared } from './styles.js';
import './lc-finding-card.js';

@customElement('lc-findings-list')
export class LcFindingsList extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      section { display: grid; gap: var(--_space); }
      h2 { font-size: 1.375rem; }
      h3 { font-size: 1.15rem; margin-top: calc(var(--_space) * 0.5); }
      ul { list-style: none; padding: 0; display: grid; gap: calc(var(--_space) * 0.75); }
    `,
  ];

  @property({ attribute: false }) groups: readonly ContributorGroup[] = [];
  @property({ attribute: false }) reviews: ReviewState = {};
  /** How many causes could not be checked, so an empty list can say what it does not cover. */
  @property({ type: Number, attribute: 'not-checked-count' }) notCheckedCount = 0;

  override render() {
    const total = this.groups.reduce((n, g) => n + g.findings.length, 0);
    return html`<section aria-labelledby="heading">
      <h2 id="heading">Likely contributors (${total})</h2>
      ${total ? this.groups.map((g) => this.group(g)) : this.empty()}
    </section>`;
  }

  private group(g: ContributorGroup) {
    return html`<div data-group=${g.key}>
      <h3 id="group-${g.key}">${g.label} (${g.findings.length})</h3>
      <ul aria-labelledby="group-${g.key}">
        ${repeat(g.findings, (f) => f.ruleId, (f) => html`<li><lc-finding-card .finding=${f} .review=${this.reviews[f.ruleId]} heading-level="4"></lc-finding-card></li>`)}
      </ul>
    </div>`;
  }

  private empty() {
    const gaps = this.notCheckedCount;
    return html`<p>No likely contributor was flagged among the causes the app could check.${gaps
      ? ` ${gaps} cause${gaps === 1 ? '' : 's'} could not be checked: see "Could not be checked".`
      : ''}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lc-findings-list': LcFindingsList;
  }
}
