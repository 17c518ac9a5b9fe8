/**
 * EHR profiles that replace an answer that would have succeeded: an OperationOutcome inside a 200
 * searchset, a resource type the server does not offer, a required search parameter, another patient's
 * record, paging links on a second origin. Each returns undefined when it does not apply to this
 * answer, so the engine neither changes nor counts it.
 */
import type { Bundle, CapabilityStatement, OperationOutcome, Patient, Resource } from 'fhir/r4';
import type { AccessRequest, FhirHttpResponse } from '../fhir/server';
import { DEFAULT_SEARCH_OUTCOME_TEXT, type FaultEffect } from './rule';
import { searchsetOf } from './searchset-views';

const outcome = (severity: 'error' | 'fatal', code: OperationOutcome['issue'][number]['code'], diagnostics: string): OperationOutcome => ({
  resourceType: 'OperationOutcome',
  issue: [{ severity, code, diagnostics }],
});

/**
 * `operation-outcome-in-searchset`: status 200, a searchset with no matches whose only entry is an
 * OperationOutcome (`search.mode` outcome, http://hl7.org/fhir/R4/bundle.html#searchset) saying the
 * search was not performed: what some EHRs send for a search they refuse or time out on internally.
 */
export function outcomeInSearchset(response: FhirHttpResponse, effect: Extract<FaultEffect, { type: 'operation-outcome-in-searchset' }>): FhirHttpResponse | undefined {
  const bundle = searchsetOf(response);
  if (!bundle) return undefined;
  const body: Bundle = {
    resourceType: 'Bundle',
    type: 'searchset',
    total: 0,
    link: (bundle.link ?? []).filter((l) => l.relation === 'self'),
    entry: [{ resource: outcome(effect.severity ?? 'error', 'processing', effect.diagnostics ?? DEFAULT_SEARCH_OUTCOME_TEXT), search: { mode: 'outcome' } }],
  };
  return { status: 200, headers: {}, body };
}

/** `unsupported-type`: 404 with an OperationOutcome, as a server answers for a type it does not offer. */
export function unsupportedType(resourceType: string): FhirHttpResponse {
  return { status: 404, headers: {}, body: outcome('error', 'not-supported', `Resource type ${resourceType} is not supported by this server`) };
}

/** The CapabilityStatement without the given resource types (while an `unsupported-type` rule is active). */
export function capabilitiesWithout(response: FhirHttpResponse, types: ReadonlySet<string>): FhirHttpResponse | undefined {
  const body = response.body;
  if (body?.resourceType !== 'CapabilityStatement' || types.size === 0) return undefined;
  const statement = body as CapabilityStatement;
  const rest = (statement.rest ?? []).map((r) => ({ ...r, resource: (r.resource ?? []).filter((res) => !types.has(res.type)) }));
  return { ...response, body: { ...statement, rest } };
}

/** `require-category-or-code`: an Observation search with neither is refused, as some EHRs do. */
export function categoryOrCodeRequired(access: AccessRequest): FhirHttpResponse | undefined {
  if (access.interaction !== 'search-type' || access.resourceType !== 'Observation') return undefined;
  const names = [...(access.searchParams?.keys() ?? [])].map((name) => name.split(':')[0]);
  if (names.includes('category') || names.includes('code')) return undefined;
  return { status: 400, headers: {}, body: outcome('error', 'required', 'Observation searches need a category or code parameter') };
}

/** What `wrong-patient` answers with when no other loaded patient is named: someone who exists nowhere. */
export const DECOY_PATIENT: Patient = {
  resourceType: 'Patient',
  id: 'sandbox-wrong-patient-decoy',
  name: [{ family: 'Decoy', given: ['Wrong', 'Patient'] }],
  gender: 'unknown',
};

/** `wrong-patient`: the read of Patient/<id> answers with `other` instead, under its own id. */
export function wrongPatient(response: FhirHttpResponse, access: AccessRequest, other: Resource | undefined): FhirHttpResponse | undefined {
  if (access.interaction !== 'read' || response.body?.resourceType !== 'Patient' || !other || other.id === response.body.id) return undefined;
  const version = other.meta?.versionId;
  return { status: 200, headers: version === undefined ? {} : { ETag: `W/"${version}"` }, body: other as Patient };
}
