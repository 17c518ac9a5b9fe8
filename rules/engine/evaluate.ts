/**
 * Evaluate every rule for one patient. Pure and synchronous: (record, asOf) → findings.
 * One failing rule becomes an `error` finding and never hides the others. Red flags come first,
 * then the rest in catalogue order.
 */
import { EvaluationContext } from './context.js';
import type { CriterionResult } from './criterion.js';
import type { PatientRecord } from './record.js';
import { isValidDay } from './time.js';
import type { Finding, Outcome, RuleDefinition, RuleSummaryInput } from './types.js';

export const SUMMARY_MAX = 140;

const OUTCOME_BY_TRUTH = { true: 'flagged', false: 'not-flagged', unknown: 'insufficient-data' } as const satisfies Record<string, Outcome>;

function text(t: string | ((r: RuleSummaryInput) => string), input: RuleSummaryInput): string {
  return typeof t === 'string' ? t : t(input);
}

/** Keep the one-line contract even if a template produces a long line. */
export function clampSummary(s: string): string {
  const one = s.length <= SUMMARY_MAX && !/\s\s|[\n\r\t]|^\s|\s$/.test(s) ? s : s.replace(/\s+/g, ' ').trim();
  return one.length <= SUMMARY_MAX ? one : `${one.slice(0, SUMMARY_MAX - 1).trimEnd()}…`;
}

function findingFrom(rule: RuleDefinition, r: CriterionResult): Finding {
  const outcome = OUTCOME_BY_TRUTH[r.truth];
  const input: RuleSummaryInput = { evidence: r.evidence, missing: r.missing, facts: r.facts };
  const summary = outcome === 'flagged' ? rule.summary.flagged : outcome === 'not-flagged' ? rule.summary.notFlagged : rule.summary.insufficient;
  const urgency = outcome === 'flagged' && rule.urgency ? (typeof rule.urgency === 'function' ? rule.urgency(input) : rule.urgency) : undefined;
  return {
    ruleId: rule.id,
    version: rule.version,
    title: rule.title,
    outcome,
    redFlag: rule.redFlag,
    grade: rule.grade,
    summary: clampSummary(text(summary, input)),
    detail: text(rule.detail, input),
    // Only a flagged finding has triggers: in any other outcome, what was found is context.
    evidence: outcome === 'flagged' ? r.evidence : r.evidence.map((e) => (e.role === 'trigger' ? { ...e, role: 'supporting' as const } : e)),
    missing: outcome === 'flagged' ? [] : r.missing,
    questions: r.questions ?? [],
    nextStep: text(rule.nextStep, input),
    citations: rule.citations,
    handoutSections: typeof rule.handoutSections === 'function' ? rule.handoutSections(input) : rule.handoutSections,
    ...(urgency ? { urgency } : {}),
    trace: r.trace,
  };
}

function errorFinding(rule: RuleDefinition, err: unknown): Finding {
  return {
    ruleId: rule.id,
    version: rule.version,
    title: rule.title,
    outcome: 'error',
    redFlag: rule.redFlag,
    grade: rule.grade,
    summary: clampSummary(`${rule.title}: the rule failed; this cause was not checked`),
    detail: 'The rule could not be evaluated. The other rules are unaffected.',
    evidence: [],
    missing: ['the rule failed, so this cause was not checked'],
    questions: [],
    nextStep: text(rule.nextStep, { evidence: [], missing: [], facts: {} }),
    citations: rule.citations,
    handoutSections: [],
    trace: { criterion: 'the rule failed before deciding', result: 'unknown' },
    error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
  };
}

export function evaluateRule(rule: RuleDefinition, ctx: EvaluationContext): Finding {
  try {
    return findingFrom(rule, rule.criteria.evaluate(ctx));
  } catch (err) {
    return errorFinding(rule, err);
  }
}

export function evaluateRecord(record: PatientRecord, asOf: string, rules: readonly RuleDefinition[]): Finding[] {
  if (!isValidDay(asOf)) throw new RangeError(`asOf must be a calendar date YYYY-MM-DD, got ${JSON.stringify(asOf)}`);
  const ctx = new EvaluationContext(record, asOf);
  const findings = rules.map((rule) => evaluateRule(rule, ctx));
  return [...findings.filter((f) => f.redFlag), ...findings.filter((f) => !f.redFlag)];
}
