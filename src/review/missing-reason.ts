/**
 * Why something could not be checked, read from the engine's `missing` lines (rule-catalogue.md:
 * insufficient-data means the app could not look). The words are the engine's; this only sorts
 * them into the kinds a clinician acts on differently: a failed query may be retried, a result
 * missing from the lookback may be ordered, a checklist item may be asked now.
 */
export const MISSING_KINDS = ['query-failed', 'not-authorised', 'not-requested', 'no-recent-result', 'not-asked', 'rule-failed', 'other'] as const;
export type MissingKind = (typeof MISSING_KINDS)[number];

export interface MissingReason {
  readonly kind: MissingKind;
  readonly text: string;
}

const LABELS: Record<MissingKind, string> = {
  'query-failed': 'Query failed',
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

// Order matters: "magnesium results not authorised" must not read as a failed query, and a source
// the app never asked for says "could not be read (not requested)".
const PATTERNS: readonly (readonly [MissingKind, RegExp])[] = [
  ['not-authorised', /not authori[sz]ed/i],
  ['not-requested', /not requested/i],
  ['query-failed', /could not (all )?be read|partly read|truncated|not fully read|could not be fully checked/i],
  ['not-asked', /^not asked\b|not answered on the checklist/i],
  ['rule-failed', /rule failed/i],
  ['no-recent-result', /\bno usable\b|none on record|older than|no birth date/i],
];

export function classifyMissing(text: string): MissingReason {
  for (const [kind, pattern] of PATTERNS) if (pattern.test(text)) return { kind, text };
  return { kind: 'other', text };
}
