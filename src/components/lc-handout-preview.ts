/**
 * The clinician's last step before printing the patient handout: choose the language (the
 * patient's preferred one first), the paper, the length (the full handout, or one page: the urgent
 * box, the plan and each finding in one line), and which optional sections to leave out; see the
 * handout as it will print, and where each part of it came from (lc-handout-trace.ts: rule ids,
 * for the care team, never printed); and print it. The urgent-help box and the safety sections
 * cannot be unticked. Printing uses the browser's own print (window.print); the copy that prints
 * lives in a print root under <body> (handout-print-root.ts), so no app chrome is printed.
 *
 * Inputs only: the findings, the clinician's review (its marks feed "Your plan"), the frequency the
 * patient reported, the safety context computed from the record (src/handout/safety-context.ts),
 * the clinic's contact, the patient's name and the visit date. Emits `handout-print` (bubbles,
 * composed) just before opening the print dialog, with what was printed and the rule ids behind
 * each part (for the chart note).
 */
import { LitElement, css, html, nothing, render as renderInto, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Finding } from '../../rules/engine/types.js';
import type { FrequencyResult } from '../frequency/frequency-band.js';
import { buildHandout, type HandoutReview } from '../handout/build-handout.js';
import type { ClinicContact } from '../handout/clinic.js';
import { defaultLanguage, LANGUAGE_NAMES, LANGUAGES, isLanguage, type Language } from '../handout/language.js';
import type { Handout, HandoutLayout, PartId, SectionId } from '../handout/model.js';
import { safetyContextOf, type SafetyContext } from '../handout/safety-context.js';
import { handoutTrace, type HandoutTraceEntry } from '../handout/trace.js';
import type { ReviewState } from '../review/review-state.js';
import { HandoutPrintRoot, MARGIN_MM, PAPER_MM, PAPER_SIZES, printableArea, type PaperSize } from './handout-print-root.js';
import { shared } from './styles.js';
import './lc-handout.js';
import './lc-handout-trace.js';

export interface HandoutPrintDetail {
  readonly language: Language;
  readonly paper: PaperSize;
  readonly layout: HandoutLayout;
  readonly sections: readonly PartId[];
  /** Each printed part with its rule ids, and each red flag's action in the urgent box. */
  readonly trace: readonly HandoutTraceEntry[];
}

const LAYOUT_NAMES: Record<HandoutLayout, string> = {
  full: 'Full handout',
  'one-page': 'One page: urgent box, plan, one line per finding (no general advice)',
};

/** The review as the handout reads it: relevance (a "not relevant" cause is left out) and discussed. */
function handoutReview(review: ReviewState): HandoutReview {
  return Object.fromEntries(Object.entries(review).map(([ruleId, e]) => [ruleId, { status: e.relevance, discussed: e.discussed }]));
}



const PAPER_NAMES: Record<PaperSize, string> = { letter: 'Letter (8.5 × 11 in)', a4: 'A4 (210 × 297 mm)' };

