/**
 * The review screen: patient banner (when the EHR asks), then the summary (a region named
 * "Summary": do today, questions to ask, the most likely contributors, the frequency), then the
 * full list: red flags, likely contributors, what could not be checked, what was checked and not
 * found; beside them the checklist (only the questions that apply to this patient, with the red
 * flag an answer raised shown in its item), the frequency calculator and the review summary. It
 * lays out what it is given: the app owns the report, the review state, the checklist answers,
 * the frequency result and the Retry, and listens for the children's `review-change`,
 * `checklist-change`, `frequency-change` and `retry-sources` events, which bubble out of this
 * element. `go-to-checklist` is handled here: it brings the checklist into view.
 *
 * One column from 360 px (an EHR side panel); two columns once the element itself is wide enough
 * (a container query, so it adapts to the iframe or panel it is in, not to the window).
 * The screen is the page's content, so it holds the <main> landmark; the patient banner sits above it.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { SourceStatus } from '../../rules/engine/record.js';
import type { Finding } from '../../rules/engine/types.js';
import type { ChecklistItem } from '../../rules/codes/checklist.js';
import { checklistItemsFor, redFlagsByItem } from '../review/checklist-relevance.js';
import { recordQuestions, type RecordQuestion } from '../review/record-questions.js';
import { visitSummary, type VisitSummary } from '../review/visit-summary.js';
import { sourceProblems, type SourceProblem } from '../review/source-status.js';
import type { FrequencyResult, Hemisphere } from '../frequency/frequency-band.js';
import { groupFindings, type GroupedFindings } from '../review/group-findings.js';
import type { ReviewState } from '../review/review-state.js';
import type { ChecklistAnswers } from './lc-checklist.js';
import { shared } from './styles.js';
import './lc-checked-clear.js';
import './lc-checklist.js';
import './lc-deceased-banner.js';
import './lc-findings-list.js';
import './lc-frequency-calculator.js';
import './lc-not-checked.js';
import './lc-patient-banner.js';
import './lc-red-flag-banner.js';
import './lc-review-summary.js';
import './lc-visit-summary.js';
import type { RetryState } from './lc-visit-summary.js';

/** What the screen needs from an EvaluationReport (src/evaluation/evaluate-bundle.ts). */
export interface ReviewReport {
  readonly asOf: string;
  readonly patient: {
    readonly id: string | null;
    /** Age on the as-of date, or at death. */
    readonly ageYears: number | null;
    readonly gender: string | null;
    readonly deceased?: boolean;
    readonly deceasedDate?: string;
  };
  readonly findings: readonly Finding[];
  /** Which data sources were read in full (absent in component tests that do not need it). */
  readonly dataStatus?: { readonly sources: Readonly<Record<string, SourceStatus>> };
}

/** Banner details the app read from the Patient resource (the report carries no name). */
export interface PatientBannerInfo {
  readonly name?: string;
  readonly birthDate?: string;
}

const EMPTY: GroupedFindings = { redFlags: [], contributors: [], checkedClear: [], notChecked: [], askDuringVisit: [] };

