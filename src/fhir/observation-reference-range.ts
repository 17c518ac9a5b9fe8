/**
 * Observation.referenceRange → the lab's own range, when it can be right.
 *
 * A range that is inverted (lower limit above the upper), has a negative limit, or whose unit code
 * and unit text disagree is left out, with what was left out and why (rule catalogue, second round:
 * "A reference range that is inverted, negative ... is ignored: the default threshold is used and
 * the evidence says why"). A range far from a rule's default (more than four times) can only be
 * judged against that default, so the engine does that part (rules/engine/primitives/lab-threshold.ts).
 *
 * A bound without a unit is in the unit of the value it accompanies (common in lab feeds); a bound
 * in a unit the engine does not know is dropped on its own, as before.
 */
import type { IgnoredRange, QuantityValue, ReferenceRange } from '../../rules/engine/record.js';
import { formatNumber, readUnit, toCanonical } from '../../rules/engine/units.js';
import { arr, field, num, obj, str, type Json, type JsonObject } from './fhir-values.js';

interface Bound {
  readonly value: number;
  /** The unit key, when the bound's unit can be read. */
  readonly unit?: string;
  /** The unit as sent, for showing the range that was left out. */
  readonly shownUnit?: string;
  /** The bound's unit code and text disagree, or an eGFR bound is not per 1.73 m². */
  readonly unitProblem?: string;
}

function readBound(analyte: string, q: Json, valueUnit: string): Bound | undefined {
  const qo = obj(q);
  const value = num(field(qo, 'value'));
  if (value === undefined) return undefined;
  const code = str(field(qo, 'code'));
  const text = str(field(qo, 'unit'));
  // Shown in evidence notes only: a unit text is short, anything longer is not a unit.
  const shownUnit = (text ?? code ?? valueUnit).slice(0, 24);
  const u = readUnit(analyte, code, text);
  if ('key' in u) return { value, unit: u.key, shownUnit };
  if (u.problem === 'missing-unit') return { value, unit: valueUnit, shownUnit };
  if (u.problem === 'unit-conflict') return { value, shownUnit, unitProblem: 'its unit code and unit text disagree' };
  if (u.problem === 'not-per-body-surface') return { value, shownUnit, unitProblem: 'its unit is not per 1.73 m²' };
  return undefined;
}

function canonical(analyte: string, b: Bound): number | undefined {
  return b.unit ? toCanonical(analyte, b.value, b.unit) : undefined;
}

/** Why a range cannot be right, or undefined when it can. */
function brokenBecause(analyte: string, low: Bound | undefined, high: Bound | undefined): string | undefined {
  const unitProblem = low?.unitProblem ?? high?.unitProblem;
  if (unitProblem) return unitProblem;
  if ((low && low.value < 0) || (high && high.value < 0)) return 'a limit is negative';
  const lo = low && canonical(analyte, low);
  const hi = high && canonical(analyte, high);
  if (lo !== undefined && hi !== undefined && lo > hi) return 'its lower limit is above its upper limit';
  return undefined;
}

/** "42–50 mmol/L", or "3.5 mmol/L–5.1 mg/dL" when the bounds' units differ. */
function describe(low: Bound | undefined, high: Bound | undefined): string {
  const lowText = low ? formatNumber(low.value) : '';
  const highText = high ? formatNumber(high.value) : '';
  if (!low || !high || low.shownUnit === high.shownUnit) return `${lowText}–${highText} ${(low ?? high)!.shownUnit ?? ''}`.trim();
  return `${lowText} ${low.shownUnit ?? ''}–${highText} ${high.shownUnit ?? ''}`.trim();
}

const quantity = (b: Bound | undefined): QuantityValue | undefined => (b?.unit ? { value: b.value, unit: b.unit } : undefined);

export type RangeReading = { readonly range: ReferenceRange } | { readonly ignored: IgnoredRange };

/** The first range with a lower or upper limit (FHIR lists the normal range first), read for an analyte whose value is in `valueUnit`. */
export function readReferenceRange(analyte: string, obs: JsonObject, valueUnit: string): RangeReading | undefined {
  for (const r of arr(field(obs, 'referenceRange')).map(obj)) {
    const low = readBound(analyte, field(r, 'low'), valueUnit);
    const high = readBound(analyte, field(r, 'high'), valueUnit);
    if (!low && !high) continue;
    const why = brokenBecause(analyte, low, high);
    if (why) return { ignored: { range: describe(low, high), why } };
    const lowQ = quantity(low);
    const highQ = quantity(high);
    const text = str(field(r, 'text'));
    return { range: { ...(lowQ ? { low: lowQ } : {}), ...(highQ ? { high: highQ } : {}), ...(text ? { text } : {}) } };
  }
  return undefined;
}
