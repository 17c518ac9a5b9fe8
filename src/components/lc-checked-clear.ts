/**
 * What was checked and not found: compact and collapsed, because it reassures rather than asks
 * for action. Only findings whose data was available and normal reach this list (outcome
 * `not-flagged`); anything the app could not look at is in "Could not be checked".
 */
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Finding } from '../../rules/engine/types.js';
import { shared } from './styles.js';

@customElement('lc-checked-clear')
export class LcCheckedClear extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      section { border: 1px solid var(--_border); border-radius: var(--_radius); padding: var(--_space) var(--_space) 0; }
      h2 { font-size: 1.2rem; }
      summary { cursor: pointer; min-height: 2.75rem; display: flex; align-items: center; font-weight: 600; color: var(--_highlight); }
      ul { padding-left: 1.1rem; padding-bottom: var(--_space); columns: 22rem auto; column-gap: 2rem; }
      li { break-inside: avoid; }
    `,
  ];

  @property({ attribute: false }) findings: readonly Finding[] = [];

  override render() {
    return html`<section aria-labelledby="heading">
      <h2 id="heading">Checked and not found (${this.findings.length})</h2>
      <p class="muted">The record was read and does not show these.</p>
      <details>
        <summary>Show what was checked</summary>
        <ul>${this.findings.map((f) => html`<li data-rule-id=${f.ruleId}><bdi>${f.summary}</bdi></li>`)}</ul>
      </details>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lc-checked-clear': LcCheckedClear;
  }
}
