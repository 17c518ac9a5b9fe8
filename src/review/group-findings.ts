/**
 * The review screen's reading order, decided once and purely so it can be tested without a browser:
 * 1. red flags that fired, most urgent first;
 * 2. likely contributors (flagged, not red flags) grouped as medications / labs / conditions /
 *    data gaps, strongest evidence first inside each group;
 * 3. what was checked and not found;
 * 4. separately, what could not be checked (insufficient data, or a rule that failed), with the
 *    reasons from `missing`: these are never "not found";
 * 5. the questions to ask during the visit: red flags that only wait for a checklist answer
 *    (visit-questions.ts) are questions, not "could not be checked".
 * Ties keep the engine's order, which is the catalogue's.
 */
import type { Finding } from '../../rules/engine/types.js';
import { gradeRank } from './grade.js';
import { classifyMissing, type MissingReason } from './missing-reason.js';
import { urgencyRank } from './urgency.js';
import { onlyQuestionsMissing, visitQuestions, type VisitQuestion } from './visit-questions.js';

export const CONTRIBUTOR_GROUPS = [
  { key: 'medications', label: 'Medications' },
  { key: 'labs', label: 'Laboratory results' },
  { key: 'conditions', label: 'Conditions' },
  { key: 'data-gaps', label: 'Data gaps' },
] as const;
export type ContributorGroupKey = (typeof CONTRIBUTOR_GROUPS)[number]['key'];

export interface ContributorGroup {
  readonly key: ContributorGroupKey;
  readonly label: string;
  readonly findings: readonly Finding[];
}

export interface NotCheckedItem {
  readonly finding: Finding;
  readonly reasons: readonly MissingReason[];
}

export interface GroupedFindings {
  readonly redFlags: readonly Finding[];
  /** Only groups with at least one finding, in CONTRIBUTOR_GROUPS order. */
  readonly contributors: readonly ContributorGroup[];
  readonly checkedClear: readonly Finding[];
  /** What could not be checked, less the red flags that only wait for a checklist answer. */
  readonly notChecked: readonly NotCheckedItem[];
  /** The checklist questions those red flags wait for, once each. */
  readonly askDuringVisit: readonly VisitQuestion[];
}

/** The rule family from the id prefix (rule-catalogue.md); `safety-quinine` is a medication. */
export function contributorGroupOf(f: Finding): ContributorGroupKey {
  const prefix = f.ruleId.split('-', 1)[0];
  if (prefix === 'lab') return 'labs';
  if (prefix === 'cond') return 'conditions';
  if (prefix === 'gap') return 'data-gaps';
  return 'medications';
}

const FAMILY_ORDER = ['redflag', 'safety', 'med', 'lab', 'cond', 'gap'];
const familyRank = (f: Finding) => {
  const i = FAMILY_ORDER.indexOf(f.ruleId.split('-', 1)[0] ?? '');
  return i === -1 ? FAMILY_ORDER.length : i;
};

/** Array.prototype.sort is stable, so equal keys keep the engine's (catalogue) order. */
const sortedBy = <T>(items: readonly T[], key: (t: T) => number): T[] => [...items].sort((a, b) => key(a) - key(b));

function reasonsFor(f: Finding): MissingReason[] {
  const lines = f.missing.length ? f.missing : [f.outcome === 'error' ? 'the rule failed, so this cause was not checked' : 'the engine did not say what was missing'];
  return lines.map(classifyMissing);
}

export function groupFindings(findings: readonly Finding[]): GroupedFindings {
  const flagged = findings.filter((f) => f.outcome === 'flagged');
  const redFlags = sortedBy(flagged.filter((f) => f.redFlag), (f) => urgencyRank(f.urgency));
  const contributing = flagged.filter((f) => !f.redFlag);
  const contributors = CONTRIBUTOR_GROUPS.map((g) => ({
    key: g.key,
    label: g.label,
    findings: sortedBy(contributing.filter((f) => contributorGroupOf(f) === g.key), (f) => gradeRank(f.grade)),
  })).filter((g) => g.findings.length > 0);
  // Red flags that could not be excluded lead the list: they are the gaps that matter most.
  const unchecked = sortedBy(
    findings.filter((f) => f.outcome === 'insufficient-data' || f.outcome === 'error'),
    familyRank,
  ).map((finding) => ({ finding, reasons: reasonsFor(finding) }));
  return {
    redFlags,
    contributors,
    checkedClear: findings.filter((f) => f.outcome === 'not-flagged'),
    notChecked: unchecked.filter((i) => !onlyQuestionsMissing(i)),
    askDuringVisit: visitQuestions(unchecked),
  };
}
