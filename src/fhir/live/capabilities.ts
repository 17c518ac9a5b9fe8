/**
 * The server's CapabilityStatement (`GET [base]/metadata`), read once per launch to learn which
 * resource types it offers: `rest[mode=server].resource[].type`
 * (https://hl7.org/fhir/R4/capabilitystatement-definitions.html#CapabilityStatement.rest.resource.type).
 *
 * It is read in the same parallel round as the searches, not before them: the app's budget is one
 * round of requests from token to findings, and reading it first would add a full round trip (and
 * the transfer of a document that runs to hundreds of kilobytes on large EHRs) to every launch.
 * The searches for a type it does not list are then reported as `unsupported` and what they
 * returned is not used, which gives the same record as not sending them at all.
 *
 * When it cannot be read, is not a CapabilityStatement, or lists no resource types, nothing is
 * known and every query counts as it came back (as before this check existed).
 */
import { arr, field, obj, resourceType, str } from '../fhir-values.js';
import { getJson, type HttpOptions } from './fhir-http.js';

export type Capabilities =
  | { readonly state: 'read'; readonly resourceTypes: ReadonlySet<string>; readonly requests: number }
  | { readonly state: 'unreadable'; readonly reason: string; readonly requests: number };

const RESOURCE_TYPE = /^[A-Z][A-Za-z]{1,63}$/;

/** The resource types a CapabilityStatement offers, or a reason it says nothing usable. */
export function offeredResourceTypes(body: unknown): ReadonlySet<string> | string {
  const statement = obj(body);
  if (!statement || resourceType(statement) !== 'CapabilityStatement') return 'the answer was not a CapabilityStatement';
  const types = new Set<string>();
  let servers = 0;
  for (const rest of arr(field(statement, 'rest')).map(obj)) {
    if (str(field(rest, 'mode')) !== 'server') continue;
    servers += 1;
    for (const resource of arr(field(rest, 'resource')).map(obj)) {
      const type = str(field(resource, 'type'));
      if (type && RESOURCE_TYPE.test(type)) types.add(type);
    }
  }
  if (!servers) return 'the CapabilityStatement describes no server';
  if (!types.size) return 'the CapabilityStatement lists no resource types';
  return types;
}

export async function readCapabilities(http: HttpOptions): Promise<Capabilities> {
  const r = await getJson(`${http.baseUrl.replace(/\/+$/, '')}/metadata`, http);
  if (!r.ok) return { state: 'unreadable', reason: r.kind === 'http' ? `HTTP ${r.status}` : r.detail, requests: r.requests };
  const offered = offeredResourceTypes(r.body);
  return typeof offered === 'string' ? { state: 'unreadable', reason: offered, requests: r.requests } : { state: 'read', resourceTypes: offered, requests: r.requests };
}

/** Whether a resource type may be used: offered, or nothing is known. */
export function offers(capabilities: Capabilities, resourceType: string): boolean {
  return capabilities.state === 'unreadable' || capabilities.resourceTypes.has(resourceType);
}
