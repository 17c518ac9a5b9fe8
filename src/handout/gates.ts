/**
 * Deciding a content block's gate (content/spec.ts) for one handout.
 */
import type { Gate, SuppressionId } from './content/spec.js';
import type { SectionId } from './model.js';
import type { SafetyContext } from './safety-context.js';
import type { SuppressionState } from './suppressions.js';

export interface GateInputs {
  readonly context: SafetyContext;
  readonly suppressions: Readonly<Record<SuppressionId, SuppressionState>>;
  /** Sections a relevant finding asked for (before folding, whether or not the clinician prints them). */
  readonly fed: ReadonlySet<SectionId>;
  readonly redFlagFired: boolean;
}

export function gateHolds(gate: Gate, i: GateInputs): boolean {
  if ('suppression' in gate) {
    const state = i.suppressions[gate.suppression];
    return gate.basis ? state === gate.basis : state !== 'inactive';
  }
  if ('fact' in gate) return i.context[gate.fact].state === gate.is;
  if ('section' in gate) return i.fed.has(gate.section);
  if ('redFlagFired' in gate) return i.redFlagFired === gate.redFlagFired;
  if ('all' in gate) return gate.all.every((g) => gateHolds(g, i));
  if ('any' in gate) return gate.any.some((g) => gateHolds(g, i));
  return !gateHolds(gate.not, i);
}
