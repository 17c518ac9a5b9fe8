/**
 * The review summary: what matters in this visit, in ten seconds. Pure, so it is tested without a
 * browser; lc-visit-summary only renders it.
 *
 * 1. Do today: every red flag that fired, most urgent first, with the lab findings that are the
 *    same result (low sodium 124 is the severe-electrolyte red flag and the low-sodium finding:
 *    shown once, as the red flag); and every data source that failed or was not authorised.
 * 2. The most likely contributors, at most five problems: findings merged by the problem table
 *    (problems.ts), ranked by evidence grade (strong A, A/B; moderate B, B/C; weak C, C-weak),
 *    then by how much can be done today (a medicine before a value to correct before a condition
 *    to manage), then by the exact grade of the strongest finding, then by the lead finding's own
 *    grade, then in the engine's (catalogue) order. Every merged finding keeps its rule id. A
 *    problem's grade is its strongest finding's: a loop diuretic (C-weak) with the low potassium
 *    it causes (B) ranks as B.
 *
 * Ties keep the engine's order, so the summary is deterministic for a given report.
 */
import type { SourceStatus } from '../../rules/engine/record.js';
import type { Finding, Grade } from '../../rules/engine/types.js';
import { gradeRank } from './grade.js';
import { ACTION_WEIGHT, FAMILY_ACTION, PROBLEMS, type Action, type ProblemRow } from './problems.js';
import { sourceProblems, type SourceProblem } from './source-status.js';
import { urgencyRank } from './urgency.js';

export const MAX_CONTRIBUTORS = 5;

export interface SummaryRedFlag {
  readonly finding: Finding;
  /** Lab findings that report the same result as this red flag, shown with it and not again below. */
  readonly sameResult: readonly Finding[];
}

export interface SummaryProblem {
  /** The problem table's key, or the rule id of a finding that stands alone. */
  readonly key: string;
  /** The table's words when findings were merged; the finding's title when it stands alone. */
  readonly label: string;
  /** The finding shown first: the row's first anchor present (the drug before what it lowers; the condition before its lab). */
  readonly lead: Finding;
  /** Every finding of the problem, the lead first. */
  readonly findings: readonly Finding[];
  /** The strongest grade among the findings. */
  readonly grade: Grade;
  readonly action: Action;
}

export interface VisitSummary {
  readonly redFlags: readonly SummaryRedFlag[];
  /** Data sources that failed or were not authorised: act today (retry, or ask for access). */
  readonly unreadSources: readonly SourceProblem[];
  /** At most MAX_CONTRIBUTORS, strongest first. */
  readonly contributors: readonly SummaryProblem[];
  /** Problems beyond the first five, listed only in the full list below. */
  readonly moreContributors: number;
}

export interface SummaryInput {
  readonly findings: readonly Finding[];
  readonly sources?: Readonly<Record<string, SourceStatus>>;
}

const TIERS: Readonly<Record<Grade, number>> = { A: 0, 'A/B': 0, B: 1, 'B/C': 1, C: 2, 'C-weak': 2 };
const family = (f: Finding) => f.ruleId.split('-', 1)[0] ?? '';
const actionOf = (f: Finding): Action => FAMILY_ACTION[family(f)] ?? 'manage';
const strongest = (fs: readonly Finding[]): Grade => fs.map((f) => f.grade).reduce((a, b) => (gradeRank(b) < gradeRank(a) ? b : a));
const resultKeys = (f: Finding) => f.evidence.filter((e) => e.role === 'trigger' && e.resourceType === 'Observation').map((e) => `${e.resourceType}/${e.id}`);

