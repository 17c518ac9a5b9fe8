/**
 * The clinician's review of each finding during the visit, in two independent dimensions:
 * - relevance: relevant, not relevant (with the reason why not), or not yet judged;
 * - discussed with the patient, or not.
 * A finding can be both relevant and discussed; "not relevant" is the only mark that changes what
 * the app does (the handout leaves that cause out, build-handout.ts).
 *
 * Held in memory by the app only: it may describe the patient, so it never goes to storage, logs
 * or the page title.
 */
export const RELEVANCE_VALUES = ['relevant', 'not-relevant'] as const;
export type Relevance = (typeof RELEVANCE_VALUES)[number];

export const RELEVANCE_LABELS: Record<Relevance, string> = {
  relevant: 'Relevant',
  'not-relevant': 'Not relevant',
};

export const DISCUSSED_LABEL = 'Discussed';

/** Short on purpose: a reason, not a note. */
export const REVIEW_REASON_MAX = 200;

export interface ReviewEntry {
  /** `null` while the clinician has not judged it (or cleared the mark). */
  readonly relevance: Relevance | null;
  readonly discussed: boolean;
  /** Why it is not relevant; empty unless `relevance` is `not-relevant`. */
  readonly reason: string;
}

/** Detail of the `review-change` event. */
export interface ReviewChangeDetail extends ReviewEntry {
  readonly ruleId: string;
}

export type ReviewState = Readonly<Record<string, ReviewEntry>>;

/** An entry as the app keeps it: the reason only with "not relevant", cut to the maximum. */
export function normaliseEntry(e: ReviewEntry): ReviewEntry {
  return {
    relevance: e.relevance,
    discussed: e.discussed,
    reason: e.relevance === 'not-relevant' ? e.reason.slice(0, REVIEW_REASON_MAX) : '',
  };
}

/** True when the entry says nothing (no relevance, not discussed): the app then drops it. */
export function isEmptyEntry(e: ReviewEntry): boolean {
  return e.relevance === null && !e.discussed;
}
