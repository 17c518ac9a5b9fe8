/**
 * Above everything when the record belongs to a patient who has died (rule catalogue, second
 * round: "Deceased patients"). Real EHRs hold test patients and patients who died long ago; the
 * findings still show, for a chart review, but nobody should read them as about a living patient,
 * and the app offers no patient handout.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { shared } from './styles.js';

@customElement('lc-deceased-banner')
export class LcDeceasedBanner extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      section { margin: 0; padding: 0.75rem var(--_space); background: #1b1b1b; color: #fff; border-bottom: 4px solid #6b6b6b; }
      h2 { font-size: 1.25rem; margin: 0 0 0.25rem; }
      p { margin: 0; }
    `,
  ];

  /** The day of death, when the record gives one. */
  @property({ attribute: 'deceased-date' }) deceasedDate = '';
  @property({ type: Number, attribute: 'age-at-death' }) ageAtDeath?: number;

  override render() {
    const age = typeof this.ageAtDeath === 'number' && Number.isFinite(this.ageAtDeath) ? this.ageAtDeath : undefined;
    const when = this.deceasedDate ? html` on <bdi>${this.deceasedDate}</bdi>` : nothing;
    return html`<section role="alert" aria-labelledby="deceased-heading">
      <h2 id="deceased-heading">This patient has died${when}</h2>
      <p>
        The record belongs to a deceased patient${age !== undefined ? html` (age at death ${age})` : nothing}. The findings below are
        for a chart review only, and no patient handout is offered.
      </p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lc-deceased-banner': LcDeceasedBanner;
  }
}
