/**
 * What the frequency calculator concludes: monthly mean, count in the last 4 weeks, the band and
 * what it suggests, the season caveat, and "red flags override the band". Labelled an app
 * heuristic, because no guideline uses a validated cut-off (knowledge base section 7).
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { HEURISTIC_NOTE, type FrequencyResult } from '../frequency/frequency-band.js';
import { monthLabel } from '../frequency/month-label.js';
import { BAND_WORDS, frequencyNumber as num } from '../review/frequency-words.js';
import { shared } from './styles.js';


@customElement('lc-frequency-result')
export class LcFrequencyResult extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      .box { display: grid; gap: 0.5rem; border-top: 1px solid var(--_border); padding-top: 0.75rem; }
      dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.2rem 0.75rem; }
      dt { color: var(--_muted); }
      dd { font-weight: 600; }
      .band { font-size: 1.125rem; }
      .override { border-left: 6px solid var(--_error); padding-left: 0.6rem; font-weight: 700; }
      .caveat { border-left: 6px solid var(--_border); padding-left: 0.6rem; }
    `,
  ];

  @property({ attribute: false }) result?: FrequencyResult;

  override render() {
    const r = this.result;
    if (!r) return nothing;
    const band = r.band ? BAND_WORDS[r.band] : undefined;
    return html`<div class="box">
      <p class="band" role="status">
        ${band ? html`Band: <strong>${band.label}</strong> (${r.reasons.join('; ')}): ${band.action}` : 'Enter counts to see the band.'}
      </p>
      ${r.overriddenByRedFlags ? html`<p class="override">Red flags override the band: assess the red flags above first, whatever the frequency.</p>` : nothing}
      <dl>
        <dt>Monthly mean</dt>
        <dd>${r.monthlyMean === null ? 'not entered' : `${num(r.monthlyMean)} a month`}</dd>
        <dt>Last 4 weeks</dt>
        <dd>${this.fourWeeks(r)}</dd>
      </dl>
      ${r.seasonCaveat ? html`<p class="caveat">${r.seasonCaveat}</p>` : nothing}
      <p class="muted">${HEURISTIC_NOTE} Frequent means once a week or more (4.33 a month).</p>
    </div>`;
  }

  private fourWeeks(r: FrequencyResult): string {
    const c = r.fourWeekCount;
    if (!c) return 'not entered';
    if (!c.estimated) return `${num(c.value)} episodes`;
    return `${c.value === 0 ? '0' : `about ${num(c.value)}`} episodes (estimated${c.fromMonth ? ` from ${monthLabel(c.fromMonth)}` : ' from the weeks entered'})`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lc-frequency-result': LcFrequencyResult;
  }
}
