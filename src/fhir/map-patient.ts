/**
 * Patient → PatientInfo: gender, birth date and preferred language. Names and identifiers are not
 * mapped: the engine does not need them, so they never travel with findings.
 */
import type { Gender, PatientInfo } from '../../rules/engine/record.js';
import { isFhirDate } from '../../rules/engine/time.js';
import { arr, bool, codings, day, field, malformedDateCounter, obj, resourceId, str, type DateReport, type JsonObject } from './fhir-values.js';

const GENDERS: readonly Gender[] = ['male', 'female', 'other', 'unknown'];

function preferredLanguage(patient: JsonObject): string | undefined {
  const comms = arr(field(patient, 'communication')).map(obj);
  const chosen = comms.find((c) => bool(field(c, 'preferred')) === true) ?? comms[0];
  const code = codings(field(chosen, 'language'))[0]?.code;
  return code && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(code) ? code : undefined;
}

/**
 * The birth date as sent, full or partial (`1951`, `1951-04`, `1951-04-04`; the day of a dateTime).
 * Anything that is not a FHIR date in full is read as absent, never as another day, and counted
 * (rule catalogue, second round): `1951/04/04` is not 1 January 1951.
 */
function birthDateOf(patient: JsonObject, malformed: (element: string) => void): string | undefined {
  const raw = field(patient, 'birthDate');
  if (raw === undefined || raw === null) return undefined;
  if (!isFhirDate(raw)) {
    malformed('birthDate');
    return undefined;
  }
  return String(raw).trim().slice(0, 10);
}

export function mapPatient(patient: JsonObject, report?: DateReport): PatientInfo | undefined {
  const id = resourceId(patient);
  if (!id) return undefined;
  const g = str(field(patient, 'gender'));
  const gender: Gender = GENDERS.includes(g as Gender) ? (g as Gender) : 'unknown';
  const malformed = malformedDateCounter(report, 'Patient');
  const birthDate = birthDateOf(patient, malformed);
  const language = preferredLanguage(patient);
  // A death date that is not a FHIR date is still a death: the record says so, only the day is unknown.
  const deceasedDate = day(field(patient, 'deceasedDateTime'), () => malformed('deceasedDateTime'));
  const deceased = bool(field(patient, 'deceasedBoolean')) ?? (str(field(patient, 'deceasedDateTime')) ? true : undefined);
  return {
    source: { resourceType: 'Patient', id },
    gender,
    ...(birthDate ? { birthDate } : {}),
    ...(language ? { preferredLanguage: language } : {}),
    ...(deceased !== undefined ? { deceased } : {}),
    ...(deceased && deceasedDate ? { deceasedDate } : {}),
  };
}
