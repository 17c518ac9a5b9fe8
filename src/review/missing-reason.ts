/**
 * Why something could not be checked, read from the engine's `missing` lines (rule-catalogue.md:
 * insufficient-data means the app could not look). The words are the engine's; this only sorts
 * them into the kinds a clinician acts on differently: a failed query may be retried, a result
 * missing from the lookback may be ordered, a checklist item may be asked now.
 */
export const MISSING_KINDS = ['ask-patient', 'unidentified', 'query-failed', 'not-offered', 'partly-read', 'not-authorised', 'not-requested', 'no-recent-result', 'not-asked', 'rule-failed', 'other'] as const;
export type MissingKind = (typeof MISSING_KINDS)[number];

export interface MissingReason {
  readonly kind: MissingKind;
  readonly text: string;
}

const LABELS: Record<MissingKind, string> = {
  'ask-patient': 'Record may be out of date',
  unidentified: 'Medication not identified',
  'query-failed': 'Query failed',
  'not-offered': 'Not offered by this EHR',
  'partly-read': 'Only partly read',
  'not-authorised': 'Not authorised',
  'not-requested': 'Not requested from the EHR',
  'no-recent-result': 'No usable result in the lookback',
  'not-asked': 'Not asked yet',
  'rule-failed': 'Rule failed',
  other: 'Could not check',
};

export function missingKindLabel(kind: MissingKind): string {
  return LABELS[kind];
}

// Order matters: "magnesium results not authorised" must not read as a failed query; a source the
// app never asked for says "could not be read (not requested)"; a search cut short by the page cap
// says "could not all be read ... (only partly read (truncated))", which is not a failure.
const PATTERNS: readonly (readonly [MissingKind, RegExp])[] = [
  // A stale order is a question to ask now, not a failure to read (second round).
  ['ask-patient', /^whether the patient still takes /i],
  ['unidentified', /^an unidentified medication\b/i],
  ['not-authorised', /not authori[sz]ed/i],
  ['not-offered', /not offered by this EHR|does not offer/i],
  ['not-requested', /not requested/i],
  ['query-failed', /could not be read|could not be fully checked/i],
  ['partly-read', /could not all be read|partly read|truncated|not fully read/i],
  ['not-asked', /^not asked\b|not answered on the checklist/i],
  ['rule-failed', /rule failed/i],
  ['no-recent-result', /\bno usable\b|none on record|older than|no birth date/i],
];

/** The engine's words, less a leading "not asked: " that the label already says. */
export function classifyMissing(text: string): MissingReason {
  for (const [kind, pattern] of PATTERNS) {
    if (pattern.test(text)) return { kind, text: kind === 'not-asked' ? text.replace(/^not asked:\s*/i, '') : text };
  }
  return { kind: 'other', text };
}
