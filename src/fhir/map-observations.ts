/**
 * Observation → LabResult or CodedObservation, by LOINC code (every code the knowledge base lists
 * per analyte, rules/codes/labs.ts). Observations the rules do not need are skipped.
 *
 * Values are refused rather than guessed: a comparator (`<0.5`), a `valueString`, a missing or
 * unknown unit, an implausible number, a status outside preliminary/final/amended/corrected, or no
 * date make a result unusable, and it is kept with the reason so a rule can say why it could not
 * use it. Units are converted explicitly per analyte (rules/engine/units.ts).
 */
import { ANALYTES, ANALYTE_BY_LOINC, type AnalyteId } from '../../rules/codes/labs.js';
import { CODED_OBSERVATION_BY_LOINC } from '../../rules/codes/observations.js';
import type { CodedObservation, CodingRef, LabResult, QuantityValue, ReferenceRange, UnusableReason } from '../../rules/engine/record.js';
import { isLoinc } from '../../rules/engine/code-systems.js';
import { ANALYTE_UNITS, normaliseUnitFor, toCanonical } from '../../rules/engine/units.js';
import { arr, ccText, codings, day, field, num, obj, period, resourceId, str, type JsonObject } from './fhir-values.js';
import type { MappingReport } from './mapping-report.js';

const USABLE_STATUS = new Set(['preliminary', 'final', 'amended', 'corrected']);

/** Interpretation words some senders use instead of v3 codes. */
const INTERPRETATION_WORDS: Readonly<Record<string, string>> = { low: 'L', high: 'H', normal: 'N', 'critically low': 'LL', 'critically high': 'HH', 'critical low': 'LL', 'critical high': 'HH' };

type Target = { kind: 'lab'; analyte: AnalyteId; code: CodingRef } | { kind: 'coded'; id: string; code: CodingRef };

/**
 * Which analyte an Observation reports, if any. Runs for every Observation of the record, most of
 * which the rules never need, so it looks the code up before building anything.
 */
function target(obs: JsonObject): Target | undefined {
  for (const raw of arr(field(obj(field(obs, 'code')), 'coding'))) {
    const rc = obj(raw);
    const codeValue = str(field(rc, 'code'));
    if (!codeValue) continue;
    const analyte = ANALYTE_BY_LOINC.get(codeValue);
    const coded = analyte ? undefined : CODED_OBSERVATION_BY_LOINC.get(codeValue);
    if (!analyte && !coded) continue;
    const system = str(field(rc, 'system')) ?? '';
    if (!isLoinc(system)) continue;
    const display = str(field(rc, 'display'));
    const code: CodingRef = display ? { system, code: codeValue, display } : { system, code: codeValue };
    return analyte ? { kind: 'lab', analyte, code } : { kind: 'coded', id: coded!, code };
  }
  return undefined;
}

/** The effective dateTime exactly as sent (for ordering within a day). */
function effectiveInstant(obs: JsonObject): string | undefined {
  return str(field(obs, 'effectiveDateTime')) ?? str(field(obs, 'effectiveInstant')) ?? str(field(obj(field(obs, 'effectivePeriod')), 'end')) ?? str(field(obj(field(obs, 'effectivePeriod')), 'start'));
}

function effectiveDay(obs: JsonObject): string | undefined {
  const p = period(field(obs, 'effectivePeriod'));
  return day(field(obs, 'effectiveDateTime')) ?? day(field(obs, 'effectiveInstant')) ?? p.end ?? p.start ?? day(field(obs, 'issued'));
}

/** A Quantity's unit as an accepted key for this analyte: the UCUM `code` first, then the `unit` text. */
function quantityUnit(analyte: AnalyteId, q: JsonObject | undefined): { key?: string; raw?: string } {
  const code = str(field(q, 'code'));
  const unit = str(field(q, 'unit'));
  const key = normaliseUnitFor(analyte, code) ?? normaliseUnitFor(analyte, unit);
  const raw = unit ?? code;
  return { ...(key ? { key } : {}), ...(raw ? { raw } : {}) };
}

function rangeBound(analyte: AnalyteId, q: unknown, fallbackUnit: string | undefined): QuantityValue | undefined {
  const qo = obj(q);
  const value = num(field(qo, 'value'));
  if (value === undefined) return undefined;
  const { key, raw } = quantityUnit(analyte, qo);
  // A bound without a unit is in the unit of the value it accompanies (common in lab feeds).
  const unit = key ?? (raw ? undefined : fallbackUnit);
  return unit ? { value, unit } : undefined;
}

function referenceRange(analyte: AnalyteId, obs: JsonObject, valueUnit: string | undefined): ReferenceRange | undefined {
  for (const r of arr(field(obs, 'referenceRange')).map(obj)) {
    const low = rangeBound(analyte, field(r, 'low'), valueUnit);
    const high = rangeBound(analyte, field(r, 'high'), valueUnit);
    const text = str(field(r, 'text'));
    if (low || high) return { ...(low ? { low } : {}), ...(high ? { high } : {}), ...(text ? { text } : {}) };
  }
  return undefined;
}

const NO_CODES: readonly string[] = Object.freeze([]);

function interpretation(obs: JsonObject): readonly string[] {
  const raw = field(obs, 'interpretation');
  if (raw === undefined) return NO_CODES;
  const out: string[] = [];
  for (const i of arr(raw)) {
    const coded = codings(i).map((c) => c.code.toUpperCase());
    if (coded.length) out.push(...coded);
    else {
      const word = ccText(i)?.toLowerCase();
      const mapped = word ? INTERPRETATION_WORDS[word] : undefined;
      if (mapped) out.push(mapped);
    }
  }
  return out;
}

