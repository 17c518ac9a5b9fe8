/**
 * What the patient banner shows (name, gender, birth date), read from the Patient resource for the
 * screen only: it is held in memory, never logged, never stored, never put in the page title, and
 * the engine never sees it.
 */
import { arr, field, obj, str, type JsonObject } from './fhir-values.js';

export interface PatientDisplay {
  readonly name: string;
  readonly gender?: string;
  readonly birthDate?: string;
  /**
   * Patient.managingOrganization as a relative `Organization/<id>` on the same server (anything else
   * is left out): where the handout may look for the clinic's name and number when the runtime
   * configuration has none (src/fhir/live/clinic-organization.ts).
   */
  readonly organization?: string;
}

const ORGANIZATION_REFERENCE = /^Organization\/[A-Za-z0-9\-.]{1,64}$/;

export function patientDisplay(patient: JsonObject | undefined): PatientDisplay | undefined {
  if (!patient) return undefined;
  const names = arr(field(patient, 'name')).map(obj);
  const chosen = names.find((n) => str(field(n, 'use')) === 'official') ?? names.find((n) => str(field(n, 'use')) !== 'old') ?? names[0];
  const text = str(field(chosen, 'text'));
  const given = arr(field(chosen, 'given')).map(str).filter((g): g is string => !!g);
  const family = str(field(chosen, 'family'));
  const name = (text ?? [...given, family].filter(Boolean).join(' ')).slice(0, 200) || 'Name not recorded';
  const gender = str(field(patient, 'gender'));
  const birthDate = str(field(patient, 'birthDate'));
  const organization = str(field(obj(field(patient, 'managingOrganization')), 'reference'))?.trim();
  return { name, ...(gender ? { gender } : {}), ...(birthDate ? { birthDate } : {}), ...(organization && ORGANIZATION_REFERENCE.test(organization) ? { organization } : {}) };
}
