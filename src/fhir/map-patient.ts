/**
 * Patient → PatientInfo: gender, birth date and preferred language. Names and identifiers are not
 * mapped: the engine does not need them, so they never travel with findings.
 */
import type { Gender, PatientInfo } from '../../rules/engine/record.js';
import { arr, bool, codings, day, field, obj, resourceId, str, type JsonObject } from './fhir-values.js';

const GENDERS: readonly Gender[] = ['male', 'female', 'other', 'unknown'];

function preferredLanguage(patient: JsonObject): string | undefined {
  const comms = arr(field(patient, 'communication')).map(obj);
  const chosen = comms.find((c) => bool(field(c, 'preferred')) === true) ?? comms[0];
  const code = codings(field(chosen, 'language'))[0]?.code;
  return code && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(code) ? code : undefined;
}

export function mapPatient(patient: JsonObject): PatientInfo | undefined {
  const id = resourceId(patient);
  if (!id) return undefined;
  const g = str(field(patient, 'gender'));
  const gender: Gender = GENDERS.includes(g as Gender) ? (g as Gender) : 'unknown';
  const birthDate = str(field(patient, 'birthDate'));
  const language = preferredLanguage(patient);
  // A death date that is not a FHIR date is still a death: the record says so, only the day is unknown.
  const deceasedDate = day(field(patient, 'deceasedDateTime'));
  const deceased = bool(field(patient, 'deceasedBoolean')) ?? (str(field(patient, 'deceasedDateTime')) ? true : undefined);
  return {
    source: { resourceType: 'Patient', id },
    gender,
    ...(birthDate && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(birthDate) ? { birthDate } : {}),
    ...(language ? { preferredLanguage: language } : {}),
    ...(deceased !== undefined ? { deceased } : {}),
    ...(deceased && deceasedDate ? { deceasedDate } : {}),
  };
}
