/**
 * Criteria are small typed checks that answer true, false or unknown (three-valued, Kleene logic),
 * and combine with all / any / not.
 *
 * Unknown is how "could not look" travels: a lab that is missing, a query that failed, a checklist
 * item nobody answered. It turns into `insufficient-data`, never into `not-flagged`, which is the
 * catalogue's rule: "not-flagged only when every input it needs was available and normal".
 */
import type { EvaluationContext } from './context.js';
import type { EvidenceItem, TraceLine } from './types.js';

/**
 * How a criterion decided, as a tree: one node per criterion, children for combined ones.
 * Built in constant time per node (no copying of children's lines); flattened once per finding.
 */
export interface TraceNode {
  readonly criterion: string;
  readonly result: Truth;
  readonly note?: string;
  readonly children?: readonly TraceNode[];
}

/** The tree as indented lines, for the evaluator's `--trace` output and the UI. */
export function flattenTrace(node: TraceNode, depth = 0, out: TraceLine[] = []): TraceLine[] {
  out.push({ criterion: `${'  '.repeat(depth)}${node.criterion}`, result: node.result, ...(node.note ? { note: node.note } : {}) });
  for (const child of node.children ?? []) flattenTrace(child, depth + 1, out);
  return out;
}

export type Truth = 'true' | 'false' | 'unknown';

export interface CriterionResult {
  readonly truth: Truth;
  /** Evidence gathered by this criterion and its children (triggers and what was checked). */
  readonly evidence: readonly EvidenceItem[];
  /** What could not be checked, in words. */
  readonly missing: readonly string[];
  /**
   * What to ask because the record may be out of date, whatever the truth: an old pregnancy or
   * cancer still marked active that was not counted. Kept from every child, true or false.
   */
  readonly questions?: readonly string[];
  /** Named facts for summaries and details (e.g. `stage: 'G3b'`, `correctedCalcium: 7.9`). */
  readonly facts: Readonly<Record<string, string | number | boolean>>;
  readonly trace: TraceNode;
}

export interface Criterion {
  /** Short description for the trace, e.g. "latest magnesium below lower limit (3 months)". */
  readonly label: string;
  evaluate(ctx: EvaluationContext): CriterionResult;
}

export function result(
  truth: Truth,
  label: string,
  parts: Partial<Omit<CriterionResult, 'truth' | 'trace'>> & { note?: string } = {},
): CriterionResult {
  return {
    truth,
    evidence: parts.evidence ?? [],
    missing: parts.missing ?? [],
    ...(parts.questions?.length ? { questions: parts.questions } : {}),
    facts: parts.facts ?? {},
    trace: parts.note ? { criterion: label, result: truth, note: parts.note } : { criterion: label, result: truth },
  };
}

export function criterion(label: string, evaluate: (ctx: EvaluationContext) => CriterionResult): Criterion {
  return { label, evaluate };
}

/** Merge children's evidence, missing, facts and trace under a parent result. */
function merge(truth: Truth, label: string, children: readonly CriterionResult[], keep: (c: CriterionResult) => boolean) {
  const kept = children.filter(keep);
  const evidence: EvidenceItem[] = [];
  const seen = new Set<string>();
  for (const c of kept) {
    for (const e of c.evidence) {
      const key = `${e.resourceType}/${e.id}/${e.code ?? ''}/${e.role}/${e.note ?? ''}`;
      if (!seen.has(key)) {
        seen.add(key);
        evidence.push(e);
      }
    }
  }
  const missing = [...new Set(kept.flatMap((c) => c.missing))];
  const questions = [...new Set(children.flatMap((c) => c.questions ?? []))];
  const facts = Object.assign({}, ...kept.map((c) => c.facts)) as Record<string, string | number | boolean>;
  return {
    truth,
    evidence,
    missing,
    ...(questions.length ? { questions } : {}),
    facts,
    trace: { criterion: label, result: truth, children: children.map((c) => c.trace) },
  } satisfies CriterionResult;
}

/**
 * True if any child is true (its evidence is kept); false only if every child is false;
 * otherwise unknown, and the missing inputs of the unknown children are reported.
 */
export function anyOf(label: string, ...children: Criterion[]): Criterion {
  return criterion(label, (ctx) => {
    const results = children.map((c) => c.evaluate(ctx));
    if (results.some((r) => r.truth === 'true')) return merge('true', label, results, (r) => r.truth === 'true');
    if (results.every((r) => r.truth === 'false')) return merge('false', label, results, () => true);
    return merge('unknown', label, results, () => true);
  });
}

/**
 * True only if every child is true; false if any child is false; otherwise unknown.
 * When false, the evidence of the true children is kept as context.
 */
export function allOf(label: string, ...children: Criterion[]): Criterion {
  return criterion(label, (ctx) => {
    const results = children.map((c) => c.evaluate(ctx));
    if (results.every((r) => r.truth === 'true')) return merge('true', label, results, () => true);
    if (results.some((r) => r.truth === 'false')) return merge('false', label, results, (r) => r.truth !== 'unknown');
    return merge('unknown', label, results, () => true);
  });
}

/** Negation swaps true and false; unknown stays unknown. Evidence roles are kept as they are. */
export function not(label: string, child: Criterion): Criterion {
  return criterion(label, (ctx) => {
    const r = child.evaluate(ctx);
    const truth: Truth = r.truth === 'true' ? 'false' : r.truth === 'false' ? 'true' : 'unknown';
    return { ...r, truth, trace: { criterion: label, result: truth, children: [r.trace] } };
  });
}

/** Add evidence from another criterion without letting it change the truth (e.g. labs beside a loop diuretic). */
export function withSupport(main: Criterion, support: Criterion): Criterion {
  return criterion(main.label, (ctx) => {
    const m = main.evaluate(ctx);
    if (m.truth !== 'true') return m;
    const s = support.evaluate(ctx);
    const extra = s.evidence
      .filter((e) => e.role === 'trigger')
      .map((e) => ({ ...e, role: 'supporting' as const }));
    const questions = [...new Set([...(m.questions ?? []), ...(s.questions ?? [])])];
    return { ...m, evidence: [...m.evidence, ...extra], ...(questions.length ? { questions } : {}), facts: { ...s.facts, ...m.facts }, trace: { ...m.trace, children: [...(m.trace.children ?? []), { ...s.trace, criterion: `(supporting) ${s.trace.criterion}` }] } };
  });
}