/** Red flags with the lab findings that fired on the same result. */
function redFlagsWithTheirResults(flagged: readonly Finding[]): { redFlags: SummaryRedFlag[]; shownAsRedFlag: Set<string> } {
  const shownAsRedFlag = new Set<string>();
  const redFlags = flagged
    .filter((f) => f.redFlag)
    .sort((a, b) => urgencyRank(a.urgency) - urgencyRank(b.urgency))
    .map((finding) => {
      const keys = new Set(resultKeys(finding));
      const sameResult = flagged.filter((f) => family(f) === 'lab' && !shownAsRedFlag.has(f.ruleId) && resultKeys(f).some((k) => keys.has(k)));
      for (const f of sameResult) shownAsRedFlag.add(f.ruleId);
      return { finding, sameResult };
    });
  return { redFlags, shownAsRedFlag };
}

/** Finding-level rank, used to decide which anchor claims a shared finding first. */
function findingOrder(order: ReadonlyMap<string, number>) {
  return (a: Finding, b: Finding) =>
    TIERS[a.grade] - TIERS[b.grade] || ACTION_WEIGHT[actionOf(b)] - ACTION_WEIGHT[actionOf(a)] || gradeRank(a.grade) - gradeRank(b.grade) || order.get(a.ruleId)! - order.get(b.ruleId)!;
}

/** `findings` in the row's order (anchors, then joins): the lead first. */
function problemOf(row: ProblemRow | undefined, sorted: Finding[]): SummaryProblem {
  const lead = sorted[0]!;
  return {
    key: row?.key ?? lead.ruleId,
    label: row && sorted.length > 1 ? row.label : lead.title,
    lead,
    findings: sorted,
    grade: strongest(sorted),
    action: row?.action ?? actionOf(lead),
  };
}

/** Merge contributors into problems: anchors in rank order claim their row's findings; the rest stand alone. */
export function mergeIntoProblems(contributors: readonly Finding[], order: ReadonlyMap<string, number>): SummaryProblem[] {
  const byId = new Map(contributors.map((f) => [f.ruleId, f]));
  const claimed = new Set<string>();
  const problems: SummaryProblem[] = [];
  for (const anchor of [...contributors].sort(findingOrder(order))) {
    if (claimed.has(anchor.ruleId)) continue;
    const row = PROBLEMS.find((p) => p.anchors.includes(anchor.ruleId));
    if (!row) continue;
    const members = [...row.anchors, ...row.joins].flatMap((id) => {
      const f = byId.get(id);
      return f && !claimed.has(id) ? [f] : [];
    });
    for (const f of members) claimed.add(f.ruleId);
    problems.push(problemOf(row, members));
  }
  for (const f of contributors) if (!claimed.has(f.ruleId)) problems.push(problemOf(undefined, [f]));
  return problems;
}

export function rankProblems(problems: readonly SummaryProblem[], order: ReadonlyMap<string, number>): SummaryProblem[] {
  return [...problems].sort(
    (a, b) =>
      TIERS[a.grade] - TIERS[b.grade] ||
      ACTION_WEIGHT[b.action] - ACTION_WEIGHT[a.action] ||
      gradeRank(a.grade) - gradeRank(b.grade) ||
      gradeRank(a.lead.grade) - gradeRank(b.lead.grade) ||
      order.get(a.lead.ruleId)! - order.get(b.lead.ruleId)!,
  );
}

export function visitSummary({ findings, sources }: SummaryInput): VisitSummary {
  const order = new Map(findings.map((f, i) => [f.ruleId, i]));
  const flagged = findings.filter((f) => f.outcome === 'flagged');
  const { redFlags, shownAsRedFlag } = redFlagsWithTheirResults(flagged);
  const contributors = flagged.filter((f) => !f.redFlag && !shownAsRedFlag.has(f.ruleId));
  const ranked = rankProblems(mergeIntoProblems(contributors, order), order);
  return {
    redFlags,
    unreadSources: sources ? sourceProblems(sources).filter((p) => p.state === 'failed' || p.state === 'not-authorised') : [],
    contributors: ranked.slice(0, MAX_CONTRIBUTORS),
    moreContributors: Math.max(0, ranked.length - MAX_CONTRIBUTORS),
  };
}
