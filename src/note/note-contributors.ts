/**
 * Which likely contributors the chart note names, strongest first: flagged findings that are not
 * red flags, by evidence grade, then by how actionable they are (a medicine can be reviewed today,
 * a result acted on, a condition managed), ties in the engine's (catalogue) order. A result that
 * already stands behind a red flag is left out here: the note names it once, as the red flag.
 */
import type { Finding } from '../../rules/engine/types.js';
import { gradeRank } from '../review/grade.js';

/** Contributors named in full, at most; the rest are listed by title in one line. */
export const MAX_NOTE_CONTRIBUTORS = 5;

const ACTIONABLE_ORDER = ['safety', 'med', 'lab', 'cond', 'gap'];
const actionableRank = (f: Finding): number => {
  const i = ACTIONABLE_ORDER.indexOf(f.ruleId.split('-', 1)[0] ?? '');
  return i === -1 ? ACTIONABLE_ORDER.length : i;
};

const triggerIds = (f: Finding): string[] => f.evidence.filter((e) => e.role === 'trigger').map((e) => `${e.resourceType}/${e.id}`);

/** A lab finding every trigger of which is also a trigger of a red flag that fired. */
function shownAsRedFlag(f: Finding, redFlagTriggers: ReadonlySet<string>): boolean {
  if (!f.ruleId.startsWith('lab-')) return false;
  const ids = triggerIds(f);
  return ids.length > 0 && ids.every((id) => redFlagTriggers.has(id));
}

export interface NoteContributors {
  readonly top: readonly Finding[];
  readonly more: readonly Finding[];
}

export function noteContributors(findings: readonly Finding[]): NoteContributors {
  const flagged = findings.filter((f) => f.outcome === 'flagged');
  const redFlagTriggers = new Set(flagged.filter((f) => f.redFlag).flatMap(triggerIds));
  const ranked = flagged
    .filter((f) => !f.redFlag && !shownAsRedFlag(f, redFlagTriggers))
    .map((f, i) => ({ f, i }))
    .sort((a, b) => gradeRank(a.f.grade) - gradeRank(b.f.grade) || actionableRank(a.f) - actionableRank(b.f) || a.i - b.i)
    .map(({ f }) => f);
  return { top: ranked.slice(0, MAX_NOTE_CONTRIBUTORS), more: ranked.slice(MAX_NOTE_CONTRIBUTORS) };
}
