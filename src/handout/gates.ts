/**
 * Deciding a content block's gate (content/spec.ts) for one handout.
 */
import type { Finding } from '../../rules/engine/types.js';
import type { Gate, SuppressionId } from './content/spec.js';
import { ingredientsIn } from './finding-facts.js';
import type { SectionId } from './model.js';
import type { SafetyContext } from './safety-context.js';
import type { SuppressionState } from './suppressions.js';

export interface GateInputs {
  readonly context: SafetyContext;
  readonly suppressions: Readonly<Record<SuppressionId, SuppressionState>>;
  /** Sections a relevant finding asked for (before folding, whether or not the clinician prints them). */
  readonly fed: ReadonlySet<SectionId>;
  readonly redFlagFired: boolean;
  /** Findings by rule id. */
  readonly findings: ReadonlyMap<string, Finding>;
  /** True when the clinician marked this rule's finding "not relevant". */
  readonly dismissed: (ruleId: string) => boolean;
}

function findingHolds(gate: { finding: string; outcome?: string; uses?: readonly string[] }, i: GateInputs): boolean {
  const f = i.findings.get(gate.finding);
  if (!f) return false;
  const outcome = gate.outcome ?? 'flagged';
  if (f.outcome !== outcome) return false;
  // A red flag keeps its words whatever the mark, as its action in the urgent box does.
  if (outcome === 'flagged' && !f.redFlag && i.dismissed(f.ruleId)) return false;
  return gate.uses ? ingredientsIn(f, gate.uses, ['trigger', 'supporting']).length > 0 : true;
}

export function gateHolds(gate: Gate, i: GateInputs): boolean {
  if ('suppression' in gate) {
    const state = i.suppressions[gate.suppression];
    return gate.basis ? state === gate.basis : state !== 'inactive';
  }
  if ('fact' in gate) return i.context[gate.fact].state === gate.is;
  if ('section' in gate) return i.fed.has(gate.section);
  if ('redFlagFired' in gate) return i.redFlagFired === gate.redFlagFired;
  if ('finding' in gate) return findingHolds(gate, i);
  if ('all' in gate) return gate.all.every((g) => gateHolds(g, i));
  if ('any' in gate) return gate.any.some((g) => gateHolds(g, i));
  return !gateHolds(gate.not, i);
}
