/**
 * Human-readable report of the same findings: red flags, then likely contributors with their
 * evidence, then what could not be checked and why, then what was checked and not found.
 */
import type { EvidenceItem, Finding } from '../../rules/engine/types.js';
import type { EvaluationReport, PatientSummary } from '../evaluation/evaluate-bundle.js';
import { recordQuestions } from '../review/record-questions.js';
import type { QueryStatus } from './live-mode.js';

/**
 * Text from records is shown as it is, except characters that would change how a terminal shows
 * the rest of the line: bidirectional overrides (a right-to-left override can make a drug name
 * read backwards) and control characters become visible escapes such as \u{202e}.
 */
export function visible(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

function evidenceLine(e: EvidenceItem): string {
  const value = e.value !== undefined ? ` ${e.value}${e.unit ? ` ${e.unit}` : ''}` : '';
  const code = e.code ? ` [${e.code}]` : '';
  const date = e.date ? ` ${e.date}` : '';
  const note = e.note ? ` (${e.note})` : '';
  return visible(`      ${e.role}: ${e.resourceType}/${e.id} ${e.display ?? ''}${code}:${value}${date}${note}`);
}

function block(f: Finding): string[] {
  const lines = [`  ${f.ruleId} [grade ${f.grade}${f.urgency ? `, ${f.urgency}` : ''}] ${visible(f.summary)}`];
  for (const e of f.evidence) lines.push(evidenceLine(e));
  for (const m of f.missing) lines.push(`      missing: ${visible(m)}`);
  if (f.outcome === 'flagged') {
    lines.push(`      next: ${f.nextStep}`);
    lines.push(`      sources: ${f.citations.map((c) => c.key).join(', ')}`);
  }
  if (f.error) lines.push(`      error: ${f.error}`);
  return lines;
}

/**
 * A deceased patient's report says so above everything (rule catalogue, second round: "Deceased
 * patients"): the rules still ran, for a chart review, but nobody should read it as a visit.
 */
export function deceasedLine(p: PatientSummary): string | undefined {
  if (!p.deceased) return undefined;
  const age = p.ageYears === null ? 'age at death unknown' : `age at death ${p.ageYears}`;
  const when = p.deceasedDate ? `on ${p.deceasedDate} (${age})` : '(date of death not recorded)';
  return `DECEASED ${when}: this record belongs to a patient who has died.`;
}

function patientLine(p: PatientSummary, asOf: string): string {
  const age = p.ageYears === null ? '?' : String(p.ageYears);
  const atDeath = p.deceased && p.deceasedDate && p.ageYears !== null ? ' at death' : '';
  return `Patient ${visible(p.id ?? '(no Patient resource)')} · ${p.gender ?? 'gender unknown'} · ${age} years${atDeath} · as of ${asOf}`;
}

/** Live mode: the queries that did not complete, each with its status and reason. */
function queryLines(report: EvaluationReport): string[] {
  const queries = (report.dataStatus as { queries?: readonly QueryStatus[] }).queries;
  if (!queries) return [];
  const incomplete = queries.filter((q) => q.status !== 'complete');
  return ['', `FHIR QUERIES (${queries.length}, ${incomplete.length} not complete)`, ...incomplete.map((q) => visible(`  ${q.name}: ${q.status}${q.reason ? ` (${q.reason})` : ''}`))];
}

export function formatText(report: EvaluationReport): string {
  const deceased = deceasedLine(report.patient);
  const out = [...(deceased ? [deceased] : []), patientLine(report.patient, report.asOf)];
  const section = (title: string, findings: Finding[], detailed = true) => {
    out.push('', `${title} (${findings.length})`);
    if (!findings.length) out.push('  none');
    for (const f of findings) out.push(...(detailed ? block(f) : [`  ${f.ruleId}: ${visible(f.summary)}`]));
  };
  const fs = report.findings;
  section('RED FLAGS', fs.filter((f) => f.redFlag && f.outcome === 'flagged'));
  section('LIKELY CONTRIBUTORS', fs.filter((f) => !f.redFlag && f.outcome === 'flagged'));
  section('COULD NOT CHECK', fs.filter((f) => f.outcome === 'insufficient-data'));
  // Second round: orders and conditions still marked active long after they would have ended.
  const ask = recordQuestions(fs);
  if (ask.length) out.push('', `RECORD MAY BE OUT OF DATE (${ask.length})`, ...ask.map((q) => visible(`  ${q.text} [${q.ruleIds.join(', ')}]`)));
  section('ERRORS', fs.filter((f) => f.outcome === 'error'));
  section('CHECKED, NOT FOUND', fs.filter((f) => f.outcome === 'not-flagged'), false);
  out.push(...queryLines(report));
  const dropped = Object.entries(report.dataStatus.dropped);
  if (dropped.length) out.push('', 'DATA NOT USED', ...dropped.map(([why, n]) => visible(`  ${n} × ${why}`)));
  return out.join('\n');
}
