/**
 * Condition → ConditionEntry: every coding (ICD-10-CM and SNOMED CT are matched by the engine),
 * clinical and verification status, onset, abatement and recorded date. A status sent as a bare
 * string (older senders) is read too.
 */
import type { ConditionEntry } from '../../rules/engine/record.js';
import { ccText, codings, day, field, period, resourceId, statusCode, type JsonObject } from './fhir-values.js';
import type { MappingReport } from './mapping-report.js';

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
    ...(abatement ? { abatement } : {}),
    abated,
    ...(recorded ? { recorded } : {}),
  };
}

