/**
 * THE table of problems the review summary merges findings into (src/review/visit-summary.ts), as
 * data: one row per problem a GP would name in a visit, and the rules whose findings belong to it.
 *
 * - `anchors`: a flagged finding of any of these makes the problem (a coded condition, or the lab
 *   that shows it: diabetes from the code or from HbA1c);
 * - `joins`: findings that belong to the problem only when an anchor is there (the low electrolytes
 *   a diuretic causes; neuropathy beside diabetes). With no anchor flagged they stand on their own.
 * - `action`: how much the clinician can do about it today (see ACTION_WEIGHT), one of the two
 *   ranking keys with the evidence grade.
 *
 * The links come from the knowledge base: diuretics "pull K, Mg, Na" (rows A1–A3; a potassium-
 * sparing diuretic raises potassium, so it is not joined there), beta-agonists and acetazolamide
 * lower potassium (A4, A6), cisplatin lowers magnesium and chemotherapy causes neuropathy (A11),
 * statins raise CK (A7, B11), diabetes shows in HbA1c and causes neuropathy (C8, C9, B5), thyroid
 * and parathyroid disease show in TSH and PTH/calcium (C10, C11, B6, B7), kidney disease in eGFR
 * (C3, C4, B9). A finding is claimed by one problem only: the one whose anchor ranks highest.
 *
 * A lab finding that is also a red flag is not in this table: it is shown once, as the red flag
 * (matched by the result itself, see visit-summary.ts).
 */
export const ACTIONS = ['medicine', 'correct', 'manage', 'test'] as const;
export type Action = (typeof ACTIONS)[number];

/** Higher is more to do today: a medicine can be stopped or changed now; a condition is managed over time. */
export const ACTION_WEIGHT: Readonly<Record<Action, number>> = {
  /** a medicine to stop, change or review */
  medicine: 3,
  /** a value to correct, or a treatment to adjust (electrolytes, thyroid dose, glucose control) */
  correct: 2,
  /** a condition to manage or refer */
  manage: 1,
  /** a test to order */
  test: 1,
};

/** What a finding outside every row (or a row's finding standing alone) can lead to, by rule family. */
export const FAMILY_ACTION: Readonly<Record<string, Action>> = {
  med: 'medicine',
  safety: 'medicine',
  lab: 'correct',
  cond: 'manage',
  gap: 'test',
};

export interface ProblemRow {
  readonly key: string;
  /** The problem in a clinician's words, shown when findings are merged under it (each says what it adds). */
  readonly label: string;
  readonly anchors: readonly string[];
  readonly joins: readonly string[];
  readonly action: Action;
}

const ELECTROLYTES_FROM_DIURETICS = ['lab-low-potassium', 'lab-low-magnesium', 'lab-low-sodium', 'gap-diuretic-without-electrolytes'] as const;

export const PROBLEMS: readonly ProblemRow[] = [
  { key: 'dialysis', label: 'Kidney failure on dialysis', anchors: ['cond-dialysis'], joins: ['lab-reduced-kidney-function'], action: 'manage' },
  { key: 'chronic-kidney-disease', label: 'Chronic kidney disease', anchors: ['cond-chronic-kidney-disease', 'lab-reduced-kidney-function'], joins: [], action: 'manage' },
  { key: 'diabetes', label: 'Diabetes', anchors: ['cond-diabetes', 'lab-hyperglycemia'], joins: ['cond-peripheral-neuropathy', 'lab-hypoglycemia'], action: 'correct' },
  { key: 'thyroid', label: 'Thyroid disease', anchors: ['lab-thyroid-dysfunction', 'cond-thyroid-disease'], joins: [], action: 'correct' },
  { key: 'parathyroid', label: 'Parathyroid and calcium', anchors: ['cond-parathyroid-disease', 'lab-parathyroid-calcium-axis'], joins: ['lab-low-calcium', 'lab-low-vitamin-d'], action: 'correct' },
  { key: 'thiazide', label: 'Thiazide diuretic', anchors: ['med-thiazide-diuretic'], joins: ELECTROLYTES_FROM_DIURETICS, action: 'medicine' },
  { key: 'loop-diuretic', label: 'Loop diuretic', anchors: ['med-loop-diuretic'], joins: ELECTROLYTES_FROM_DIURETICS, action: 'medicine' },
  { key: 'potassium-sparing', label: 'Potassium-sparing diuretic', anchors: ['med-potassium-sparing-diuretic'], joins: ['lab-low-magnesium', 'lab-low-sodium', 'gap-diuretic-without-electrolytes'], action: 'medicine' },
  { key: 'short-acting-beta-agonist', label: 'Short-acting beta-agonist', anchors: ['med-short-acting-beta-agonist'], joins: ['lab-low-potassium'], action: 'medicine' },
  { key: 'carbonic-anhydrase-inhibitor', label: 'Carbonic anhydrase inhibitor', anchors: ['med-carbonic-anhydrase-inhibitor'], joins: ['lab-low-potassium'], action: 'medicine' },
  { key: 'chemotherapy', label: 'Neurotoxic chemotherapy', anchors: ['med-neurotoxic-chemotherapy'], joins: ['lab-low-magnesium', 'cond-peripheral-neuropathy'], action: 'medicine' },
  { key: 'statin', label: 'Statin', anchors: ['med-statin'], joins: ['lab-raised-ck'], action: 'medicine' },
];
