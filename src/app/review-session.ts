/**
 * One visit's review, held in memory: the record fetched at launch, the clinician's checklist
 * answers and review marks, and the findings, recomputed when the checklist changes. The answers
 * become a FHIR QuestionnaireResponse for the app's own Questionnaire and go through the same
 * mapper and engine as everything else, so red flags update as the clinician ticks.
 *
 * Nothing here is written to storage, logged, or put in the page title.
 */
import { ALL_RULES } from '../../rules/index.js';
import type { ChecklistAnswer } from '../../rules/engine/record.js';
import type { RuleDefinition } from '../../rules/engine/types.js';
import { buildReport, type EvaluationReport } from '../evaluation/evaluate-bundle.js';
import { checklistResponse } from '../fhir/checklist-questionnaire.js';
import type { FetchedRecord } from '../fhir/live/fetch-record.js';
import { mapChecklist } from '../fhir/map-checklist.js';
import { MappingReport } from '../fhir/mapping-report.js';
import type { FrequencyChangeDetail } from '../components/lc-frequency-calculator.js';
import { retryableQueryNames } from '../review/retryable-queries.js';
import { isEmptyEntry, normaliseEntry, type ReviewChangeDetail, type ReviewState } from '../review/review-state.js';
import { computeSafetyContext, type SafetyContext } from '../handout/safety-context.js';

export type ChecklistAnswers = Readonly<Record<string, ChecklistAnswer>>;

export class ReviewSession {
  private answers: ChecklistAnswers = {};
  private reviews: ReviewState = {};
  private frequencyEntry?: FrequencyChangeDetail;
  /** The id of this visit's checklist in the record, once saved or read back (adoptSavedChecklist). */
  private savedChecklistId?: string;
  private current: EvaluationReport;
  private safety?: SafetyContext;
  private record: FetchedRecord;

  constructor(
    fetched: FetchedRecord,
    readonly asOf: string,
    private readonly rules: readonly RuleDefinition[] = ALL_RULES,
  ) {
    this.record = fetched;
    this.current = this.evaluate();
  }

  /** The record as read at launch, or as a Retry last rebuilt it. */
  get fetched(): FetchedRecord {
    return this.record;
  }

  /** The queries a Retry would send again (failed, or refused after a request). */
  get retryableQueries(): string[] {
    return retryableQueryNames(this.record.queries);
  }

  /**
   * Re-run the failed queries with `refetch` (the live data layer's refetchQueries, bound to the
   * session) and re-evaluate with everything the clinician entered kept. Rejects as `refetch` does
   * (another patient's record), leaving the session as it was.
   */
  async retry(refetch: (earlier: FetchedRecord, names: readonly string[]) => Promise<FetchedRecord>): Promise<EvaluationReport> {
    const names = this.retryableQueries;
    if (!names.length) return this.current;
    this.record = await refetch(this.record, names);
    this.safety = undefined;
    this.current = this.evaluate();
    return this.current;
  }

  get report(): EvaluationReport {
    return this.current;
  }

  /** What the handout's safety suppressions need (kidney disease, fluid limits, pregnancy, ...). */
  get safetyContext(): SafetyContext {
    this.safety ??= computeSafetyContext(this.fetched.record, this.asOf, this.current.findings);
    return this.safety;
  }

  get checklist(): ChecklistAnswers {
    return this.answers;
  }

  get review(): ReviewState {
    return this.reviews;
  }

  setChecklist(answers: ChecklistAnswers): EvaluationReport {
    this.answers = { ...answers };
    this.current = this.evaluate();
    this.safety = undefined;
    return this.current;
  }

  /** The frequency calculator's last result (with what was entered), once the clinician used it. */
  get frequency(): FrequencyChangeDetail | undefined {
    return this.frequencyEntry;
  }

  setReview(change: ReviewChangeDetail): ReviewState {
    const { ruleId, ...entry } = change;
    const next = { ...this.reviews };
    const kept = normaliseEntry(entry);
    if (isEmptyEntry(kept)) delete next[ruleId];
    else next[ruleId] = kept;
    this.reviews = next;
    return this.reviews;
  }

  setFrequency(change: FrequencyChangeDetail): void {
    this.frequencyEntry = change;
  }

  /**
   * The checklist this visit saved to the record, or read back from it after a relaunch: from now
   * on the answers held here stand for it, so the engine does not also read the stored copy (which
   * would bring back an answer the clinician has since cleared). With `answers`, they are restored.
   */
  adoptSavedChecklist(responseId: string, answers?: ChecklistAnswers): EvaluationReport {
    this.savedChecklistId = responseId;
    if (answers) this.answers = { ...answers };
    this.current = this.evaluate();
    this.safety = undefined;
    return this.current;
  }

  private evaluate(): EvaluationReport {
    const { report } = this.fetched;
    const saved = this.savedChecklistId;
    const record = saved ? { ...this.fetched.record, checklists: this.fetched.record.checklists.filter((c) => c.source.id !== saved) } : this.fetched.record;
    if (!Object.keys(this.answers).length || !record.patient) return buildReport(record, report, this.asOf, this.rules);
    const qr = checklistResponse(this.answers, record.patient.source.id, this.asOf);
    const checklist = mapChecklist(qr as unknown as Record<string, unknown>, new MappingReport());
    const withChecklist = checklist ? { ...record, checklists: [checklist, ...record.checklists] } : record;
    return buildReport(withChecklist, report, this.asOf, this.rules);
  }
}
