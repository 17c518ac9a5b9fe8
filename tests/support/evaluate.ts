/**
 * Test helpers: evaluate a built Bundle through the real mappers and engine, and pick findings.
 */
import { expect } from 'vitest';
import type { Finding, Outcome } from '../../rules/engine/types.js';
import type { SourceStatus } from '../../rules/engine/record.js';
import { buildReport, evaluateBundleJson, type EvaluationReport } from '../../src/evaluation/evaluate-bundle.js';
import { mapRecord } from '../../src/fhir/map-record.js';
import { readBundle } from '../../src/fhir/read-bundle.js';
import type { BundleBuilder } from './fhir-builder.js';

export const AS_OF = '2026-11-21';

export function run(builder: BundleBuilder | Record<string, unknown>, asOf = AS_OF): EvaluationReport {
  const json = 'bundle' in builder && typeof builder.bundle === 'function' ? (builder as BundleBuilder).bundle() : builder;
  return evaluateBundleJson(json, asOf);
}

export function finding(report: EvaluationReport, ruleId: string): Finding {
  const f = report.findings.find((x) => x.ruleId === ruleId);
  if (!f) throw new Error(`no finding for ${ruleId}; rules present: ${report.findings.map((x) => x.ruleId).join(', ')}`);
  return f;
}

/** Evaluate and return one rule's finding, asserting its outcome. */
export function expectOutcome(builder: BundleBuilder, ruleId: string, outcome: Outcome, asOf = AS_OF): Finding {
  const f = finding(run(builder, asOf), ruleId);
  expect(f.outcome, `${ruleId}: ${f.summary} | missing: ${f.missing.join('; ')} | evidence: ${JSON.stringify(f.evidence)}`).toBe(outcome);
  return f;
}

export function triggers(f: Finding) {
  return f.evidence.filter((e) => e.role === 'trigger');
}

/**
 * Evaluate as if some sources could not be read, the way the live data layer reports them:
 * e.g. `{ Condition: { state: 'failed', reason: 'HTTP 503' } }` or
 * `{ 'Observation:potassium': { state: 'not-authorised' } }`. Unlisted sources are complete.
 */
export function runWithSources(builder: BundleBuilder, sources: Record<string, SourceStatus>, asOf = AS_OF): EvaluationReport {
  const bundle = readBundle(builder.bundle());
  const { record, report } = mapRecord(bundle.set, { ...(bundle.patientId ? { patientId: bundle.patientId } : {}), sources: { '*': { state: 'complete' }, ...sources } });
  return buildReport(record, report, asOf);
}
