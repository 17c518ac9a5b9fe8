/**
 * Who the screen is about, shown only when the EHR asks for it (`need_patient_banner` in the
 * token response; SMART App Launch 2.x): an EHR that shows its own banner around the app does not
 * want a second one. The values are shown as given, as text; nothing here ever reaches the page
 * title, storage or logs.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { shared } from './styles.js';

@customElement('lc-patient-banner')
export class LcPatientBanner extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      section { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.25rem 1.25rem; padding: 0.5rem var(--_space); border-bottom: 3px solid var(--_highlight); background: var(--_surface); }
      .name { font-size: 1.25rem; font-weight: 700; }
      dl { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
      div { display: flex; gap: 0.35rem; }
      dt { color: var(--_muted); }
      dd { font-weight: 600; }
    `,
  ];

  @property() name = '';
  @property() gender = '';
  /** Full or partial (`1951`, `1951-04`, `1951-04-04`), as recorded. */
  @property({ attribute: 'birth-date' }) birthDate = '';
  /** Age on the review day, or at death for a deceased patient. */
  @property({ type: Number, attribute: 'age-years' }) ageYears?: number;
  @property({ type: Boolean }) deceased = false;
  @property({ attribute: 'deceased-date' }) deceasedDate = '';

  override render() {
    const age = typeof this.ageYears === 'number' && Number.isFinite(this.ageYears) ? `${this.ageYears} years` : '';
    return html`<section aria-label="Patient">
      <p class="name">${this.name ? html`<bdi>${this.name}</bdi>` : 'Name not provided'}</p>
      <dl>
        <div><dt>Gender</dt><dd><bdi>${this.gender || 'not recorded'}</bdi></dd></div>
        <div><dt>Born</dt><dd><bdi>${this.birthDate || 'not recorded'}</bdi></dd></div>
        ${age ? html`<div><dt>${this.deceased ? 'Age at death' : 'Age'}</dt><dd>${age}</dd></div>` : nothing}
        ${this.deceased ? html`<div><dt>Died</dt><dd><bdi>${this.deceasedDate || 'date not recorded'}</bdi></dd></div>` : nothing}
      </dl>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lc-patient-banner': LcPatientBanner;
  }
}
