/**
 * The evaluator's JSON shape (issue 3, a contract): {asOf, patient, findings, dataStatus}, every
 * catalogue rule exactly once in `findings`, red flags first. Extra fields extend it (title,
 * urgency, detail, handoutSections); the criterion trace only with --trace, to keep output short.
 */
import { flattenTrace } from '../../rules/engine/criterion.js';
import type { Finding } from '../../rules/engine/types.js';
import type { EvaluationReport } from '../evaluation/evaluate-bundle.js';

function findingJson(f: Finding, trace: boolean) {
  return {
    ruleId: f.ruleId,
    version: f.version,
    title: f.title,
    outcome: f.outcome,
    redFlag: f.redFlag,
    grade: f.grade,
    ...(f.urgency ? { urgency: f.urgency } : {}),
    summary: f.summary,
    detail: f.detail,
    evidence: f.evidence,
    missing: f.missing,
    ...(f.questions.length ? { questions: f.questions } : {}),
    nextStep: f.nextStep,
    citations: f.citations,
    handoutSections: f.handoutSections,
    ...(f.error ? { error: f.error } : {}),
    ...(trace ? { trace: flattenTrace(f.trace) } : {}),
  };
}

export function reportJson(report: EvaluationReport, options: { trace: boolean }) {
  return {
    asOf: report.asOf,
    patient: report.patient,
    findings: report.findings.map((f) => findingJson(f, options.trace)),
    dataStatus: report.dataStatus,
  };
}

/**
 * One report as one NDJSON line, in one string so it is written in one piece. One native
 * JSON.stringify of the whole report is the fastest way found to make it: serialising member by
 * member to reuse each rule's constant text (citations, detail, next step: three quarters of the
 * bytes) measured two to three times slower than this, in V8 (see the README's benchmarks).
 */
export function reportJsonLine(report: EvaluationReport, options: { trace: boolean }): string {
  return `${JSON.stringify(reportJson(report, options))}\n`;
}
