import type { HumanName, Patient } from 'fhir/r4';

/**
 * The extension a scenario patient may carry to describe itself on the sandbox's EHR page
 * ("woman, 32 weeks pregnant, low magnesium"). The alternative is a `descriptions.json` side file in a
 * loaded directory: `{ "<patient id>": "<description>" }`.
 */
export const PATIENT_DESCRIPTION_EXTENSION = 'http://example.org/fhir/StructureDefinition/sandbox-patient-description';

export interface PatientSummary {
  readonly id: string;
  readonly name: string;
  readonly gender: string | undefined;
  readonly birthDate: string | undefined;
  readonly description: string | undefined;
}

export function summarizePatient(patient: Patient & { id: string }, descriptions: ReadonlyMap<string, string>): PatientSummary {
  const extension = patient.extension?.find((e) => e.url === PATIENT_DESCRIPTION_EXTENSION)?.valueString;
  return {
    id: patient.id,
    name: displayName(patient.name) ?? patient.id,
    gender: patient.gender,
    birthDate: patient.birthDate,
    description: descriptions.get(patient.id) ?? extension,
  };
}

function displayName(names: readonly HumanName[] | undefined): string | undefined {
  const name = names?.find((n) => n.use === 'official') ?? names?.[0];
  if (!name) {
    return undefined;
  }
  const parts = [...(name.given ?? []), name.family].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(' ') : name.text;
}
