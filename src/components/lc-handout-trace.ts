/**
 * Where the handout came from, for the care team, beside the preview and never on the patient's
 * sheet (issue 11 point 5): each printed section with the rule ids behind it, each red flag's
 * action in the urgent box with its tier and rule, and the safety rules applied with what decided
 * them. The headings are shown as printed (in the handout's language, marked with `lang`).
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Handout } from '../handout/model.js';
import { handoutTrace } from '../handout/trace.js';
import { shared } from './styles.js';

const TIER_WORDS = { now: 'now (emergency)', today: 'today', soon: 'soon' } as const;

@customElement('lc-handout-trace')
export class LcHandoutTrace extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; font-size: 0.95rem; }
      h3 { font-size: 1.05rem; margin: 0 0 0.35rem; }
      ul { margin: 0; padding-left: 1.2rem; }
      li { margin: 0.15rem 0; }
      code { font-size: 0.9em; overflow-wrap: anywhere; }
    `,
  ];

  @property({ attribute: false }) handout?: Handout;

  override render() {
    const h = this.handout;
    if (!h) return nothing;
    const traced = handoutTrace(h);
    return html`
      <section aria-labelledby="trace-title">
        <h3 id="trace-title">Where this handout came from (care team only, not printed)</h3>
        <ul>
          ${traced.map(
            (s) => html`<li data-section-id=${s.id}><span lang=${h.language}>${s.heading}</span>: <code>${s.ruleIds.join(', ')}</code></li>`,
          )}
          ${h.actions.map((a) => html`<li data-action-rule=${a.ruleId}>Urgent box, ${TIER_WORDS[a.tier]}: <code>${a.ruleId}</code></li>`)}
          ${h.suppressions.map(
            (x) => html`<li data-suppression=${x.id}>Safety rule <code>${x.id}</code> ${x.basis === 'unknown' ? '(not on record, applied to be safe)' : '(on record)'}: <code>${x.sources.join(', ')}</code></li>`,
          )}
          ${!traced.length && !h.suppressions.length ? html`<li class="muted">General advice only: no finding or safety rule changed this handout.</li>` : nothing}
        </ul>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lc-handout-trace': LcHandoutTrace;
  }
}
