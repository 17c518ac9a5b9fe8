/**
 * The facts the handout's safety suppressions need, read once from the patient record with the
 * engine's own code lists, primitives and rules (knowledge base section 8; issue 6 point 2).
 *
 * Each fact is three-valued, like the engine's criteria:
 * - `yes`: present on the record (or a rule that decides it fired);
 * - `no`: looked for and absent, every input it needs read and normal;
 * - `unknown`: it could not be decided (a source could not be read, a needed result is missing).
 * The suppressions treat `unknown` like `yes` (they remove the risky advice) but the handout then
 * words its replacement neutrally, so nothing alarming is said about a fact nobody established.
 *
 * Rule-backed facts prefer the engine's finding; when the caller passes findings without that rule
 * (a subset), the rule's own criteria are evaluated on the same record, so the answer is the same.
 */
import { HYPONATRAEMIA } from '../../rules/codes/conditions/metabolic.js';
import { HEART_FAILURE } from '../../rules/codes/conditions/vascular.js';
import type { ConditionCodeList } from '../../rules/codes/conditions/types.js';
import { ALL_RULES } from '../../rules/index.js';
import { EvaluationContext } from '../../rules/engine/context.js';
import type { Criterion, Truth } from '../../rules/engine/criterion.js';
import { activeConditionIn } from '../../rules/engine/primitives/condition.js';
import type { DayString, PatientRecord } from '../../rules/engine/record.js';
import type { Finding } from '../../rules/engine/types.js';
import { HEART_DISEASE, HYPERTENSION, LIVER_DISEASE } from './safety-condition-lists.js';

export const SAFETY_FACTS = [
  'kidneyDisease',
  'dialysis',
  'potassiumSparingDiuretic',
  'heartFailure',
  'hyponatraemia',
  'cirrhosis',
  'liverDisease',
  'hypertension',
  'heartDisease',
  'pregnant',
  'child',
] as const;
export type SafetyFactName = (typeof SAFETY_FACTS)[number];

export type FactState = 'yes' | 'no' | 'unknown';

export interface SafetyFact {
  readonly state: FactState;
  /**
   * What decided it, for the traceability footer: rule ids (`cond-dialysis`) or the code list
   * read directly (`condition:handout-hypertension`). Only the inputs that made it `yes` when it
   * is `yes`; the undecided ones when it is `unknown`; empty when it is `no`.
   */
  readonly basis: readonly string[];
}

export type SafetyContext = Readonly<Record<SafetyFactName, SafetyFact>>;

const RULES_BY_ID = new Map(ALL_RULES.map((r) => [r.id, r]));
const STATE_BY_TRUTH: Record<Truth, FactState> = { true: 'yes', false: 'no', unknown: 'unknown' };

const fact = (state: FactState, basis: readonly string[]): SafetyFact => ({ state, basis: state === 'no' ? [] : basis });

/** Kleene OR: yes if any input is yes; no only if every input is no. */
export function anyFact(...facts: readonly SafetyFact[]): SafetyFact {
  const yes = facts.filter((f) => f.state === 'yes');
  if (yes.length) return fact('yes', unique(yes.flatMap((f) => f.basis)));
  const unknown = facts.filter((f) => f.state === 'unknown');
  if (unknown.length) return fact('unknown', unique(unknown.flatMap((f) => f.basis)));
  return fact('no', []);
}

const unique = (xs: readonly string[]) => [...new Set(xs)];

class FactReader {
  private readonly ctx: EvaluationContext;
  private readonly byRule: ReadonlyMap<string, Finding>;

  constructor(record: PatientRecord, asOf: DayString, findings: readonly Finding[]) {
    this.ctx = new EvaluationContext(record, asOf);
    this.byRule = new Map(findings.map((f) => [f.ruleId, f]));
  }

  /** A rule's verdict: its finding when given, else its criteria evaluated on this record. */
  rule(ruleId: string): SafetyFact {
    const f = this.byRule.get(ruleId);
    if (f) return fact(f.outcome === 'flagged' ? 'yes' : f.outcome === 'not-flagged' ? 'no' : 'unknown', [ruleId]);
    const rule = RULES_BY_ID.get(ruleId);
    if (!rule) return fact('unknown', [ruleId]);
    return this.criterion(rule.criteria, ruleId);
  }

  conditionIn(list: ConditionCodeList): SafetyFact {
    return this.criterion(activeConditionIn([list], list.name), `condition:${list.id}`);
  }

  private criterion(c: Criterion, basis: string): SafetyFact {
    try {
      return fact(STATE_BY_TRUTH[c.evaluate(this.ctx).truth], [basis]);
    } catch {
      // A primitive that fails on odd data must not break the handout: undecided, so cautious.
      return fact('unknown', [basis]);
    }
  }
}

/** Record + as-of date + the engine's findings → the handout's safety facts. Pure. */
export function computeSafetyContext(record: PatientRecord, asOf: DayString, findings: readonly Finding[]): SafetyContext {
  const r = new FactReader(record, asOf, findings);
  const dialysis = r.rule('cond-dialysis');
  const cirrhosis = r.rule('cond-cirrhosis');
  const heartFailure = r.conditionIn(HEART_FAILURE);
  return {
    dialysis,
    kidneyDisease: anyFact(dialysis, r.rule('cond-chronic-kidney-disease'), r.rule('lab-reduced-kidney-function')),
    potassiumSparingDiuretic: r.rule('med-potassium-sparing-diuretic'),
    heartFailure,
    hyponatraemia: anyFact(r.rule('lab-low-sodium'), r.conditionIn(HYPONATRAEMIA)),
    cirrhosis,
    liverDisease: anyFact(cirrhosis, r.conditionIn(LIVER_DISEASE)),
    hypertension: r.conditionIn(HYPERTENSION),
    heartDisease: anyFact(heartFailure, r.conditionIn(HEART_DISEASE)),
    pregnant: r.rule('cond-pregnancy'),
    child: r.rule('redflag-pediatric'),
  };
}

/**
 * A context built by hand: every fact `fallback` unless overridden, the basis marked `set by hand`.
 * With `unknown` it is the cautious default when the record could not be read at all.
 */
export function safetyContextOf(fallback: FactState, overrides: Partial<Record<SafetyFactName, FactState>> = {}): SafetyContext {
  const out = {} as Record<SafetyFactName, SafetyFact>;
  for (const name of SAFETY_FACTS) out[name] = fact(overrides[name] ?? fallback, ['set by hand']);
  return out;
}
