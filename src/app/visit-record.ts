/**
 * What the visit leaves behind, for the app to show and keep: the chart note built from the review
 * as it stands (src/note/), whether it was saved to the record (src/fhir/write-back/) or copied,
 * which handout languages were printed, and whether leaving now would lose review work.
 *
 * "Unsaved work" is work the clinician did (an answer, a mark, a frequency, a printed handout) whose
 * note has not left the screen: neither saved nor copied as it now reads. After a relaunch that
 * restored saved answers, the note as first shown counts as kept until something changes.
 *
 * In memory only, like the review: nothing here is stored, logged or put in the page title.
 */
import { buildChartNote, type ChartNote } from '../note/chart-note.js';
import type { SaveView } from '../components/lc-save-to-record.js';
import type { SavedIds } from '../fhir/write-back/save-visit.js';
import type { SavedVisit } from '../fhir/write-back/saved-visit.js';
import type { WriteBack } from '../fhir/write-back/write-back.js';
import type { Language } from '../handout/language.js';
import type { ReviewSession } from './review-session.js';

/** A FHIR instant in local time with its offset ("2026-11-21T10:31:05+01:00"): when the note was saved. */
export function localInstant(d: Date): string {
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

const clockTime = (d: Date): string => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

export class VisitRecord {
  private ids: SavedIds;
  private printed: Language[] = [];
  /** The last printed handout's parts and their rules, for the note's traceability line. */
  private printedTrace: readonly { readonly heading: string; readonly ruleIds: readonly string[] }[] = [];
  /** Note texts that have left the screen (saved, copied, or restored as saved). */
  private kept = new Set<string>();
  private lastSave?: { readonly text: string; readonly at: string };
  private saving = false;
  private failure?: string;
  private restored: boolean;

  constructor(
    readonly writeBack: WriteBack,
    saved?: SavedVisit,
  ) {
    this.ids = saved ? { questionnaireResponseId: saved.questionnaireResponseId, ...(saved.documentReferenceId ? { documentReferenceId: saved.documentReferenceId } : {}) } : {};
    this.restored = saved !== undefined;
  }

  /** The note as the review now stands. */
  note(session: ReviewSession): ChartNote {
    return buildChartNote({
      report: session.report,
      review: session.review,
      checklist: session.checklist,
      ...(session.frequency ? { frequency: session.frequency.result } : {}),
      handout: { printedIn: this.printed, ...(this.printedTrace.length ? { sections: this.printedTrace } : {}) },
    });
  }

  /** After a relaunch that restored saved answers: the note as first shown is what the record holds. */
  keepRestored(session: ReviewSession): void {
    if (this.restored) this.kept.add(this.note(session).text);
  }

  handoutPrinted(language: Language, trace: readonly { readonly heading: string; readonly ruleIds: readonly string[] }[] = []): void {
    if (!this.printed.includes(language)) this.printed = [...this.printed, language];
    this.printedTrace = trace;
  }

  copied(text: string): void {
    this.kept.add(text);
  }

  /** The save control's state; undefined when the app does not write to the record. */
  saveView(session: ReviewSession): SaveView | undefined {
    const w = this.writeBack;
    if (w.state === 'off') return undefined;
    if (w.state === 'not-granted') return { state: 'not-granted', missing: w.missing };
    if (this.saving) return { state: 'saving' };
    if (this.failure) return { state: 'failed', reason: this.failure };
    if (this.lastSave) return { state: 'saved', at: this.lastSave.at, current: this.lastSave.text === this.note(session).text };
    return { state: 'ready', ...(this.restored ? { restored: true } : {}) };
  }

  /**
   * Save the note and the checklist as they stand. Resolves with the id of the checklist response
   * now in the record (the session's answers replace it from then on), or undefined.
   */
  async save(session: ReviewSession, now = new Date()): Promise<string | undefined> {
    const w = this.writeBack;
    if (w.state !== 'available' || this.saving) return undefined;
    const text = this.note(session).text;
    this.saving = true;
    this.failure = undefined;
    try {
      const outcome = await w.save({ noteText: text, answers: session.checklist, asOf: session.asOf, savedAt: localInstant(now) }, this.ids);
      this.ids = outcome.ids;
      if (outcome.ok) {
        this.lastSave = { text, at: clockTime(now) };
        this.kept.add(text);
      } else {
        this.failure = outcome.reason;
      }
    } catch {
      this.failure = 'The note was not saved: something went wrong while saving. Copy the note into the chart instead.';
    } finally {
      this.saving = false;
    }
    return this.ids.questionnaireResponseId;
  }

  /** True when leaving now would lose review work whose note has not been saved or copied. */
  hasUnsavedWork(session: ReviewSession): boolean {
    const worked =
      Object.keys(session.checklist).length > 0 ||
      Object.keys(session.review).length > 0 ||
      (session.frequency !== undefined && (session.frequency.result.monthlyMean !== null || session.frequency.result.band !== null)) ||
      this.printed.length > 0;
    return worked && !this.kept.has(this.note(session).text);
  }
}
