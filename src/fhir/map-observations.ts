/**
 * Observation → LabResult or CodedObservation, by LOINC code (every code the knowledge base lists
 * per analyte, rules/codes/labs.ts). Observations the rules do not need are skipped.
 *
 * Values are refused rather than guessed, and kept with the reason so a rule can say why it could
 * not use them: a comparator (`<0.5`), a `valueString`, a missing or unknown unit, a status outside
 * preliminary/final/amended/corrected, or no date; and, from the catalogue's second round ("Implausible
 * values and malformed data are unusable"), a date that is not a FHIR date in full, a UCUM code that
 * names another unit than the unit text, a value outside what a living person can have, and an eGFR
 * that is not per 1.73 m². These second-round refusals, and a reference range left out because it
 * cannot be right, are also counted in the mapping report (dataStatus). Units are converted
 * explicitly per analyte (rules/engine/units.ts).
 */
import { ANALYTES, ANALYTE_BY_LOINC, type AnalyteId } from '../../rules/codes/labs.js';
import { CODED_OBSERVATION_BY_LOINC } from '../../rules/codes/observations.js';
import type { CodedObservation, CodingRef, IgnoredRange, LabResult, QuantityValue, ReferenceRange, UnusableReason } from '../../rules/engine/record.js';
import { isLoinc, isWellFormedLoinc } from '../../rules/engine/code-systems.js';
import { ANALYTE_UNITS, readUnit, toCanonical } from '../../rules/engine/units.js';
import { arr, ccText, codings, day, field, num, obj, period, resourceId, str, type Json, type JsonObject } from './fhir-values.js';
import type { MappingReport } from './mapping-report.js';
import { interpretationCodes } from './observation-interpretation.js';
import { readReferenceRange } from './observation-reference-range.js';

const USABLE_STATUS = new Set(['preliminary', 'final', 'amended', 'corrected']);

type Target = { kind: 'lab'; analyte: AnalyteId; code: CodingRef } | { kind: 'coded'; id: string; code: CodingRef };

/**
 * Which analyte an Observation reports, if any. Runs for every Observation of the record, most of
 * which the rules never need, so it looks the code up before building anything.
 */
function target(obs: JsonObject): Target | undefined {
  // Named reads, as in fhir-values.ts's hot readers (see field() for why they are safe and faster).
  for (const raw of arr(obj(obs.code)?.coding)) {
    const rc = obj(raw);
    const codeValue = str(rc?.code);
    if (!codeValue) continue;
    const analyte = ANALYTE_BY_LOINC.get(codeValue);
    const coded = analyte ? undefined : CODED_OBSERVATION_BY_LOINC.get(codeValue);
    if (!analyte && !coded) continue;
    const system = str(rc!.system) ?? '';
    // Only a well-formed LOINC code names an analyte (catalogue, second round). The lookup above is
    // exact, so this holds for every listed code (tests/unit/engine/code-systems.test.ts); it is
    // checked anyway so the rule lives in one place for every system.
    if (!isLoinc(system) || !isWellFormedLoinc(codeValue)) continue;
    const display = str(rc!.display);
    const code: CodingRef = display ? { system, code: codeValue, display } : { system, code: codeValue };
    return analyte ? { kind: 'lab', analyte, code } : { kind: 'coded', id: coded!, code };
  }
  return undefined;
}

/** The effective dateTime exactly as sent (for ordering within a day). */
function effectiveInstant(obs: JsonObject): string | undefined {
  return str(field(obs, 'effectiveDateTime')) ?? str(field(obs, 'effectiveInstant')) ?? str(field(obj(field(obs, 'effectivePeriod')), 'end')) ?? str(field(obj(field(obs, 'effectivePeriod')), 'start'));
}

type EffectiveDay = { readonly day: string } | { readonly malformed: string } | undefined;

