/**
 * What a token confined to one patient may see: that patient's Patient resource, resources in that
 * patient's compartment (http://hl7.org/fhir/R4/compartmentdefinition-patient.html) that name no other
 * patient, and resources outside every patient compartment (Medication, Organization, Practitioner,
 * ...) that name no other patient. Applied to every resource of every response, matches and includes,
 * after the search has already been pinned to the patient: the second wall does not trust the first.
 *
 * Stricter than the compartment definition on purpose: another Patient that `link`s to this one is in
 * this patient's compartment by the definition, but it is someone else's record (name, address,
 * identifiers), and a resource that also names another patient (as performer, recorder, member, ...)
 * is withheld rather than half shown.
 */
import type { Resource } from 'fhir/r4';
import { PATIENT_COMPARTMENT_TYPES } from './patient-compartment-types';
import { patientMentions } from './patient-references';

/** The patient a request is confined to; `patientId` undefined means a patient context that names no one. */
export interface PatientCompartment {
  readonly patientId: string | undefined;
}

export interface CompartmentGuard {
  readonly patientId: string | undefined;
  admits(resource: Resource): boolean;
}

export function compartmentGuard(compartment: PatientCompartment, baseUrl: string): CompartmentGuard {
  const { patientId } = compartment;
  return {
    patientId,
    admits(resource) {
      if (resource.resourceType === 'Patient') return patientId !== undefined && resource.id === patientId;
      const { local, unidentified } = patientMentions(resource, baseUrl);
      if (unidentified) return false;
      for (const id of local) if (id !== patientId) return false;
      // A compartment resource must be this patient's; one that names no patient at all is nobody's to show.
      return !PATIENT_COMPARTMENT_TYPES.has(resource.resourceType) || (patientId !== undefined && local.has(patientId));
    },
  };
}
