/**
 * Condition → ConditionEntry: every coding (ICD-10-CM and SNOMED CT are matched by the engine),
 * clinical and verification status, onset, abatement and recorded date. A status sent as a bare
 * string (older senders) is read too.
 */
import type { ConditionEntry } from '../../rules/engine/record.js';
import { ccText, codings, day, field, num, obj, period, resourceId, statusCode, str, type JsonObject } from './fhir-values.js';
import type { MappingReport } from './mapping-report.js';

/** UCUM age units (FHIR Age uses them) → years. */
const YEARS_PER_UNIT: ReadonlyMap<string, number> = new Map([['a', 1], ['mo', 1 / 12], ['wk', 7 / 365.25], ['d', 1 / 365.25], ['h', 1 / 8766], ['min', 1 / 525960]]);

/** `onsetAge` as years, only when it is a non-negative number with a UCUM age unit. */
function onsetAgeYears(v: unknown): number | undefined {
  const age = obj(v);
  const value = num(field(age, 'value'));
  const unit = str(field(age, 'code')) ?? str(field(age, 'unit'));
  const factor = unit ? YEARS_PER_UNIT.get(unit) : undefined;
  return value !== undefined && value >= 0 && value < 150 && factor !== undefined ? value * factor : undefined;
}

const ABATEMENT_FIELDS = ['abatementDateTime', 'abatementAge', 'abatementPeriod', 'abatementRange', 'abatementString', 'abatementBoolean'];

export function mapCondition(cond: JsonObject, report: MappingReport): ConditionEntry | undefined {
  const id = resourceId(cond);
  if (!id) {
    report.drop('Condition', 'no id');
    return undefined;
  }
  const code = field(cond, 'code');
  const cs = codings(code);
  const text = ccText(code);
  if (!cs.length && !text) {
    report.drop('Condition', 'no code or text');
    return undefined;
  }
  const clinicalStatus = statusCode(field(cond, 'clinicalStatus'));
  const verificationStatus = statusCode(field(cond, 'verificationStatus'));
  const onset = day(field(cond, 'onsetDateTime')) ?? period(field(cond, 'onsetPeriod')).start;
  const ageAtOnset = onset ? undefined : onsetAgeYears(field(cond, 'onsetAge'));
  const abatement = day(field(cond, 'abatementDateTime')) ?? period(field(cond, 'abatementPeriod')).end ?? period(field(cond, 'abatementPeriod')).start;
  const abatedFlag = field(cond, 'abatementBoolean');
  const abated = ABATEMENT_FIELDS.some((f) => field(cond, f) !== undefined) && abatedFlag !== false;
  const recorded = day(field(cond, 'recordedDate')) ?? day(field(cond, 'assertedDate'));
  return {
    source: { resourceType: 'Condition', id },
    codings: cs,
    ...(text ? { text } : {}),
    ...(clinicalStatus ? { clinicalStatus: clinicalStatus.toLowerCase() } : {}),
    ...(verificationStatus ? { verificationStatus: verificationStatus.toLowerCase() } : {}),
    ...(onset ? { onset } : {}),
    ...(ageAtOnset !== undefined ? { onsetAgeYears: ageAtOnset } : {}),
    ...(abatement ? { abatement } : {}),
    abated,
    ...(recorded ? { recorded } : {}),
  };
}

