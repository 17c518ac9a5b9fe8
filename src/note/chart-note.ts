/**
 * The chart note: what the visit found and decided, as plain text a clinician pastes into any EHR's
 * note field or saves to the record (src/fhir/write-back/). Built purely from what the screen shows
 * (the evaluation report, the clinician's review marks and checklist answers, the frequency result
 * and whether a handout was printed), so the same visit always gives the same note, byte for byte:
 * no clock, no random, no locale.
 *
 * At most about 40 lines: the date; red flags with their actions; the top contributors with their
 * key evidence; what could not be checked, briefly; the checklist answers; the frequency band; the
 * clinician's marks and reasons; the handout. No rule ids and no internal words (outcome codes,
 * FHIR resource names): the reader is the next clinician, not the app.
 */
import type { ChecklistAnswer, SourceStatus } from '../../rules/engine/record.js';
import type { Finding } from '../../rules/engine/types.js';
import type { FrequencyResult } from '../frequency/frequency-band.js';
import type { ReviewState } from '../review/review-state.js';
import { urgencyLabel } from '../review/urgency.js';
import type { SummaryProblem } from '../review/visit-summary.js';
import { noteContributors, type NoteContributors } from './note-contributors.js';
import { keyEvidence } from './note-evidence.js';
import { notCheckedLines } from './note-not-checked.js';
import { plainLine, sentence } from './note-text.js';
import { checklistLines, frequencyLine, handoutLine, markText, type HandoutState } from './note-visit.js';

/** What the note needs from an EvaluationReport (src/evaluation/evaluate-bundle.ts). */
export interface NoteReport {
  readonly asOf: string;
  readonly patient: { readonly ageYears?: number | null; readonly deceased?: boolean; readonly deceasedDate?: string };
  readonly findings: readonly Finding[];
  readonly dataStatus?: { readonly sources: Readonly<Record<string, SourceStatus>> };
}

export interface ChartNoteInput {
  readonly report: NoteReport;
  readonly review: ReviewState;
  readonly checklist: Readonly<Record<string, ChecklistAnswer>>;
  readonly frequency?: FrequencyResult;
  readonly handout?: HandoutState;
}

export interface ChartNote {
  /** The note, lines joined with "\n", ending without a trailing newline. */
  readonly text: string;
  readonly lines: readonly string[];
}

export const NOTE_TITLE = 'Night-time leg cramps review';

/** The clinician's marks on these findings: " Clinician: relevant." for one, each finding named for several. */
function marked(findings: readonly Finding[], review: ReviewState): string {
  const marks = findings.flatMap((f) => {
    const words = Object.hasOwn(review, f.ruleId) ? markText(review[f.ruleId]!) : undefined;
    return words ? [{ f, words }] : [];
  });
  if (!marks.length) return '';
  if (findings.length === 1) return ` Clinician: ${marks[0]!.words}.`;
  return ` Clinician: ${marks.map((m) => `${plainLine(m.f.title, 120)}: ${m.words}`).join('; ')}.`;
}

function redFlagLines(redFlags: NoteContributors['redFlags'], review: ReviewState): string[] {
  if (!redFlags.length) return ['Red flags: none raised by the record or the checklist answers.'];
  return ['Red flags:', ...redFlags.map(({ finding: f, sameResult }) => `- ${sentence(f.summary)} ${urgencyLabel(f.urgency)}: ${sentence(f.nextStep)}${marked([f, ...sameResult], review)}`)];
}

function problemLine(p: SummaryProblem, n: number, review: ReviewState): string {
  const [lead, ...joined] = p.findings as [Finding, ...Finding[]];
  const alsoSaid = joined.map((f) => f.summary).join(' ');
  const evidence = keyEvidence(lead, alsoSaid);
  const withEvidence = evidence.length ? ` Evidence: ${evidence.join('; ')}.` : '';
  // Each finding keeps its own grade: a weak drug link is not upgraded by the lab beside it.
  const said = [lead, ...joined].map((f) => (joined.length ? `${sentence(f.summary).replace(/\.$/, '')} (evidence grade ${f.grade}).` : sentence(f.summary))).join(' ');
  const head = joined.length ? `${plainLine(p.label, 120)}: ${said}` : `${said} Evidence grade ${p.grade}.`;
  return `${n}. ${head}${withEvidence} Next: ${sentence(lead.nextStep)}${marked(p.findings, review)}`;
}

function contributorLines(c: NoteContributors, review: ReviewState): string[] {
  if (!c.problems.length) return ['Likely contributors: none found in the data that could be read.'];
  const lines = ['Likely contributors (strongest evidence first):', ...c.problems.map((p, i) => problemLine(p, i + 1, review))];
  if (c.more.length) lines.push(`- Also flagged: ${c.more.map((f) => `${plainLine(f.title, 120)}${marked([f], review).replace(/^ Clinician: (.*)\.$/, ' ($1)')}`).join('; ')}.`);
  return lines;
}

/** Marks on findings the note does not name above (a cause the clinician judged but the note left out). */
function otherMarkLines(findings: readonly Finding[], review: ReviewState, named: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const f of findings) {
    if (named.has(f.ruleId) || !Object.hasOwn(review, f.ruleId)) continue;
    const words = markText(review[f.ruleId]!);
    if (words) out.push(`${plainLine(f.title, 120)}: ${words}`);
  }
  return out.length ? [`Clinician also reviewed: ${out.join('; ')}.`] : [];
}

export function buildChartNote(input: ChartNoteInput): ChartNote {
  const { report, review } = input;
  const findings = report.findings;
  const sources = report.dataStatus?.sources ?? {};
  const contributors = noteContributors(findings, sources);
  const named = new Set(findings.filter((f) => f.outcome === 'flagged').map((f) => f.ruleId));
  const notChecked = notCheckedLines(findings, sources, { ageYears: report.patient.ageYears ?? null, answers: input.checklist });
  const lines = [
    `${NOTE_TITLE}, ${plainLine(report.asOf, 10)}. Decision support from the EHR record: possible contributors, not a diagnosis.`,
    ...(report.patient.deceased ? [sentence(`This record belongs to a patient who has died${report.patient.deceasedDate ? ` (${plainLine(report.patient.deceasedDate, 10)})` : ''}`)] : []),
    '',
    ...redFlagLines(contributors.redFlags, review),
    '',
    ...contributorLines(contributors, review),
    '',
    ...(notChecked.length ? ['Could not be checked:', ...notChecked] : ['Could not be checked: nothing; every source was read.']),
    '',
    'Checklist answers today:',
    ...checklistLines(input.checklist),
    '',
    frequencyLine(input.frequency),
    ...otherMarkLines(findings, review, named),
    ...(report.patient.deceased ? [] : [handoutLine(input.handout)]),
  ];
  return { lines, text: lines.join('\n') };
}
