/**
 * Condition → ConditionEntry: every coding (ICD-10-CM and SNOMED CT are matched by the engine),
 * clinical and verification status, onset, abatement and recorded date. A status sent as a bare
 * string (older senders) is read too.
 *
 * Rule catalogue, second round: a date that is not a FHIR date in full is read as absent, never as
 * another day, and counted ("Condition: malformed onsetDateTime ignored"); a coding that is not
 * well formed for its system is kept (the engine never matches it: rules/engine/code-systems.ts)
 * and counted, so dataStatus shows that the record carried codes the app could not read.
 */
import { isWellFormedCode, systemName } from '../../rules/engine/code-systems.js';
import type { CodingRef, ConditionEntry } from '../../rules/engine/record.js';
import { ccText, codings, day, field, malformedDateCounter, num, obj, period, resourceId, statusCode, str, type JsonObject } from './fhir-values.js';
import type { MappingReport } from './mapping-report.js';

/** UCUM age units FHIR's Age uses (and the words some senders put in `unit`). */
const AGE_UNITS: ReadonlyMap<string, 'a' | 'mo' | 'wk' | 'd'> = new Map([
  ['a', 'a'], ['year', 'a'], ['years', 'a'], ['yr', 'a'], ['mo', 'mo'], ['month', 'mo'], ['months', 'mo'],
  ['wk', 'wk'], ['week', 'wk'], ['weeks', 'wk'], ['d', 'd'], ['day', 'd'], ['days', 'd'],
]);

/** `onsetAge` when it is a plausible non-negative age with an age unit; anything else is ignored. */
function onsetAge(v: unknown): { value: number; unit: 'a' | 'mo' | 'wk' | 'd' } | undefined {
  const age = obj(v);
  const value = num(field(age, 'value'));
  const spelled = str(field(age, 'code')) ?? str(field(age, 'unit'));
  const unit = spelled ? AGE_UNITS.get(spelled.toLowerCase()) : undefined;
  const maxValue = { a: 150, mo: 1800, wk: 7800, d: 55000 };
  return value !== undefined && unit && value >= 0 && value <= maxValue[unit] ? { value, unit } : undefined;
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
  countIllFormedCodes(cs, report);
  const malformed = malformedDateCounter(report, 'Condition');
  const onset = day(field(cond, 'onsetDateTime'), () => malformed('onsetDateTime')) ?? period(field(cond, 'onsetPeriod'), (b) => malformed(`onsetPeriod.${b}`)).start;
  const ageAtOnset = onset ? undefined : onsetAge(field(cond, 'onsetAge'));
  const abatementPeriod = period(field(cond, 'abatementPeriod'), (b) => malformed(`abatementPeriod.${b}`));
  // A malformed abatement date is still an abatement (`abated` below): only its day is unknown.
  const abatement = day(field(cond, 'abatementDateTime'), () => malformed('abatementDateTime')) ?? abatementPeriod.end ?? abatementPeriod.start;
  const abatedFlag = field(cond, 'abatementBoolean');
  const abated = ABATEMENT_FIELDS.some((f) => field(cond, f) !== undefined) && abatedFlag !== false;
  const recorded = day(field(cond, 'recordedDate'), () => malformed('recordedDate')) ?? day(field(cond, 'assertedDate'), () => malformed('assertedDate'));
  return {
    source: { resourceType: 'Condition', id },
    codings: cs,
    ...(text ? { text } : {}),
    ...(clinicalStatus ? { clinicalStatus: clinicalStatus.toLowerCase() } : {}),
    ...(verificationStatus ? { verificationStatus: verificationStatus.toLowerCase() } : {}),
    ...(onset ? { onset } : {}),
    ...(ageAtOnset ? { onsetAge: ageAtOnset } : {}),
    ...(abatement ? { abatement } : {}),
    abated,
    ...(recorded ? { recorded } : {}),
  };
}

function countIllFormedCodes(cs: readonly CodingRef[], report: MappingReport) {
  for (const c of cs) {
    const name = systemName(c.system);
    if (name && !isWellFormedCode(c.system, c.code)) report.drop('Condition', `code not well formed for ${name} (never matched)`);
  }
}
