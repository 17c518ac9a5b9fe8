// Shared by the attacker tests: the victim's data that must never show, the check on raw response
// bytes, and requests an app confined to the attacker might send to reach her.
import { expect } from 'vitest';

export const ATTACKER = 'attacker-adam';
export const VICTIM = 'victim-vera';
/** One bundle with both patients (tests/sandbox/compose/compartment-fixtures/two-patients.json). */
export const TWO_PATIENTS_DIR = new URL('../compose/compartment-fixtures/', import.meta.url).pathname;

/**
 * Everything of the victim's that must never reach the attacker: demographics, identifiers, clinical
 * text and values. (The victim's Patient id itself appears in the attacker's own record, whose
 * Patient.link names her, so it is checked per entry instead; see victimEntries.)
 */
export const VICTIM_SECRETS = ['Victimsecret', 'Secretvictim', 'MRN-VICTIM-0001', '999-11-2222', '555-0199-7788', '1941-07-07', 'Hiddenville'];

export interface RawAnswer {
  readonly status: number;
  readonly text: string;
}

interface RawBundle {
  readonly resourceType: string;
  readonly entry?: readonly { fullUrl?: string; resource?: { resourceType: string; id: string } }[];
}

/** Entries of a searchset or history bundle that are the victim's or that name her. */
export function victimEntries(raw: RawAnswer): string[] {
  const body = JSON.parse(raw.text) as RawBundle;
  return (body.entry ?? [])
    .filter((e) => e.resource && (e.resource.id === VICTIM || e.resource.id.startsWith('vic-') || e.fullUrl?.includes(`/Patient/${VICTIM}`)))
    .map((e) => `${e.resource?.resourceType}/${e.resource?.id}`);
}

/** A refusal (400/403/404) or a successful answer without one byte of the victim's data. */
export function expectNothingOfTheVictim(raw: RawAnswer): void {
  for (const secret of VICTIM_SECRETS) expect(raw.text, `response contains ${secret}`).not.toContain(secret);
  expect(raw.text).not.toMatch(/"id":\s*"vic-/);
  if (raw.status === 200 && (JSON.parse(raw.text) as RawBundle).resourceType === 'Bundle') expect(victimEntries(raw)).toEqual([]);
  else if (raw.status !== 200) expect([400, 403, 404]).toContain(raw.status);
}

/** GET paths (relative to the FHIR base) that try to reach the victim with the attacker's token. */
export const PROBES: readonly string[] = [
  `Patient?patient=${ATTACKER}`,
  `Patient?_id=${VICTIM}`,
  'Patient',
  'Patient?name=Ver',
  'Patient?identifier=http://hospital.example/mrn|',
  `Patient?patient=${ATTACKER}&link=Patient/${ATTACKER}`,
  `Patient?_id=${ATTACKER}&_include=Patient:link`,
  `Patient?_id=${ATTACKER}&_revinclude=Patient:link`,
  `Patient?patient=${ATTACKER}&_has:Observation:subject:status=final`,
  `AllergyIntolerance?subject=Patient/${ATTACKER}`,
  `Immunization?subject=Patient/${ATTACKER}`,
  `Observation?patient=${ATTACKER}&_include=Observation:has-member`,
  `Observation?patient=${ATTACKER}&subject.name=Ver`,
  'Observation?subject.name=Ver',
  `Observation?patient=${VICTIM}`,
  `Bundle?patient=${ATTACKER}`,
  `Linkage?patient=${ATTACKER}`,
  `Group?member=Patient/${ATTACKER}`,
  `Patient/${VICTIM}`,
  `Patient/${VICTIM}/_history`,
  `Patient/${VICTIM}/_history/1`,
  'Observation/vic-obs-k',
  'Observation/att-obs-performed-by-victim',
  'Group/vic-group-both',
  'Linkage/vic-linkage',
  'Bundle/vic-document',
];
