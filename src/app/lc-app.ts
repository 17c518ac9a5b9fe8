/**
 * The app: completes the launch, holds the visit's review in memory, and renders the review
 * screen, or a plain message when there is nothing to review (launch refused, session expired,
 * the server unreachable). Never a blank page; the title never names the patient.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import '../components/index.js';
import '../components/lc-handout-preview.js';
import '../components/lc-chart-note.js';
import type { NoteCopyDetail } from '../components/lc-chart-note.js';
import type { HandoutPrintDetail } from '../components/lc-handout-preview.js';
import type { ClinicContact } from '../handout/clinic.js';
import { savedVisitIn } from '../fhir/write-back/saved-visit.js';
import type { ChecklistChangeDetail } from '../components/lc-checklist.js';
import type { FrequencyChangeDetail } from '../components/lc-frequency-calculator.js';
import type { EhrStyle } from '../fhir/smart-configuration.js';
import type { ReviewChangeDetail } from '../review/review-state.js';
import type { RetryState } from '../components/lc-visit-summary.js';
import { launchReview, type LaunchedReview } from './launch-flow.js';
import { problemFor } from './launch-problem.js';
import { ReviewSession } from './review-session.js';
import { guardUnsavedWork } from './unsaved-work-guard.js';
import { VisitRecord } from './visit-record.js';

type Phase = { kind: 'loading' } | { kind: 'problem'; title: string; message: string; link?: { readonly href: string; readonly text: string } } | { kind: 'ready' };

const STYLE_PROPERTIES: Readonly<Record<keyof EhrStyle, string>> = {
  colorHighlight: '--lc-color-highlight',
  colorBackground: '--lc-color-background',
  colorText: '--lc-color-text',
  colorBorder: '--lc-color-border',
  colorError: '--lc-color-error',
  colorSuccess: '--lc-color-success',
};

@customElement('lc-app')
export class LcApp extends LitElement {
  static override styles = css`
    :host { display: block; min-height: 100vh; font: 1.0625rem/1.5 system-ui, sans-serif; color: #1b1b1b; }
    .message { max-width: 40rem; margin: 2rem auto; padding: 1rem 1.25rem; }
    .message.problem { border-left: 0.35rem solid #a4161a; background: #fdeeee; }
    .message h1 { font-size: 1.25rem; margin: 0 0 0.5rem; }
    .expired { margin: 0; padding: 0.75rem 1rem; background: #fdeeee; border-bottom: 2px solid #a4161a; }
    .handout { max-width: 90rem; margin: 0 auto; padding: 1rem; border-top: 1px solid #c8ccd0; }
    .handout h2 { font-size: 1.35rem; margin: 0 0 0.75rem; }
    .note { max-width: 90rem; margin: 0 auto; padding: 1rem; border-top: 1px solid #c8ccd0; }
  `;

  @state() private phase: Phase = { kind: 'loading' };
  @state() private session?: ReviewSession;
  @state() private showBanner = true;
  @state() private partlyExpired = false;
  @state() private retry: RetryState = { available: false, running: false, message: '' };
  private refetch?: LaunchedReview['refetch'];

  /** The chart note, saving and copying (visit-record.ts). */
  @state() private visit?: VisitRecord;
  /** The clinic printed on the handout (configuration, else the EHR's Organization); undefined: a line to write on. */
  @state() private clinic?: ClinicContact;
  private releaseGuard?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    // Leaving with review work neither saved nor copied asks first (a reload loses the review).
    this.releaseGuard = guardUnsavedWork(() => Boolean(this.session && this.visit?.hasUnsavedWork(this.session)));
    void this.start();
  }

  override disconnectedCallback(): void {
    this.releaseGuard?.();
    super.disconnectedCallback();
  }

  private async start(): Promise<void> {
    try {
      const launched = await launchReview();
      if (launched.sessionExpired) {
        this.phase = { kind: 'problem', title: 'Session expired', message: 'Session expired: relaunch the app from the EHR.' };
        return;
      }
      this.applyStyle(launched.style);
      this.showBanner = launched.showBanner;
      this.partlyExpired = launched.partlyExpired;
      this.session = new ReviewSession(launched.fetched, launched.asOf);
      // A relaunch the same day: the checklist this visit saved comes back, and saving updates it.
      const saved = savedVisitIn(launched.fetched, { ...launched.writeBack.context, asOf: launched.asOf });
      if (saved) this.session.adoptSavedChecklist(saved.questionnaireResponseId, saved.answers);
      this.visit = new VisitRecord(launched.writeBack, saved);
      this.visit.keepRestored(this.session);
      this.refetch = launched.refetch;
      void launched.clinic.then((clinic) => {
        this.clinic = clinic;
      });
      this.retry = { available: this.session.retryableQueries.length > 0, running: false, message: '' };
      this.phase = { kind: 'ready' };
      await this.updateComplete;
      performance.mark('lc:findings-on-screen');
      await this.summaryRendered();
      performance.mark('lc:summary-on-screen');
    } catch (err) {
      this.phase = problemFor(err);
    }
  }

  /** The summary is drawn by nested elements, each in its own update after this one. */
  private async summaryRendered(): Promise<void> {
    const screen = this.renderRoot.querySelector('lc-review-screen');
    await screen?.updateComplete;
    await screen?.renderRoot.querySelector('lc-visit-summary')?.updateComplete;
  }

  /** Retry: only the queries that failed are sent again; everything the clinician entered is kept. */
  private async onRetry(): Promise<void> {
    const s = this.session;
    if (!s || !this.refetch || this.retry.running) return;
    const before = s.retryableQueries.length;
    this.retry = { available: true, running: true, message: 'Reading the sources that failed again…' };
    try {
      await s.retry(this.refetch);
    } catch (err) {
      // Another patient's record, or the data layer failing: nothing of either record is shown.
      this.phase = problemFor(err);
      return;
    }
    const still = s.retryableQueries.length;
    const message = still === 0 ? `Read again: ${before === 1 ? 'the source' : `all ${before} sources`} that had failed could be read this time.` : `Tried again: ${still} of ${before} still could not be read.`;
    this.retry = { available: still > 0, running: false, message };
  }

  private applyStyle(style: EhrStyle): void {
    for (const [key, property] of Object.entries(STYLE_PROPERTIES) as [keyof EhrStyle, string][]) {
      const value = style[key];
      if (value) this.style.setProperty(property, value);
    }
  }

  private onChecklist(e: CustomEvent<ChecklistChangeDetail>): void {
    if (!this.session) return;
    this.session.setChecklist(e.detail.answers);
    this.requestUpdate();
  }

  private onReview(e: CustomEvent<ReviewChangeDetail>): void {
    if (!this.session) return;
    this.session.setReview(e.detail);
    this.requestUpdate();
  }

  private onFrequency(e: CustomEvent<FrequencyChangeDetail>): void {
    if (!this.session) return;
    this.session.setFrequency(e.detail);
    this.requestUpdate();
  }

  override render() {
    if (this.phase.kind === 'loading') return html`<p class="message" role="status">Reading the record…</p>`;
    if (this.phase.kind === 'problem') {
      const link = this.phase.link;
      return html`<section class="message problem" role="alert"><h1>${this.phase.title}</h1><p>${this.phase.message}</p>${link ? html`<p><a href=${link.href}>${link.text}</a></p>` : nothing}</section>`;
    }
    const s = this.session!;
    return html`
      ${this.partlyExpired ? html`<p class="expired" role="alert">Session expired while reading the record: some data could not be read (listed below). Relaunch the app from the EHR.</p>` : nothing}
      <lc-review-screen
        .report=${s.report}
        .reviews=${s.review}
        .checklistAnswers=${s.checklist}
        .frequency=${s.frequency?.result}
        .retry=${this.retry}
        ?need-patient-banner=${this.showBanner}
        .patientBanner=${s.fetched.patient ? { name: s.fetched.patient.name, ...(s.fetched.patient.birthDate ? { birthDate: s.fetched.patient.birthDate } : {}) } : undefined}
        @checklist-change=${this.onChecklist}
        @review-change=${this.onReview}
        @frequency-change=${this.onFrequency}
        @retry-sources=${this.onRetry}
      ></lc-review-screen>
      ${this.chartNote(s)}
      ${s.report.patient.deceased ? nothing : this.handout(s)}
    `;
  }

  private chartNote(s: ReviewSession) {
    if (!this.visit) return nothing;
    return html`<div class="note" @note-copy=${(e: CustomEvent<NoteCopyDetail>) => this.visit?.copied(e.detail.text)} @note-save=${() => void this.saveNote()}>
      <lc-chart-note .text=${this.visit.note(s).text} .save=${this.visit.saveView(s)}></lc-chart-note>
    </div>`;
  }

  private async saveNote(): Promise<void> {
    const { session, visit } = this;
    if (!session || !visit) return;
    const saving = visit.save(session);
    this.requestUpdate();
    const responseId = await saving;
    if (responseId) session.adoptSavedChecklist(responseId);
    this.requestUpdate();
  }

  private onHandoutPrint(e: CustomEvent<HandoutPrintDetail>): void {
    this.visit?.handoutPrinted(e.detail.language, e.detail.trace);
    this.requestUpdate();
  }

  /** The handout preview; never offered for a deceased patient (rule catalogue, second round). */
  private handout(s: ReviewSession) {
    return html`
      <section class="handout" aria-labelledby="handout-heading">
        <h2 id="handout-heading">Patient handout</h2>
        <lc-handout-preview
          .findings=${s.report.findings}
          .review=${s.review}
          .context=${s.safetyContext}
          .frequency=${s.frequency?.result}
          .clinic=${this.clinic}
          patient-name=${s.fetched.patient?.name ?? ''}
          date=${s.asOf}
          preferred-language=${s.fetched.record.patient?.preferredLanguage ?? ''}
          @handout-print=${this.onHandoutPrint}
        ></lc-handout-preview>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lc-app': LcApp;
  }
}
