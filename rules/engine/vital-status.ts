/**
 * Is this patient alive on `asOf`? (Rule catalogue, second round: "Deceased patients".)
 *
 * Real records hold test patients and patients who died decades ago. The rules still run as of
 * `asOf`, so a chart review stays possible, but the report says the patient is dead, above
 * everything, and age is the age at death:
 * - `deceasedDateTime` on or before `asOf`: deceased, age at that day;
 * - `deceasedDateTime` after `asOf`: alive on `asOf` (a review of an earlier day);
 * - `deceasedBoolean: true` without a date: deceased, age at `asOf`, no date.
 */
import type { DayString, PatientInfo } from './record.js';
import { ageInYears } from './time.js';

export interface VitalStatus {
  readonly deceased: boolean;
  /** The day of death, when the record gives one and it is on or before `asOf`. */
  readonly deceasedDate?: DayString;
  /** Whole years at death, or on `asOf` for the living and for a death without a date. */
  readonly ageYears?: number;
}

export function vitalStatus(patient: PatientInfo | undefined, asOf: DayString): VitalStatus {
  if (!patient?.deceased) return withAge({ deceased: false }, patient?.birthDate, asOf);
  const died = patient.deceasedDate;
  if (died && died > asOf) return withAge({ deceased: false }, patient.birthDate, asOf);
  if (died) return withAge({ deceased: true, deceasedDate: died }, patient.birthDate, died);
  return withAge({ deceased: true }, patient.birthDate, asOf);
}

function withAge(status: Omit<VitalStatus, 'ageYears'>, birthDate: string | undefined, on: DayString): VitalStatus {
  const age = ageInYears(birthDate, on);
  return age === undefined ? status : { ...status, ageYears: age };
}
