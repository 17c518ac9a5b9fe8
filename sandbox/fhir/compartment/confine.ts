/**
 * The FHIR server's own wall around a patient-confined request, whatever the authorization hook
 * decided from the request's parameters: writes must stay inside the compartment, batches and
 * transactions (whose inner requests no hook sees) are refused, and every resource in the answer
 * (read, version, history entry, search match or include) must pass the guard before it is sent.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Bundle, FhirResource } from 'fhir/r4';
import { FhirError } from '../operation-outcome';
import type { FhirHttpResponse } from '../types';
import type { CompartmentGuard } from './compartment-guard';

export function outsideCompartment(what: string): FhirError {
  return new FhirError(403, 'forbidden', `${what} is outside the patient compartment this access token is confined to`);
}

export interface ConfinedRequest {
  readonly interaction: string;
  readonly body: unknown;
  readonly headers: IncomingHttpHeaders;
  /** The stored resource an update or delete would change. */
  readonly existing: FhirResource | undefined;
}

/** Before anything runs: what a confined request may ask for at all. */
export function checkConfinedRequest(request: ConfinedRequest, guard: CompartmentGuard): void {
  const { interaction } = request;
  if (interaction === 'transaction') throw outsideCompartment('A batch or transaction');
  if ((interaction === 'create' || interaction === 'update') && !guard.admits(request.body as FhirResource)) {
    throw outsideCompartment('The submitted resource');
  }
  if ((interaction === 'update' || interaction === 'delete') && request.existing && !guard.admits(request.existing)) {
    throw outsideCompartment('The resource to change');
  }
  // A conditional create searches the whole server, and whether it creates tells whether something matched.
  if (interaction === 'create' && request.headers['if-none-exist'] !== undefined) throw outsideCompartment('A conditional create');
}

/**
 * The answer with everything the guard does not admit taken out (the entries of a searchset or a
 * history) or refused (a single resource, including a stored Bundle, which is judged whole).
 */
export function confineResponse(interaction: string, response: FhirHttpResponse, guard: CompartmentGuard): FhirHttpResponse {
  const body = response.body;
  if (!body) return response;
  if (body.resourceType === 'Bundle' && (interaction === 'search-type' || interaction === 'history-instance')) {
    const entry = (body.entry ?? []).filter((e) => !e.resource || e.resource.resourceType === 'OperationOutcome' || guard.admits(e.resource));
    if (entry.length === (body.entry ?? []).length) return response;
    const confined: Bundle = { ...body, entry };
    if (entry.length === 0) delete confined.entry;
    return { ...response, body: confined };
  }
  if (!guard.admits(body)) throw outsideCompartment(`${body.resourceType}/${body.id ?? ''}`);
  return response;
}
