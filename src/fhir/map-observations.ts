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
import { ANALYTE_UNITS, normaliseUnitFor, toCanonical } from '../../rules/engine/units.js';
import { arr, ccText, codings, day, field, num, obj, period, resourceId, str, type JsonObject } from './fhir-values.js';
import type { MappingReport } from './mapping-report.js';

const LOINC_SYSTEMS = new Set(['http://loinc.org', 'urn:oid:2.16.840.1.113883.6.1', 'https://loinc.org']);
const USABLE_STATUS = new Set(['preliminary', 'final', 'amended', 'corrected']);

/** Interpretation words some senders use instead of v3 codes. */
const INTERPRETATION_WORDS: Readonly<Record<string, string>> = { low: 'L', high: 'H', normal: 'N', 'critically low': 'LL', 'critically high': 'HH', 'critical low': 'LL', 'critical high': 'HH' };

type Target = { kind: 'lab'; analyte: AnalyteId; code: CodingRef } | { kind: 'coded'; id: string; code: CodingRef };

function target(obs: JsonObject): Target | undefined {
  for (const c of codings(field(obs, 'code'))) {
    if (!LOINC_SYSTEMS.has(c.system.toLowerCase().replace(/\/+$/, ''))) continue;
    const analyte = ANALYTE_BY_LOINC.get(c.code);
    if (analyte) return { kind: 'lab', analyte, code: c };
    const coded = CODED_OBSERVATION_BY_LOINC.get(c.code);
    if (coded) return { kind: 'coded', id: coded, code: c };
  }
  return undefined;
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

function interpretation(obs: JsonObject): string[] {
  const out: string[] = [];
  for (const i of arr(field(obs, 'interpretation'))) {
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

function mapLab(obs: JsonObject, id: string, analyte: AnalyteId, code: CodingRef): LabResult {
  const status = str(field(obs, 'status')) ?? 'unknown';
  const date = effectiveDay(obs);
  const base = { source: { resourceType: 'Observation', id }, analyte, code, status, ...(date ? { date } : {}) };
  const unusable = (reason: UnusableReason, rawValueText?: string, extra: Partial<LabResult> = {}): LabResult => ({
    ...base,
    ...extra,
    ...(rawValueText ? { rawValueText } : {}),
    interpretation: interpretation(obs),
    usable: false,
    unusableReason: reason,
  });

  const q = obj(field(obs, 'valueQuantity'));
  const valueString = str(field(obs, 'valueString'));
  if (!q) {
    if (valueString) return unusable('value-string', valueString);
    if (field(obs, 'valueCodeableConcept') !== undefined) return unusable('value-string', ccText(field(obs, 'valueCodeableConcept')) ?? 'coded value');
    return unusable('no-value', str(field(obj(field(obs, 'dataAbsentReason')), 'text')));
  }
  const value = num(field(q, 'value'));
  const { key, raw } = quantityUnit(analyte, q);
  const shown = `${str(field(q, 'comparator')) ?? ''}${value ?? '?'}${raw ? ` ${raw}` : ''}`;
  if (value === undefined) return unusable('no-value', shown);
  if (str(field(q, 'comparator'))) return unusable('comparator', shown);
  if (!key) return unusable(raw ? 'unknown-unit' : 'missing-unit', shown);
  const canonicalValue = toCanonical(analyte, value, key);
  const { min, max } = ANALYTES[analyte].plausible;
  if (canonicalValue === undefined || canonicalValue < min || canonicalValue > max) return unusable('implausible-value', shown, { value: { value, unit: key } });
  const range = referenceRange(analyte, obs, key);
  const result: LabResult = {
    ...base,
    value: { value, unit: key },
    canonical: { value: canonicalValue, unit: ANALYTE_UNITS[analyte]!.canonical },
    ...(range ? { referenceRange: range } : {}),
    interpretation: interpretation(obs),
    usable: true,
  };
  if (!USABLE_STATUS.has(status)) return { ...result, usable: false, unusableReason: 'status-not-usable' };
  if (!date) return { ...result, usable: false, unusableReason: 'no-date' };
  return result;
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
