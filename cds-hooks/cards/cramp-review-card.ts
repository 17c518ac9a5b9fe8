/**
 * The patient-view card, "night leg cramps review": shown only for a patient with a cramp complaint on
 * record when the engine found a red flag or a likely contributor (the same grouping the app's review
 * screen uses, src/review/group-findings.ts; data gaps are not contributors). `critical` with a red
 * flag, `warning` otherwise; the summary names the red flags, or the top contributors by strength of
 * evidence; the detail gives each finding's key evidence; a `smart` link opens the app for the patient.
 */
import type { Finding } from '../../rules/engine/types.js';
import { gradeRank } from '../../src/review/grade.js';
import { groupFindings } from '../../src/review/group-findings.js';
import type { MissingKind } from '../../src/review/missing-reason.js';
import { urgencyLabel } from '../../src/review/urgency.js';
import type { Complaint } from '../services/cramp-complaint.js';
import { makeCard, type Card, type Link } from './card.js';
import { findingLine } from './evidence-text.js';
import { fitNames } from './fit-summary.js';
import { escapeMarkdown } from './markdown.js';
import { cardSource, sourcesLine } from './source.js';

export interface CrampReviewInput {
  readonly findings: readonly Finding[];
  readonly complaint: Extract<Complaint, { state: 'found' }>;
  readonly deceased: boolean;
  readonly appLink?: Link;
}

/**
 * Reasons a red flag could not be excluded that are worth a line on the card: the record could not
 * be read. Checklist questions (never asked outside the app) and old results are the app's to show.
 */
const DATA_FAILURES: ReadonlySet<MissingKind> = new Set(['query-failed', 'not-offered', 'partly-read', 'not-authorised', 'not-requested', 'unidentified', 'rule-failed']);

/** Flagged findings that name a likely cause, strongest evidence first (data gaps are not causes). */
export function likelyContributors(findings: readonly Finding[]): Finding[] {
  const grouped = groupFindings(findings);
  return grouped.contributors
    .filter((g) => g.key !== 'data-gaps')
    .flatMap((g) => g.findings)
    .sort((a, b) => gradeRank(a.grade) - gradeRank(b.grade));
}

function complaintLine(c: CrampReviewInput['complaint']): string {
  return c.where === 'encounter'
    ? `Leg cramps are a reason for this visit: ${escapeMarkdown(c.display)}.`
    : `Leg cramps on record: ${escapeMarkdown(c.display)}${c.date ? ` (${escapeMarkdown(c.date)})` : ''}.`;
}

export function crampReviewCard(input: CrampReviewInput): Card | undefined {
  const grouped = groupFindings(input.findings);
  const redFlags = grouped.redFlags;
  const contributors = likelyContributors(input.findings);
  if (!redFlags.length && !contributors.length) return undefined;

  const summary = redFlags.length
    ? fitNames('Night leg cramps, red flag: ', redFlags.map((f) => f.title))
    : fitNames('Night leg cramps, likely contributors: ', contributors.map((f) => f.title));
  const notExcluded = grouped.notChecked
    .filter((n) => n.finding.redFlag && n.reasons.some((r) => DATA_FAILURES.has(r.kind)))
    .map((n) => escapeMarkdown(n.finding.title));

  const lines = [complaintLine(input.complaint)];
  if (input.deceased) lines.push('**This record belongs to a patient who has died.**');
  if (redFlags.length) lines.push('', '**Red flags**', '', ...redFlags.map((f) => findingLine(f, urgencyLabel(f.urgency))));
  if (contributors.length) lines.push('', '**Likely contributors**', '', ...contributors.map((f) => findingLine(f, `grade ${f.grade}`)));
  if (notExcluded.length) lines.push('', `Red flags not excluded because part of the record could not be read: ${notExcluded.join('; ')}.`);
  lines.push('', 'Open the app for the full review, what could not be checked, and the patient handout.');
  const citations = [...redFlags, ...contributors].flatMap((f) => f.citations);
  lines.push('', sourcesLine(citations));

  return makeCard({
    summary,
    detail: lines.join('\n'),
    indicator: redFlags.length ? 'critical' : 'warning',
    source: cardSource(citations),
    ...(input.appLink ? { links: [input.appLink] } : {}),
  });
}
