/**
 * Override reasons offered with the order cards (CDS Hooks 2.0: a list of Codings, each with a
 * `display`). The code system is this service's own; feedback names the reason by its code.
 */
import type { Coding } from './card.js';

export const OVERRIDE_REASON_SYSTEM = 'urn:leg-cramps-cds:override-reason';

const reason = (code: string, display: string): Coding => ({ system: OVERRIDE_REASON_SYSTEM, code, display });

export const QUININE_OVERRIDE_REASONS: readonly Coding[] = [
  reason('treating-malaria', 'Treating malaria, not leg cramps'),
  reason('informed-patient-insists', 'Patient told the risks and insists'),
  reason('specialist-care', 'Already taking it under specialist care'),
];

export const DIURETIC_OVERRIDE_REASONS: readonly Coding[] = [
  reason('tested-elsewhere', 'Potassium and magnesium were tested elsewhere'),
  reason('tests-planned', 'Tests already planned for this visit'),
];

export const OVERRIDE_REASONS: readonly Coding[] = [...QUININE_OVERRIDE_REASONS, ...DIURETIC_OVERRIDE_REASONS];
