/**
 * The review screen's elements, registered on import. The app imports this once; each element
 * also imports the ones it renders, so a test may import a single element file.
 */
export { LcCheckedClear } from './lc-checked-clear.js';
export { LcChecklist, type ChecklistAnswers, type ChecklistChangeDetail } from './lc-checklist.js';
export { LcEvidence } from './lc-evidence.js';
export { LcFindingCard } from './lc-finding-card.js';
export { LcFindingsList } from './lc-findings-list.js';
export { LcFrequencyCalculator, type FrequencyChangeDetail } from './lc-frequency-calculator.js';
export { LcFrequencyResult } from './lc-frequency-result.js';
export { LcNotChecked } from './lc-not-checked.js';
export { LcPatientBanner } from './lc-patient-banner.js';
export { LcRedFlagBanner } from './lc-red-flag-banner.js';
export { LcReviewActions } from './lc-review-actions.js';
export { LcReviewScreen, type PatientBannerInfo, type ReviewReport } from './lc-review-screen.js';
export { LcReviewSummary } from './lc-review-summary.js';
export { LcVisitSummary, type RetryState } from './lc-visit-summary.js';
export type { Relevance, ReviewChangeDetail, ReviewEntry, ReviewState } from '../review/review-state.js';
