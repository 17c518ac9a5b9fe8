import { validateResource } from '@medplum/core';
import type { Resource } from 'fhir/r4';
import { badRequest } from '../operation-outcome';
import { isKnownResourceType } from '../search/parameters';
import { isId } from '../search/references';

/**
 * Checks a resource sent to the server (create, update, transaction entry) against the FHIR R4 structure
 * definitions, with Medplum's validator: unknown elements, wrong types, missing required elements and
 * invalid primitive formats are refused with 400 and an OperationOutcome that names them.
 *
 * Bundles loaded from disk at start are not validated (about 0.5 ms per resource, minutes for a large
 * corpus); they are the project's own fixtures or Synthea output.
 */
export function validateForWrite(resource: Resource): void {
  if (!resource || typeof resource !== 'object' || !isKnownResourceType(String(resource.resourceType))) {
    throw badRequest(`Not a FHIR R4 resource: resourceType ${JSON.stringify(resource?.resourceType)}`);
  }
  if (resource.id !== undefined && !isId(resource.id)) {
    throw badRequest(`Invalid id "${resource.id}": 1-64 of A-Z a-z 0-9 - .`, `${resource.resourceType}.id`);
  }
  // Medplum throws an OperationOutcomeError listing every issue; toFhirError turns it into a 400.
  validateResource(resource as Parameters<typeof validateResource>[0]);
}
