/**
 * "What could not be checked", briefly, for the chart note: the data sources the app could not read,
 * the red flags it could not exclude, the other causes it could not check grouped by why (so twelve
 * unread results read as one line), the checklist questions that apply to this patient and were
 * not asked (checklist-relevance.ts, as the screen's checklist), and what to ask because the
 * record may be out of date (src/review/record-questions.ts). Never "not found": these are the
 * places the app could not look.
 */
import type { SourceStatus } from '../../rules/engine/record.js';
import type { Finding } from '../../rules/engine/types.js';
import { checklistItemsFor } from '../review/checklist-relevance.js';
import { classifyMissing, type MissingKind } from '../review/missing-reason.js';
import { recordQuestions } from '../review/record-questions.js';
import { sourceProblems, type SourceProblem } from '../review/source-status.js';
import { capped, plainLine, sentence } from './note-text.js';

/** Lines of record questions, at most; more are counted. */
export const MAX_RECORD_QUESTIONS = 4;
/** Titles listed on one "not checked" line, at most. */
const MAX_TITLES = 8;

/**
 * Why a cause was not checked. The review screen's kinds (missing-reason.ts), plus one the note
 * names on its own: a newer result the app could not use (a wrong unit, text instead of a number),
 * which leaves only an older one.
 */
type Gap = MissingKind | 'newer-unusable';

/** Each reason in the note's words; the order is the order of the lines. */
const WHY = [
  { kinds: ['query-failed', 'not-authorised', 'partly-read', 'not-offered', 'not-requested'], words: 'data could not be read' },
  { kinds: ['unidentified'], words: 'a medicine could not be identified' },
  { kinds: ['newer-unusable'], words: 'a newer result could not be used' },
  { kinds: ['no-recent-result'], words: 'no recent usable result' },
  { kinds: ['ask-patient'], words: 'the record may be out of date' },
  { kinds: ['rule-failed', 'other'], words: 'for another reason, shown in the app' },
] as const satisfies readonly { kinds: readonly Gap[]; words: string }[];

const STATE_WORDS: Record<SourceProblem['state'], string> = {
  failed: 'could not be read',
  'not-authorised': 'not authorised',
  truncated: 'only partly read',
  unsupported: 'not offered by this EHR',
};

function kindsOf(f: Finding): Set<Gap> {
  if (f.outcome === 'error') return new Set(['rule-failed']);
  return new Set(
    f.missing.map((m): Gap => {
      const { kind } = classifyMissing(m);
      return kind === 'other' && /\bnewer\b.*\bcould not be used\b/.test(m) ? 'newer-unusable' : kind;
    }),
  );
}

/** The first reason, in WHY's order, that applies to the finding (not-asked aside). */
function whyOf(kinds: ReadonlySet<Gap>): string {
  return (WHY.find((w) => w.kinds.some((k) => kinds.has(k))) ?? WHY[WHY.length - 1]!).words;
}

/** "Laboratory results (Observation): potassium" → "Laboratory results: potassium" (no FHIR type names in a note). */
const withoutResourceType = (what: string): string => what.replace(/\s*\([A-Z][A-Za-z]+\)/g, '');


const titles = (fs: readonly Finding[]): string => capped(fs.map((f) => plainLine(f.title, 120)), MAX_TITLES, (n) => `and ${n} more`).join('; ');

/** The patient and answers that decide which checklist questions apply (checklist-relevance.ts). */
export interface ChecklistState {
  readonly ageYears: number | null;
  readonly answers: Readonly<Record<string, unknown>>;
}

export function notCheckedLines(findings: readonly Finding[], sources: Readonly<Record<string, SourceStatus>>, checklist: ChecklistState): string[] {
  const lines: string[] = [];
  for (const p of sourceProblems(sources)) lines.push(`- ${sentence(`${withoutResourceType(p.what)}: ${STATE_WORDS[p.state]}`)}`);

  const open = findings.filter((f) => f.outcome === 'insufficient-data' || f.outcome === 'error');
  // A red flag whose only gap is an unasked checklist question is a question to ask, listed with them.
  const askOnly = (f: Finding) => f.outcome === 'insufficient-data' && [...kindsOf(f)].every((k) => k === 'not-asked');
  const redFlags = open.filter((f) => f.redFlag && !askOnly(f));
  if (redFlags.length) {
    lines.push(`- ${sentence(`Red flags not excluded: ${redFlags.map((f) => `${plainLine(f.title, 120)} (${whyOf(kindsOf(f))})`).join('; ')}`)}`);
  }
  const others = open.filter((f) => !f.redFlag && !askOnly(f));
  for (const w of WHY) {
    const group = others.filter((f) => whyOf(kindsOf(f)) === w.words);
    if (group.length) lines.push(`- ${sentence(`Not checked (${w.words}): ${titles(group)}`)}`);
  }

  // The questions that apply to this patient and were not answered: what the screen's checklist still asks.
  const unasked = checklistItemsFor({ ...checklist, findings }).filter((i) => !Object.hasOwn(checklist.answers, i.id));
  if (unasked.length) lines.push(`- ${sentence(`Not asked: ${unasked.map((i) => i.text.charAt(0).toLowerCase() + i.text.slice(1)).join('; ')}`)}`);

  const questions = recordQuestions(findings).map((q) => `- ${sentence(q.text)}`);
  lines.push(...capped(questions, MAX_RECORD_QUESTIONS, (n) => `- And ${n} more to ask because the record may be out of date.`));
  return lines;
}