/**
 * The day a result belongs to: the first of effective[x] (a period's end, else its start) and
 * `issued` that is present. When that one is not a FHIR date in full, the result has no usable
 * date: falling back to another element would place it on a day the sender did not give for it.
 */
function effectiveDay(obs: JsonObject): EffectiveDay {
  const p = obj(field(obs, 'effectivePeriod'));
  return candidateDay('effectiveDateTime', field(obs, 'effectiveDateTime'))
    ?? candidateDay('effectiveInstant', field(obs, 'effectiveInstant'))
    ?? candidateDay('effectivePeriod.end', field(p, 'end'))
    ?? candidateDay('effectivePeriod.start', field(p, 'start'))
    ?? candidateDay('issued', field(obs, 'issued'));
}

/** One candidate of effectiveDay: undefined when the element is absent, so the next one is tried. */
function candidateDay(element: string, value: Json): EffectiveDay {
  if (value === undefined || value === null) return undefined;
  const d = day(value);
  return d ? { day: d } : { malformed: element };
}

const dayOf = (e: EffectiveDay) => (e && 'day' in e ? e.day : undefined);

/**
 * Plausible values for a living person (rules/codes/labs.ts), bounds included. Compared in the
 * canonical unit with a relative tolerance of 1e-9, so a bound sent in another unit is not pushed
 * outside by the conversion's rounding.
 */
function plausible(analyte: AnalyteId, canonicalValue: number): boolean {
  const { min, max } = ANALYTES[analyte].plausible;
  const tolerance = 1e-9 * Math.max(Math.abs(min), Math.abs(max), 1);
  return canonicalValue >= min - tolerance && canonicalValue <= max + tolerance;
}

/** Dataset-level words for each second-round refusal (dataStatus.dropped). */
const REPORTED_REFUSALS: Partial<Record<UnusableReason, string>> = {
  'malformed-date': 'result unusable: its date is not a FHIR date',
  'unit-conflict': 'result unusable: its unit code and unit text disagree',
  'implausible-value': 'result unusable: value not physiologically plausible',
  'not-per-body-surface': 'result unusable: eGFR not per 1.73 m² (a clearance)',
};

/**
 * Every LabResult has the same fields in the same order (absent ones undefined), so the engine's
 * hot loops over results stay monomorphic: this runs for every relevant lab result of a record.
 */
function labResult(
  id: string, analyte: AnalyteId, code: CodingRef, status: string, date: string | undefined, effective: string | undefined,
  value: QuantityValue | undefined, canonical: QuantityValue | undefined, rawValueText: string | undefined,
  referenceRange: ReferenceRange | undefined, ignoredRange: IgnoredRange | undefined, interpretationCodes: readonly string[], unusableReason: UnusableReason | undefined,
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
    ignoredRange,
    interpretation: interpretationCodes,
    usable: unusableReason === undefined,
    unusableReason,
  };
}

