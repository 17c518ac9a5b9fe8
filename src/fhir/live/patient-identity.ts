/**
 * Does the record the EHR returned describe the patient the launch named? (Rule catalogue, second
 * round: "the wrong patient".) It does not when the `Patient/<id>` read returns a Patient with
 * another id, or when every patient-linked resource returned names someone else. Then nothing of
 * either record may be shown, so the check throws before anything is mapped.
 *
 * A mix (some resources for this patient, some for others) is not this case: the mapper drops the
 * others' resources and counts them, as a server that ignored part of a search filter would need.
 */
import { resourceId, resourceType, type JsonObject } from '../fhir-values.js';
import { referencedPatientId, subjectReference, type ResourceSet } from '../resource-set.js';
import { WrongPatientError } from '../wrong-patient.js';

export function assertSamePatient(patientId: string, patientRead: JsonObject | undefined, set: ResourceSet): void {
  if (patientRead && resourceType(patientRead) === 'Patient') {
    const id = resourceId(patientRead);
    if (id !== undefined && id !== patientId) throw new WrongPatientError();
  }
  let linked = 0;
  for (const resource of set.resources) {
    const type = resourceType(resource);
    if (type === 'Patient' || type === 'Medication') continue;
    const owner = referencedPatientId(subjectReference(resource), set);
    if (owner === undefined) continue; // no patient reference (or a Group): says nothing either way
    if (owner === patientId) return;
    linked += 1;
  }
  if (linked > 0) throw new WrongPatientError();
}