@customElement('lc-handout-preview')
export class LcHandoutPreview extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      .layout { display: grid; gap: var(--_space); }
      @media (min-width: 64rem) { .layout { grid-template-columns: minmax(16rem, 22rem) 1fr; align-items: start; } }
      .controls { display: grid; gap: var(--_space); background: var(--_surface); border-radius: var(--_radius); padding: var(--_space); }
      h2 { font-size: 1.25rem; }
      fieldset { border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.5rem 0.75rem 0.75rem; display: grid; gap: 0.25rem; }
      legend { font-weight: 700; padding: 0 0.25rem; }
      label { display: flex; gap: 0.5rem; align-items: center; min-height: 2.75rem; }
      input { width: 1.25rem; height: 1.25rem; flex: none; }
      select { font: inherit; min-height: 2.75rem; padding: 0.25rem 0.5rem; border: 2px solid var(--_border); border-radius: var(--_radius); background: var(--_bg); color: var(--_text); }
      .always { font-size: 0.9rem; }
      .print { background: var(--_highlight); color: #fff; border-color: var(--_highlight); font-weight: 700; }
      .paper { background: #fff; border: 1px solid var(--_border); border-radius: var(--_radius); padding: clamp(0.75rem, 3vw, 2rem); box-shadow: 0 1px 4px rgb(0 0 0 / 0.15); overflow-x: auto; }
      /* An unseen copy laid out at the printable width of the sheet, to estimate the page count. */
      .measure { position: absolute; left: -10000px; top: 0; visibility: hidden; }
      .measure.letter { width: ${unsafeCSS(PAPER_MM.letter.width - 2 * MARGIN_MM.horizontal)}mm; }
      .measure.a4 { width: ${unsafeCSS(PAPER_MM.a4.width - 2 * MARGIN_MM.horizontal)}mm; }
      .pages { font-weight: 600; }
      .too-long { color: var(--_error); font-weight: 700; }
      @media print { :host { display: none; } }
    `,
  ];

  @property({ attribute: false }) findings: readonly Finding[] = [];
  /** The clinician's marks: a cause marked "not relevant" is left out; relevant and discussed ones make the plan. */
  @property({ attribute: false }) review: ReviewState = {};
  /** The frequency calculator's result: "You told us: about 1.5 cramps a month". */
  @property({ attribute: false }) frequency?: FrequencyResult;
  /** The clinic's name and telephone (runtime configuration, else the EHR's Organization); absent: lines to write on. */
  @property({ attribute: false }) clinic?: ClinicContact;
  /** Safety facts from the record; without one, every fact counts as unknown (the cautious wording). */
  @property({ attribute: false }) context?: SafetyContext;
  @property({ attribute: 'patient-name' }) patientName = '';
  /** The visit day, `YYYY-MM-DD`. */
  @property() date = '';
  /** BCP-47 tag from Patient.communication; sets the first language shown. */
  @property({ attribute: 'preferred-language' }) preferredLanguage?: string;

  @state() private language?: Language;
  @state() private paper: PaperSize = 'letter';
  @state() private layout: HandoutLayout = 'full';
  @state() private leaveOut = new Set<SectionId>();
  /** Estimated printed pages, from the unseen copy at paper width. */
  @state() private pages = 0;

  private readonly printRoot = new HandoutPrintRoot();
  /** Every section this handout can have (for the checkboxes), and the handout as it will print. */
  private all?: Handout;
  private handout?: Handout;

  override connectedCallback(): void {
    super.connectedCallback();
    this.printRoot.attach();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.printRoot.detach();
  }

  /** The language in use: the clinician's choice, else the patient's preference, else English. */
  get currentLanguage(): Language {
    return this.language ?? defaultLanguage(this.preferredLanguage);
  }

  private build(leaveOut: Iterable<string> = [], layout: HandoutLayout = this.layout): Handout {
    return buildHandout({
      findings: this.findings,
      review: handoutReview(this.review),
      language: this.currentLanguage,
      patientName: this.patientName,
      date: this.date,
      context: this.context ?? safetyContextOf('unknown'),
      leaveOut,
      layout,
      ...(this.clinic ? { clinic: this.clinic } : {}),
      ...(this.frequency ? { crampsPerMonth: this.frequency.monthlyMean } : {}),
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The checkboxes list the full handout's sections; in one page only the findings can be left out.
    this.all = this.build([], 'full');
    this.handout = this.build(this.leaveOut);
  }

  /** The sections the clinician can tick: every one for the full handout, the findings for one page. */
  private choosable(all: Handout) {
    return this.layout === 'full' ? all.sections.filter((s) => s.role !== 'plan') : all.sections.filter((s) => s.role === 'cause' || s.role === 'route');
  }

  override render() {
    const all = this.all ?? this.build([], 'full');
    const handout = this.handout ?? this.build(this.leaveOut);
    const limit = this.layout === 'one-page' ? 1 : 2;
    return html`
      <div class="layout">
        <section class="controls" aria-labelledby="controls-title">
          <h2 id="controls-title">Patient handout</h2>
          <label>
            <span>Language</span>
            <select @change=${this.onLanguage} aria-describedby="lang-note">
              ${LANGUAGES.map((l) => html`<option value=${l} lang=${l} ?selected=${l === this.currentLanguage}>${LANGUAGE_NAMES[l]}</option>`)}
            </select>
          </label>
          ${this.preferredLanguage ? html`<p id="lang-note" class="muted">Patient’s preferred language on record: <bdi>${this.preferredLanguage}</bdi></p>` : html`<p id="lang-note" class="muted">No preferred language on record.</p>`}
          <fieldset>
            <legend>Paper</legend>
            ${PAPER_SIZES.map((p) => html`<label><input type="radio" name="paper" value=${p} .checked=${p === this.paper} @change=${() => this.onPaper(p)} />${PAPER_NAMES[p]}</label>`)}
          </fieldset>
          <fieldset>
            <legend>Length</legend>
            ${(['full', 'one-page'] as const).map((l) => html`<label><input type="radio" name="layout" value=${l} .checked=${l === this.layout} @change=${() => this.onLayout(l)} />${LAYOUT_NAMES[l]}</label>`)}
          </fieldset>
          <fieldset>
            <legend>Sections to print</legend>
            ${this.choosable(all).map(
              (s) => html`<label>
                <input type="checkbox" data-section-id=${s.id} .checked=${!this.leaveOut.has(s.id as SectionId)} ?disabled=${!s.optional} @change=${(e: Event) => this.onSection(s.id as SectionId, (e.target as HTMLInputElement).checked)} />
                <span lang=${handout.language}>${s.heading}${s.optional ? '' : html` <span class="always muted" lang="en">(always printed)</span>`}</span>
              </label>`,
            )}
          </fieldset>
          <p class="pages" role="status">
            ${this.pages ? `About ${this.pages} page${this.pages === 1 ? '' : 's'} on ${this.paper === 'a4' ? 'A4' : 'Letter'}.` : ''}
            ${this.pages > limit
              ? html`<span class="too-long">${this.layout === 'full' ? 'Longer than two pages: leave out a section, or print one page.' : 'Longer than one page: leave out a finding to shorten it.'}</span>`
              : nothing}
          </p>
          <button type="button" class="print" @click=${this.print}>Print handout</button>
          <lc-handout-trace .handout=${handout}></lc-handout-trace>
        </section>
        <div class="paper" role="region" aria-label="Handout preview">
          <lc-handout .handout=${handout}></lc-handout>
        </div>
        <div class="measure ${this.paper}" aria-hidden="true"><lc-handout .handout=${handout}></lc-handout></div>
      </div>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The copy that prints: the same model, rendered into the print root under <body>.
    renderInto(html`<lc-handout .handout=${this.handout}></lc-handout>`, this.printRoot.container);
    void this.estimatePages();
  }

  /**
   * Pages ≈ height at the printable width ÷ printable height, with 2.5% kept back for the space that
   * keeping the urgent box, the diary and each finding whole leaves at the foot of a page. On the
   * 30 sandbox patients, both languages and both papers, it never said fewer pages than Chromium
   * printed, and said one more in a few cases right at the limit; the component tests check it
   * against Chromium's real PDF page count.
   */
  private async estimatePages() {
    const copy = this.renderRoot.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('.measure lc-handout');
    if (!copy) return;
    await copy.updateComplete;
    const height = copy.getBoundingClientRect().height;
    const pages = height ? Math.max(1, Math.ceil(height / (printableArea(this.paper).height * 0.975))) : 0;
    if (pages !== this.pages) this.pages = pages;
  }

  private onLanguage(e: Event) {
    const value = (e.target as HTMLSelectElement).value;
    if (isLanguage(value)) this.language = value;
  }

  private onLayout(l: HandoutLayout) {
    this.layout = l;
  }

  private onPaper(p: PaperSize) {
    this.paper = p;
    this.printRoot.setPaper(p);
  }

  private onSection(id: SectionId, printed: boolean) {
    const next = new Set(this.leaveOut);
    if (printed) next.delete(id);
    else next.add(id);
    this.leaveOut = next;
  }

  private print() {
    const handout = this.handout ?? this.build(this.leaveOut);
    const detail: HandoutPrintDetail = { language: handout.language, paper: this.paper, layout: handout.layout, sections: handout.sections.map((s) => s.id), trace: handoutTrace(handout) };
    this.dispatchEvent(new CustomEvent<HandoutPrintDetail>('handout-print', { detail, bubbles: true, composed: true }));
    window.print();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lc-handout-preview': LcHandoutPreview;
  }
  interface HTMLElementEventMap {
    'handout-print': CustomEvent<HandoutPrintDetail>;
  }
}
