import type { IndexedEntry } from './indexed-entry';
import { valuesOf } from './indexed-entry';
import { searchParameter } from '../search/parameters';

/**
 * The patient whose compartment a resource is stored in: the single Patient its `patient` search
 * parameter points to (Observation.subject, MedicationRequest.subject, AllergyIntolerance.patient, ...;
 * see http://hl7.org/fhir/R4/compartmentdefinition-patient.html). Resources with no such parameter, with
 * none set, or pointing at several patients go to the shared partition.
 *
 * Partitioning is an optimisation only: searches still evaluate every filter, including `patient`, so
 * a resource in the "wrong" partition could make a search slower but never wrong, as long as a search by
 * patient also looks in the shared partition (it does).
 */
export function compartmentPatient(entry: IndexedEntry): string | undefined {
  const param = searchParameter(entry.resource.resourceType, 'patient');
  if (!param) {
    return undefined;
  }
  const values = valuesOf(entry, param); // cached: every search by patient needs it again
  if (values.type !== 'reference') {
    return undefined;
  }
  const ids = new Set(values.references.filter((r) => r.type === 'Patient').map((r) => r.id));
  return ids.size === 1 ? [...ids][0] : undefined;
}
