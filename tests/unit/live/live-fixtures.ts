/**
 * Shared pieces for tests of the whole live data layer: the launched server, one patient, and a
 * statin written the way each of the four medication resource types carries it.
 */
import type { evaluate } from '../../../rules/index.js';

export const BASE = 'https://ehr.example.org/fhir';
export const AS_OF = '2026-11-21';
export const PATIENT = { resourceType: 'Patient', id: 'p1', gender: 'male', birthDate: '1950-01-01', name: [{ given: ['Alan'], family: 'Example' }] };
export const LIVE = { serverUrl: BASE, accessToken: 'secret-token', patientId: 'p1', scope: 'launch patient/*.rs' } as const;

export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const SIMVASTATIN = { coding: [{ system: RXNORM, code: '36567', display: 'simvastatin' }] };

export const MEDICATION_TYPES = ['MedicationRequest', 'MedicationStatement', 'MedicationDispense', 'MedicationAdministration'] as const;
export type MedicationType = (typeof MEDICATION_TYPES)[number];

/** A current use of `medication` (a CodeableConcept, or a reference) in the given resource type, for p1. */
export function medicationUse(type: MedicationType, id: string, medication: { medicationCodeableConcept: unknown } | { medicationReference: unknown }): Record<string, unknown> {
  const subject = { reference: 'Patient/p1' };
  switch (type) {
    case 'MedicationRequest':
      return { resourceType: type, id, status: 'active', intent: 'order', subject, authoredOn: '2026-10-01', ...medication };
    case 'MedicationStatement':
      return { resourceType: type, id, status: 'active', subject, effectiveDateTime: '2026-10-01', dateAsserted: '2026-10-01', ...medication };
    case 'MedicationDispense':
      return { resourceType: type, id, status: 'completed', subject, whenHandedOver: '2026-10-15', ...medication };
    case 'MedicationAdministration':
      return { resourceType: type, id, status: 'completed', subject, effectiveDateTime: '2026-11-01', ...medication };
  }
}

export const statinIn = (type: MedicationType, id = `statin-${type}`) => medicationUse(type, id, { medicationCodeableConcept: SIMVASTATIN });

/** The resource type a request searches or reads (`.../fhir/MedicationStatement?...` → MedicationStatement). */
export function typeOf(u: URL): string {
  const parts = u.pathname.split('/').filter(Boolean);
  const fhir = parts.indexOf('fhir');
  return parts[fhir + 1] ?? '';
}

export const finding = (findings: ReturnType<typeof evaluate>, id: string) => findings.find((f) => f.ruleId === id)!;
