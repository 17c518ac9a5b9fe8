/**
 * The frequency calculator (knowledge base section 7): cramp episodes per calendar month for up to
 * the last 6 months, or per week for the last 4 weeks; plus nights woken and the features that ask
 * for a prompt review. A blank box is "not known", not zero. Emits `frequency-change` with the
 * result on every change; the result is shown by lc-frequency-result.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { frequencyBand, MAX_WEEKS, monthsBefore, type FrequencyCounts, type FrequencyFeatures, type FrequencyResult, type Hemisphere } from '../frequency/frequency-band.js';
import { monthLabel } from '../frequency/month-label.js';
import { shared } from './styles.js';
import './lc-frequency-result.js';

type Mode = FrequencyCounts['mode'];
type Flag = 'nightly' | 'severalPerNight' | 'longerThan10Minutes' | 'rapidlyRising';
const FLAGS: readonly { key: Flag; label: string }[] = [
  { key: 'nightly', label: 'Every night' },
  { key: 'severalPerNight', label: 'Several in one night' },
  { key: 'longerThan10Minutes', label: 'Episodes longer than 10 minutes' },
  { key: 'rapidlyRising', label: 'Frequency rising quickly' },
];
const WEEK_LABELS = ['Last 7 days', '8 to 14 days ago', '15 to 21 days ago', '22 to 28 days ago'].slice(0, MAX_WEEKS);
const MAX_COUNT = 999;

export interface FrequencyChangeDetail {
  readonly counts: FrequencyCounts;
  readonly features: FrequencyFeatures;
  readonly result: FrequencyResult;
}

/** '' is not entered; anything but a whole number 0–999 is invalid (shown, then ignored). */
function parseCount(raw: string): number | 'blank' | 'invalid' {
  const t = raw.trim();
  if (t === '') return 'blank';
  return /^\d{1,3}$/.test(t) && Number(t) <= MAX_COUNT ? Number(t) : 'invalid';
}

@customElement('lc-frequency-calculator')
export class LcFrequencyCalculator extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      section { display: grid; gap: 0.75rem; }
      h2 { font-size: 1.375rem; }
      fieldset { border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.5rem 0.75rem 0.75rem; }
      legend { font-weight: 600; padding: 0 0.25rem; }
      .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); gap: 0.5rem 0.75rem; }
      .field { display: grid; gap: 0.15rem; }
      .inline { display: flex; align-items: center; gap: 0.5rem; min-height: 2.75rem; }
      input[type='text'] { font: inherit; width: 100%; min-height: 2.75rem; padding: 0.3rem 0.5rem; border: 2px solid var(--_border); border-radius: var(--_radius); }
      input[aria-invalid='true'] { border-color: var(--_error); }
      input[type='radio'], input[type='checkbox'] { width: 1.25rem; height: 1.25rem; margin: 0; accent-color: var(--_highlight); }
      .error { color: var(--_error); font-size: 0.9rem; }
      @media print { fieldset { display: none; } }
    `,
  ];

  /** The evaluation date (YYYY-MM-DD): the months offered are the 6 before its month. */
  @property({ attribute: 'as-of' }) asOf = '';
  @property({ type: Boolean, attribute: 'red-flags-present' }) redFlagsPresent = false;
  @property() hemisphere: Hemisphere = 'north';

  @state() private mode: Mode = 'monthly';
  @state() private raw: Record<string, string> = {};
  @state() private flags: Partial<Record<Flag, boolean>> = {};
  @state() private result?: FrequencyResult;

  private months(): string[] {
    return /^\d{4}-\d{2}/.test(this.asOf) ? monthsBefore(this.asOf) : [];
  }

  private fieldKeys(): string[] {
    return this.mode === 'monthly' ? this.months() : WEEK_LABELS.map((_, i) => `week-${i}`);
  }

  private counts(): FrequencyCounts {
    const value = (k: string) => parseCount(this.raw[k] ?? '');
    if (this.mode === 'weekly') return { mode: 'weekly', weeks: this.fieldKeys().map(value).filter((v): v is number => typeof v === 'number') };
    return { mode: 'monthly', months: this.months().flatMap((month) => { const v = value(month); return typeof v === 'number' ? [{ month, episodes: v }] : []; }) };
  }

  private features(): FrequencyFeatures {
    const nights = parseCount(this.raw['sleep'] ?? '');
    return { ...this.flags, ...(typeof nights === 'number' ? { sleepDisruptedNightsPerWeek: nights } : {}) };
  }

  /** Cheap and pure: recomputed on every update rather than tracking which input changed. */
  protected override willUpdate(): void {
    this.result = frequencyBand({ counts: this.counts(), features: this.features(), redFlagsPresent: this.redFlagsPresent, hemisphere: this.hemisphere });
  }

  override render() {
    return html`<section aria-labelledby="heading">
      <h2 id="heading">Cramp frequency</h2>
      <fieldset>
        <legend>Count by</legend>
        <div class="inline">
          ${(['monthly', 'weekly'] as const).map((m) => html`<label class="inline"><input type="radio" name="mode" .checked=${this.mode === m} @change=${() => { this.mode = m; this.emit(); }} />${m === 'monthly' ? 'Month (last 6)' : 'Week (last 4)'}</label>`)}
        </div>
      </fieldset>
      <fieldset>
        <legend>Episodes ${this.mode === 'monthly' ? 'in each month' : 'in each week'} (blank if not known, 0 if none)</legend>
        <div class="grid">${this.fieldKeys().map((k, i) => this.countField(k, this.mode === 'monthly' ? monthLabel(k) : (WEEK_LABELS[i] ?? k)))}</div>
      </fieldset>
      <fieldset>
        <legend>Sleep and pattern</legend>
        ${this.countField('sleep', 'Nights a week woken by cramps')}
        ${FLAGS.map((f) => html`<label class="inline"><input type="checkbox" .checked=${this.flags[f.key] === true} @change=${(e: Event) => this.setFlag(f.key, (e.target as HTMLInputElement).checked)} />${f.label}</label>`)}
      </fieldset>
      <lc-frequency-result .result=${this.result}></lc-frequency-result>
    </section>`;
  }

  private countField(key: string, label: string) {
    const invalid = parseCount(this.raw[key] ?? '') === 'invalid';
    return html`<div class="field">
      <label for="f-${key}">${label}</label>
      <input id="f-${key}" type="text" inputmode="numeric" autocomplete="off" .value=${this.raw[key] ?? ''} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby="e-${key}" @input=${(e: Event) => this.setRaw(key, (e.target as HTMLInputElement).value)} />
      <span id="e-${key}" class="error">${invalid ? 'Enter a whole number from 0 to 999.' : ''}</span>
    </div>`;
  }

  private setRaw(key: string, value: string) {
    this.raw = { ...this.raw, [key]: value };
    this.emit();
  }

  private setFlag(key: Flag, on: boolean) {
    this.flags = { ...this.flags, [key]: on };
    this.emit();
  }

  /** Emitted after the update, so the detail carries the result the clinician sees. */
  private async emit() {
    await this.updateComplete;
    if (!this.result) return;
    const detail: FrequencyChangeDetail = { counts: this.counts(), features: this.features(), result: this.result };
    this.dispatchEvent(new CustomEvent<FrequencyChangeDetail>('frequency-change', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lc-frequency-calculator': LcFrequencyCalculator;
  }
  interface HTMLElementEventMap {
    'frequency-change': CustomEvent<FrequencyChangeDetail>;
  }
}