/**
 * Every LabResult has the same fields in the same order (absent ones undefined), so the engine's
 * hot loops over results stay monomorphic: this runs for every relevant lab result of a record.
 */
function labResult(
  id: string, analyte: AnalyteId, code: CodingRef, status: string, date: string | undefined, effective: string | undefined,
  value: QuantityValue | undefined, canonical: QuantityValue | undefined, rawValueText: string | undefined,
  referenceRange: ReferenceRange | undefined, interpretationCodes: readonly string[], unusableReason: UnusableReason | undefined,
): LabResult {
  return {
    source: { resourceType: 'Observation', id },
    analyte,
    code,
    status,
    date,
    effective,
    value,
    canonical,
    rawValueText,
    referenceRange,
    interpretation: interpretationCodes,
    usable: unusableReason === undefined,
    unusableReason,
  };
}

function mapLab(obs: JsonObject, id: string, analyte: AnalyteId, code: CodingRef): LabResult {
  const status = str(field(obs, 'status')) ?? 'unknown';
  const date = effectiveDay(obs);
  const effective = effectiveInstant(obs);
  const codes = interpretation(obs);
  const refuse = (reason: UnusableReason, shown: string | undefined, value?: QuantityValue) =>
    labResult(id, analyte, code, status, date, effective, value, undefined, shown, undefined, codes, reason);

  const q = obj(field(obs, 'valueQuantity'));
  if (!q) {
    const valueString = str(field(obs, 'valueString'));
    if (valueString) return refuse('value-string', valueString);
    const cc = field(obs, 'valueCodeableConcept');
    if (cc !== undefined) return refuse('value-string', ccText(cc) ?? 'coded value');
    return refuse('no-value', str(field(obj(field(obs, 'dataAbsentReason')), 'text')));
  }
  const value = num(field(q, 'value'));
  const comparator = str(field(q, 'comparator'));
  const { key, raw } = quantityUnit(analyte, q);
  if (value === undefined || comparator || !key) {
    const shown = `${comparator ?? ''}${value ?? '?'}${raw ? ` ${raw}` : ''}`;
    return refuse(value === undefined ? 'no-value' : comparator ? 'comparator' : raw ? 'unknown-unit' : 'missing-unit', shown);
  }
  const canonicalValue = toCanonical(analyte, value, key);
  const { min, max } = ANALYTES[analyte].plausible;
  if (canonicalValue === undefined || canonicalValue < min || canonicalValue > max) return refuse('implausible-value', `${value} ${raw ?? key}`, { value, unit: key });
  const range = field(obs, 'referenceRange') === undefined ? undefined : referenceRange(analyte, obs, key);
  const reason: UnusableReason | undefined = !USABLE_STATUS.has(status) ? 'status-not-usable' : !date ? 'no-date' : undefined;
  return labResult(id, analyte, code, status, date, effective, { value, unit: key }, { value: canonicalValue, unit: ANALYTE_UNITS[analyte]!.canonical }, undefined, range, codes, reason);
}

const GA_UNITS: Readonly<Record<string, 'wk' | 'd'>> = { wk: 'wk', week: 'wk', weeks: 'wk', w: 'wk', d: 'd', day: 'd', days: 'd' };

function mapCoded(obs: JsonObject, id: string, kind: string, code: CodingRef): CodedObservation {
  const status = str(field(obs, 'status')) ?? 'unknown';
  const date = effectiveDay(obs);
  const valueCodings = codings(field(obs, 'valueCodeableConcept'));
  const valueText = ccText(field(obs, 'valueCodeableConcept')) ?? str(field(obs, 'valueString'));
  const valueDate = day(field(obs, 'valueDateTime')) ?? day(field(obs, 'valuePeriod') ? period(field(obs, 'valuePeriod')).start : undefined);
  const q = obj(field(obs, 'valueQuantity'));
  const qValue = num(field(q, 'value'));
  const qUnit = GA_UNITS[(str(field(q, 'code')) ?? str(field(q, 'unit')) ?? '').toLowerCase()];
  const hasValue = valueCodings.length > 0 || !!valueDate || (qValue !== undefined && !!qUnit);
  const usable = USABLE_STATUS.has(status) && !!date && hasValue;
  return {
    source: { resourceType: 'Observation', id },
    kind,
    code,
    status,
    ...(date ? { date } : {}),
    valueCodings,
    ...(valueText ? { valueText } : {}),
    ...(valueDate ? { valueDate } : {}),
    ...(qValue !== undefined && qUnit ? { valueQuantity: { value: qValue, unit: qUnit } } : {}),
    usable,
    ...(usable ? {} : { unusableReason: !USABLE_STATUS.has(status) ? 'status-not-usable' : !date ? 'no-date' : 'no-value' }),
  };
}

export type MappedObservation = { kind: 'lab'; lab: LabResult } | { kind: 'coded'; coded: CodedObservation };

export function mapObservation(obs: JsonObject, report: MappingReport): MappedObservation | undefined {
  const t = target(obs);
  if (!t) return undefined;
  const id = resourceId(obs);
  if (!id) {
    report.drop('Observation', 'no id');
    return undefined;
  }
  if (t.kind === 'lab') return { kind: 'lab', lab: mapLab(obs, id, t.analyte, t.code) };
  return { kind: 'coded', coded: mapCoded(obs, id, t.id, t.code) };
}
