/**
 * Safety suppressions, done by rule (issue 6 point 2; knowledge base sections 8 and 10.4, rows D4,
 * D9, D12). Each one names the facts that switch it on and the advice topics it removes from every
 * section. Content blocks declare their topics (content/spec.ts), so no section can slip risky
 * advice past a suppression by forgetting to check for it.
 *
 * A suppression is `known` when one of its facts is `yes`, `unknown` when none is `yes` but one
 * could not be decided (the risky advice is still removed, and only neutral replacement wording
 * is shown), and inactive when every fact is `no`.
 */
import type { AdviceTopic, SuppressionId } from './content/spec.js';
import type { AppliedSuppression } from './model.js';
import { anyFact, type SafetyContext, type SafetyFactName } from './safety-context.js';

export interface Suppression {
  readonly id: SuppressionId;
  readonly facts: readonly SafetyFactName[];
  readonly removes: readonly AdviceTopic[];
  /** Why, in the knowledge base's terms, for reviewers. */
  readonly why: string;
}

export const SUPPRESSIONS: readonly Suppression[] = [
  {
    id: 'potassium-caution',
    facts: ['kidneyDisease', 'dialysis', 'potassiumSparingDiuretic'],
    removes: ['potassium-food', 'salt-substitute'],
    why: 'KB section 8: potassium-rich diet and potassium salt substitutes risk hyperkalaemia with CKD, dialysis or a potassium-sparing diuretic (A1, C3, C4).',
  },
  {
    id: 'fluid-limit',
    facts: ['dialysis', 'heartFailure', 'hyponatraemia', 'cirrhosis'],
    removes: ['drink-more'],
    why: 'KB section 8 and D4: "increase fluid intake" is unsafe with a fluid limit (dialysis, heart failure, hyponatraemia, cirrhosis).',
  },
  {
    id: 'salt-caution',
    facts: ['hypertension', 'heartDisease', 'heartFailure', 'kidneyDisease', 'dialysis', 'liverDisease', 'cirrhosis'],
    removes: ['salt'],
    why: 'KB section 8 and D9: extra salt harms in hypertension, heart failure, CKD and cirrhosis; salt advice must respect them.',
  },
  {
    id: 'pregnancy',
    facts: ['pregnant'],
    removes: ['supplement', 'adult-habits'],
    why: 'KB 10.4 and C1: no supplement suggestion unless the obstetric team agrees; quinine and tonic water are excluded (the pregnancy section says so); no alcohol.',
  },
  {
    id: 'child',
    facts: ['child'],
    removes: ['adult-habits'],
    why: 'KB D12: every under-18 goes to the pediatrician (the children section); adult lifestyle wording does not apply.',
  },
];

export type SuppressionState = 'known' | 'unknown' | 'inactive';

export function suppressionState(s: Suppression, context: SafetyContext): { state: SuppressionState; sources: readonly string[] } {
  const combined = anyFact(...s.facts.map((f) => context[f]));
  return { state: combined.state === 'yes' ? 'known' : combined.state === 'unknown' ? 'unknown' : 'inactive', sources: combined.basis };
}

export interface ActiveSuppressions {
  readonly states: Readonly<Record<SuppressionId, SuppressionState>>;
  /** Topics removed from this handout. */
  readonly removed: ReadonlySet<AdviceTopic>;
  readonly applied: readonly AppliedSuppression[];
}

export function activeSuppressions(context: SafetyContext): ActiveSuppressions {
  const states = {} as Record<SuppressionId, SuppressionState>;
  const removed = new Set<AdviceTopic>();
  const applied: AppliedSuppression[] = [];
  for (const s of SUPPRESSIONS) {
    const { state, sources } = suppressionState(s, context);
    states[s.id] = state;
    if (state === 'inactive') continue;
    for (const t of s.removes) removed.add(t);
    applied.push({ id: s.id, basis: state, sources });
  }
  return { states, removed, applied };
}