function mapLab(obs: JsonObject, id: string, analyte: AnalyteId, code: CodingRef, report: MappingReport): LabResult {
  const status = str(field(obs, 'status')) ?? 'unknown';
  const when = effectiveDay(obs);
  const date = dayOf(when);
  const effective = effectiveInstant(obs);
  const codes = interpretationCodes(field(obs, 'interpretation'));
  const refuse = (reason: UnusableReason, shown: string | undefined, value?: QuantityValue) => {
    const refusal = REPORTED_REFUSALS[reason];
    if (refusal) report.drop('Observation', refusal);
    return labResult(id, analyte, code, status, date, effective, value, undefined, shown, undefined, undefined, codes, reason);
  };

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
  const unitCode = str(field(q, 'code'));
  const unitText = str(field(q, 'unit'));
  const raw = unitText ?? unitCode;
  const shown = `${comparator ?? ''}${value ?? '?'}${raw ? ` ${raw}` : ''}`;
  if (value === undefined) return refuse('no-value', shown);
  if (comparator) return refuse('comparator', shown);
  const unit = readUnit(analyte, unitCode, unitText);
  if ('problem' in unit) return refuse(unit.problem, shown);
  const canonicalValue = toCanonical(analyte, value, unit.key);
  if (canonicalValue === undefined || !plausible(analyte, canonicalValue)) return refuse('implausible-value', `${value} ${raw ?? unit.key}`, { value, unit: unit.key });
  const reason: UnusableReason | undefined = !USABLE_STATUS.has(status) ? 'status-not-usable' : when && 'malformed' in when ? 'malformed-date' : !date ? 'no-date' : undefined;
  if (reason === 'malformed-date') report.drop('Observation', REPORTED_REFUSALS['malformed-date']!);
  const ranges = field(obs, 'referenceRange') === undefined ? undefined : readReferenceRange(analyte, obs, unit.key);
  if (ranges && 'ignored' in ranges) report.drop('Observation', 'reference range ignored: it cannot be right (inverted, negative or conflicting units)');
  // A flag computed against a range that cannot be right is no better than the range: both are left out.
  const ignored = ranges && 'ignored' in ranges ? withFlagNote(ranges.ignored, codes) : undefined;
  return labResult(
    id, analyte, code, status, date, effective, { value, unit: unit.key }, { value: canonicalValue, unit: ANALYTE_UNITS[analyte]!.canonical }, undefined,
    ranges && 'range' in ranges ? ranges.range : undefined, ignored, ignored ? [] : codes, reason,
  );
}

function withFlagNote(ignored: IgnoredRange, codes: readonly string[]): IgnoredRange {
  return codes.length ? { ...ignored, why: `${ignored.why}; its flag ${codes.join(', ')} was not used either` } : ignored;
}

/** Gestational-age units (UCUM `wk`, `d` and the words senders use). A Map: the key is a FHIR string. */
const GA_UNITS: ReadonlyMap<string, 'wk' | 'd'> = new Map([['wk', 'wk'], ['week', 'wk'], ['weeks', 'wk'], ['w', 'wk'], ['d', 'd'], ['day', 'd'], ['days', 'd']]);

function mapCoded(obs: JsonObject, id: string, kind: string, code: CodingRef, report: MappingReport): CodedObservation {
  const status = str(field(obs, 'status')) ?? 'unknown';
  const when = effectiveDay(obs);
  const date = dayOf(when);
  const valueCodings = codings(field(obs, 'valueCodeableConcept'));
  const valueText = ccText(field(obs, 'valueCodeableConcept')) ?? str(field(obs, 'valueString'));
  let valueDateMalformed = false;
  const onMalformedValue = () => {
    valueDateMalformed = true;
  };
  const valueDate = day(field(obs, 'valueDateTime'), onMalformedValue) ?? period(field(obs, 'valuePeriod'), onMalformedValue).start;
  const q = obj(field(obs, 'valueQuantity'));
  const qValue = num(field(q, 'value'));
  const qUnit = GA_UNITS.get((str(field(q, 'code')) ?? str(field(q, 'unit')) ?? '').toLowerCase());
  const hasValue = valueCodings.length > 0 || !!valueDate || (qValue !== undefined && !!qUnit);
  const usable = USABLE_STATUS.has(status) && !!date && hasValue;
  const malformedDate = (when !== undefined && 'malformed' in when) || (!hasValue && valueDateMalformed);
  const unusableReason: UnusableReason = !USABLE_STATUS.has(status) ? 'status-not-usable' : malformedDate ? 'malformed-date' : !date ? 'no-date' : 'no-value';
  if (!usable && unusableReason === 'malformed-date') report.drop('Observation', REPORTED_REFUSALS['malformed-date']!);
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
    ...(usable ? {} : { unusableReason }),
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
  if (t.kind === 'lab') return { kind: 'lab', lab: mapLab(obs, id, t.analyte, t.code, report) };
  return { kind: 'coded', coded: mapCoded(obs, id, t.id, t.code, report) };
}
