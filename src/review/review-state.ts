/**
 * The clinician's review of each finding during the visit. Held in memory by the app only: it may
 * describe the patient, so it never goes to storage, logs or the page title.
 */
export const REVIEW_STATUSES = ['discussed', 'relevant', 'not-relevant'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  discussed: 'Discussed',
  relevant: 'Relevant',
  'not-relevant': 'Not relevant',
};

/** Short on purpose: a reason, not a note. */
export const REVIEW_REASON_MAX = 200;

export interface ReviewEntry {
  /** `null` once the clinician clears the mark. */
  readonly status: ReviewStatus | null;
  readonly reason: string;
}

/** Detail of the `review-change` event. */
export interface ReviewChangeDetail extends ReviewEntry {
  readonly ruleId: string;
}

export type ReviewState = Readonly<Record<string, ReviewEntry>>;
