/**
 * The red flags and likely contributors as the chart note names them: the review summary's own
 * choice and order (src/review/visit-summary.ts), so the note says what the top of the screen
 * says: red flags most urgent first, each with the lab findings that are the same result (named
 * once, as the red flag); then at most five problems, findings merged by the problem table (a drug
 * with the electrolytes it lowers, a condition with the lab that shows it), strongest evidence
 * first, then what can be done today. Contributors beyond the five are listed by title.
 */
import type { SourceStatus } from '../../rules/engine/record.js';
import type { Finding } from '../../rules/engine/types.js';
import { visitSummary, type SummaryProblem, type SummaryRedFlag } from '../review/visit-summary.js';

export interface NoteContributors {
  readonly redFlags: readonly SummaryRedFlag[];
  readonly problems: readonly SummaryProblem[];
  /** Flagged findings in neither a red flag nor the top problems, in the engine's order. */
  readonly more: readonly Finding[];
}

export function noteContributors(findings: readonly Finding[], sources?: Readonly<Record<string, SourceStatus>>): NoteContributors {
  const summary = visitSummary({ findings, ...(sources ? { sources } : {}) });
  const named = new Set([...summary.redFlags.flatMap((r) => [r.finding, ...r.sameResult]), ...summary.contributors.flatMap((p) => p.findings)].map((f) => f.ruleId));
  return {
    redFlags: summary.redFlags,
    problems: summary.contributors,
    more: findings.filter((f) => f.outcome === 'flagged' && !named.has(f.ruleId)),
  };
}