@customElement('lc-review-screen')
export class LcReviewScreen extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; background: var(--_bg); color: var(--_text); container-type: inline-size; }
      .page { display: grid; gap: var(--_space); padding: var(--_space); max-width: 90rem; margin: 0 auto; }
      header h1 { font-size: 1.5rem; margin: 0; line-height: 1.25; }
      .layout { display: grid; gap: calc(var(--_space) * 1.5); grid-template-columns: minmax(0, 1fr); }
      .main, .side { display: grid; gap: calc(var(--_space) * 1.5); align-content: start; min-width: 0; }
      @container (min-width: 60rem) {
        .layout { grid-template-columns: minmax(0, 2fr) minmax(20rem, 1fr); }
      }
      @media (max-width: 24rem) { .page { padding: calc(var(--_space) * 0.5); } }
      @media print {
        :host { background: none; }
        .layout { grid-template-columns: minmax(0, 1fr); }
        .side lc-checklist, .side lc-frequency-calculator { display: none; }
      }
    `,
  ];

  @property({ attribute: false }) report?: ReviewReport;
  @property({ attribute: false }) reviews: ReviewState = {};
  @property({ attribute: false }) checklistAnswers: ChecklistAnswers = {};
  /** True only when the EHR asked for a patient banner (`need_patient_banner`). */
  @property({ type: Boolean, attribute: 'need-patient-banner' }) needPatientBanner = false;
  @property({ attribute: false }) patientBanner?: PatientBannerInfo;
  @property() hemisphere: Hemisphere = 'north';
  /** The frequency calculator's last result, as the app keeps it (for the summary). */
  @property({ attribute: false }) frequency?: FrequencyResult;
  /** Whether a Retry of the failed sources is offered, running, and how the last one went. */
  @property({ attribute: false }) retry: RetryState = { available: false, running: false, message: '' };

  @state() private grouped: GroupedFindings = EMPTY;
  @state() private questions: readonly RecordQuestion[] = [];
  @state() private sources: readonly SourceProblem[] = [];
  @state() private summary?: VisitSummary;
  @state() private checklistItems: readonly ChecklistItem[] = [];
  @state() private raised: ReadonlyMap<string, readonly Finding[]> = new Map();

  constructor() {
    super();
    this.addEventListener('go-to-checklist', () => this.renderRoot.querySelector('lc-checklist')?.showQuestions());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('report')) {
      this.grouped = this.report ? groupFindings(this.report.findings) : EMPTY;
      this.questions = this.report ? recordQuestions(this.report.findings) : [];
      this.sources = this.report?.dataStatus ? sourceProblems(this.report.dataStatus.sources) : [];
      this.summary = this.report ? visitSummary({ findings: this.report.findings, ...(this.report.dataStatus ? { sources: this.report.dataStatus.sources } : {}) }) : undefined;
      this.raised = redFlagsByItem(this.report?.findings ?? []);
    }
    if (changed.has('report') || changed.has('checklistAnswers')) {
      this.checklistItems = this.report ? checklistItemsFor({ ageYears: this.report.patient.ageYears, findings: this.report.findings, answers: this.checklistAnswers }) : [];
    }
  }

  override render() {
    const r = this.report;
    if (!r) return nothing;
    const g = this.grouped;
    const reviewable = [...g.redFlags, ...g.contributors.flatMap((c) => c.findings)];
    return html`
      ${r.patient.deceased ? html`<lc-deceased-banner deceased-date=${r.patient.deceasedDate ?? ''} .ageAtDeath=${r.patient.ageYears ?? undefined}></lc-deceased-banner>` : nothing}
      ${this.needPatientBanner ? this.banner(r) : nothing}
      <main class="page">
        <header>
          <h1>Night leg cramps: what to check</h1>
          <p class="muted">From the record as of <bdi>${r.asOf}</bdi>. Possible contributors, not a diagnosis.</p>
        </header>
        <lc-visit-summary
          .summary=${this.summary}
          .questions=${g.askDuringVisit}
          .frequency=${this.frequency}
          .retry=${this.retry}
          not-excluded=${g.notChecked.filter((i) => i.finding.redFlag).length}
          ?deceased=${r.patient.deceased === true}
        ></lc-visit-summary>
        <div class="layout">
          <div class="main">
            <lc-red-flag-banner .redFlags=${g.redFlags} .reviews=${this.reviews}></lc-red-flag-banner>
            <lc-findings-list .groups=${g.contributors} .reviews=${this.reviews} not-checked-count=${g.notChecked.length}></lc-findings-list>
            <lc-not-checked .items=${g.notChecked} .sources=${this.sources} .questions=${this.questions}></lc-not-checked>
            <lc-checked-clear .findings=${g.checkedClear}></lc-checked-clear>
          </div>
          <div class="side">
            <lc-checklist .answers=${this.checklistAnswers} .items=${this.checklistItems} .raised=${this.raised}></lc-checklist>
            <lc-frequency-calculator as-of=${r.asOf} ?red-flags-present=${g.redFlags.length > 0} hemisphere=${this.hemisphere}></lc-frequency-calculator>
            <lc-review-summary .findings=${reviewable} .reviews=${this.reviews}></lc-review-summary>
          </div>
        </div>
      </main>
    `;
  }

  private banner(r: ReviewReport) {
    const p = this.patientBanner;
    return html`<lc-patient-banner
      name=${p?.name ?? ''}
      gender=${r.patient.gender ?? ''}
      birth-date=${p?.birthDate ?? ''}
      .ageYears=${r.patient.ageYears ?? undefined}
      ?deceased=${r.patient.deceased === true}
      deceased-date=${r.patient.deceasedDate ?? ''}
    ></lc-patient-banner>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lc-review-screen': LcReviewScreen;
  }
}
