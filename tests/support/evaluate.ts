/**
 * Test helpers: evaluate a built Bundle through the real mappers and engine, and pick findings.
 */
import { expect } from 'vitest';
import type { Finding, Outcome } from '../../rules/engine/types.js';
import { evaluateBundleJson, type EvaluationReport } from '../../src/evaluation/evaluate-bundle.js';
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
