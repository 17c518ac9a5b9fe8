/**
 * Named parameters: every number a clinician might argue with is a field of the rule, with its
 * UCUM unit, its source and its verification marker. Criteria read the same objects, so the value
 * a reviewer reads in the rule file is the value the engine uses.
 */
import type { Verification } from './types.js';

export interface ThresholdParameter {
  readonly kind: 'threshold';
  readonly description: string;
  readonly value: number;
  /** UCUM unit, as a unit key from `units.ts` (mg/dL, mmol/L, mEq/L, %, ...). */
  readonly unit: string;
  /**
   * The same limit as the source states it in other units (1.7 mg/dL = 0.70 mmol/L = 1.4 mEq/L).
   * A result in one of these units is compared in its own unit, so a boundary value is never
   * pushed across the line by rounding in a conversion.
   */
  readonly alternates?: Readonly<Record<string, number>>;
  readonly marker: Verification;
  readonly source: string;
}

export interface DurationParameter {
  readonly kind: 'duration';
  readonly description: string;
  /** ISO 8601 duration: P3M, P12M, P90D, P40W. */
  readonly iso: string;
  readonly source: string;
}

export interface NumberParameter {
  readonly kind: 'number';
  readonly description: string;
  readonly value: number;
  readonly unit?: string;
  readonly marker?: Verification;
  readonly source: string;
}

export type RuleParameter = ThresholdParameter | DurationParameter | NumberParameter;

export const threshold = (
  description: string,
  value: number,
  unit: string,
  source: string,
  marker: Verification,
  alternates?: Readonly<Record<string, number>>,
): ThresholdParameter => ({ kind: 'threshold', description, value, unit, ...(alternates ? { alternates } : {}), marker, source });

export const duration = (description: string, iso: string, source: string): DurationParameter => ({ kind: 'duration', description, iso, source });

export const count = (description: string, value: number, source: string, unit?: string, marker?: Verification): NumberParameter => ({
  kind: 'number',
  description,
  value,
  ...(unit ? { unit } : {}),
  ...(marker ? { marker } : {}),
  source,
});

/** The shared lookbacks from the rule catalogue's decisions. */
export const LOOKBACKS = {
  electrolytes: duration('Electrolytes (K, Na, Mg, Ca total/ionised/corrected): most recent usable result within', 'P3M', 'rule catalogue, Decisions: lab lookbacks'),
  otherLabs: duration('Other labs: most recent usable result within', 'P12M', 'rule catalogue, Decisions: lab lookbacks'),
} as const;

/** "1.7 mg/dL (0.70 mmol/L, 1.4 mEq/L)" */
export function describeParameter(p: RuleParameter): string {
  switch (p.kind) {
    case 'threshold': {
      const alts = Object.entries(p.alternates ?? {}).map(([u, v]) => `${v} ${u}`);
      return `${p.value} ${p.unit}${alts.length ? ` (${alts.join(', ')})` : ''}`;
    }
    case 'duration':
      return p.iso;
    case 'number':
      return `${p.value}${p.unit ? ` ${p.unit}` : ''}`;
  }
}
