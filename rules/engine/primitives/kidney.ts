/**
 * eGFR read with the KDIGO 2012 categories (knowledge base B9; S33): the stage of the latest value,
 * and whether a reduced eGFR has lasted (KDIGO defines chronic kidney disease as GFR below 60 for
 * more than 3 months; the catalogue's decision reads "two values at least 90 days apart, both
 * below 60").
 *
 * An eGFR sent in mL/min (as Synthea sends some MDRD 33914-3 results) is unusable: the mapper
 * refuses it as `not-per-body-surface` (rule catalogue, second round: mL/min is a clearance, not an
 * eGFR; units.ts), so only results per 1.73 m² reach this primitive.
 */
import type { EvaluationContext } from '../context.js';
import { criterion, type Criterion } from '../criterion.js';
import type { DurationParameter, ThresholdParameter } from '../parameters.js';
import type { LabResult } from '../record.js';
import { daysBetween, lookbackStart } from '../time.js';
import { labEvidence, resultText, selectLab } from './lab-selection.js';
import { bandOf, isBelow } from './lab-category.js';

export interface KdigoStageLimits {
  /** Below this: G3b or worse (45). */
  readonly g3b: ThresholdParameter;
  /** Below this: G4 or worse (30). */
  readonly g4: ThresholdParameter;
  /** Below this: G5 (15). */
  readonly g5: ThresholdParameter;
}

/** The KDIGO category of an eGFR already known to be below 60: G3a 45–59, G3b 30–44, G4 15–29, G5 below 15. */
export function kdigoStage(r: LabResult, s: KdigoStageLimits): string {
  return bandOf(r, [{ name: 'G5', below: s.g5 }, { name: 'G4', below: s.g4 }, { name: 'G3b', below: s.g3b }], 'G3a');
}

/**
 * The earliest usable result in the window that starts an unbroken run of values below `limit`
 * reaching the latest result, provided it lies at least `apart` before the latest one; undefined
 * when the low values have not lasted that long (or a value at or above the limit broke the run).
 */
export function sustainedSince(inWindow: readonly LabResult[], limit: ThresholdParameter, apart: DurationParameter): LabResult | undefined {
  const latest = inWindow[0];
  if (!latest?.date) return undefined;
  const atLatest = lookbackStart(latest.date, apart.iso);
  let earliest: LabResult | undefined;
  for (const r of inWindow) { // newest first
    if (!isBelow(r, limit)) break;
    if (r.date && r.date <= atLatest) earliest = r;
  }
  return earliest;
}

export interface EgfrFactsOptions {
  readonly limit: ThresholdParameter;
  readonly stages: KdigoStageLimits;
  readonly chronicity: DurationParameter;
  readonly lookback: string;
}

/**
 * Wraps the eGFR threshold criterion: when it is true, adds the KDIGO stage (`stage`) and, when a
 * reduced eGFR has lasted, `sustained: true`, `earlierValue`, `earlierDate` and the earlier result
 * as supporting evidence.
 */
export function withKdigoStage(base: Criterion, o: EgfrFactsOptions): Criterion {
  return criterion(base.label, (ctx: EvaluationContext) => {
    const r = base.evaluate(ctx);
    if (r.truth !== 'true') return r;
    const sel = selectLab(ctx, 'egfr', o.lookback);
    const latest = sel.latest!;
    const earlier = sustainedSince(sel.inWindow, o.limit, o.chronicity);
    const facts = { ...r.facts, stage: kdigoStage(latest, o.stages), sustained: !!earlier, ...(earlier ? { earlierValue: resultText(earlier), earlierDate: earlier.date! } : {}) };
    const evidence = earlier
      ? [...r.evidence, labEvidence(earlier, 'supporting', `also below ${o.limit.value} ${o.limit.unit} ${daysBetween(earlier.date!, latest.date!)} days before the latest, with no value at or above it in between`)]
      : r.evidence;
    return { ...r, evidence, facts };
  });
}
