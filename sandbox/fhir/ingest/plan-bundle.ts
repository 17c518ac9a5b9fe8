import { randomUUID } from 'node:crypto';
import type { Bundle, BundleEntry, Resource } from 'fhir/r4';
import { badRequest, FhirError, notSupported, toFhirError } from '../operation-outcome';
import { isKnownResourceType } from '../search/parameters';
import { isId, relativeToBase } from '../search/references';
import type { IndexedEntry } from '../store/indexed-entry';
import type { Write } from '../store/sandbox-repository';
import { validateForWrite } from '../store/validate';
import { parseConditionalReference, rewriteReferencesInPlace } from './references';

export const INGESTIBLE_BUNDLE_TYPES = ['transaction', 'batch', 'collection', 'searchset'] as const;
type IngestibleType = (typeof INGESTIBLE_BUNDLE_TYPES)[number];

export interface PlanOptions {
  readonly baseUrl: string;
  /**
   * Keep the ids the resources have in the bundle (loading fixtures, so that scenario and Synthea ids stay
   * what the files say); otherwise POST entries get new server ids as http://hl7.org/fhir/R4/http.html#create
   * requires.
   */
  readonly keepIds: boolean;
  readonly validate: boolean;
  /** Finds stored resources for `ifNoneExist` and conditional references (`Type?query`). */
  readonly find: (resourceType: string, query: string) => readonly IndexedEntry[];
}

export interface PlannedEntry {
  /** Position in the submitted bundle; responses keep that order. */
  readonly index: number;
  readonly method: 'POST' | 'PUT' | 'DELETE';
  readonly resourceType: string;
  readonly id: string;
  /** undefined when `ifNoneExist` matched an existing resource: nothing to write. */
  readonly write: Write | undefined;
  /** Whether the resource did not exist before (201 rather than 200). */
  readonly creates: boolean;
}

export interface BundlePlan {
  readonly type: IngestibleType;
  /** In the order to apply them: DELETE, then POST, then PUT (http://hl7.org/fhir/R4/http.html#trules). */
  readonly entries: readonly PlannedEntry[];
  /** Entries that cannot be applied, by index; a transaction fails as a whole if there is any. */
  readonly problems: ReadonlyMap<number, FhirError>;
}

/**
 * Turns a bundle into the writes it asks for: ids assigned, `urn:uuid:` and other fullUrl references
 * rewritten to the `Type/id` of the resource they name, conditional references and `ifNoneExist` resolved
 * against the store, and (optionally) every resource validated. Nothing is written here; the caller commits
 * the plan, all at once for a transaction.
 */
export function planBundle(bundle: Bundle, options: PlanOptions, isStored: (type: string, id: string) => boolean): BundlePlan {
  if (bundle?.resourceType !== 'Bundle' || !(INGESTIBLE_BUNDLE_TYPES as readonly string[]).includes(bundle.type)) {
    throw badRequest(`Expected a Bundle of type ${INGESTIBLE_BUNDLE_TYPES.join(', ')}`);
  }
  const type = bundle.type as IngestibleType;
  const problems = new Map<number, FhirError>();
  const targets = new Map<string, string>(); // fullUrl -> Type/id
  const planned: { index: number; entry: BundleEntry; method: PlannedEntry['method']; resourceType: string; id: string; existing?: IndexedEntry }[] = [];
  const seen = new Set<string>();

  (bundle.entry ?? []).forEach((entry, index) => {
    if (entry.search?.mode === 'outcome') {
      return; // a searchset's OperationOutcome about the search, not data
    }
    try {
      const p = identify(entry, type, options);
      const key = `${p.resourceType}/${p.id}`;
      if (seen.has(key) && (type === 'transaction' || type === 'batch')) {
        throw badRequest(`${key} appears more than once in the ${type}`, `Bundle.entry[${index}]`);
      }
      seen.add(key);
      if (entry.fullUrl) targets.set(entry.fullUrl, `${p.resourceType}/${p.id}`);
      planned.push({ index, entry, ...p });
    } catch (err) {
      problems.set(index, toFhirError(err));
    }
  });

  const resolve = (reference: string): string | undefined => {
    const target = targets.get(reference);
    if (target) return target;
    if (reference.startsWith('urn:uuid:') || reference.startsWith('urn:oid:')) {
      throw badRequest(`Reference ${reference} names no entry of the bundle`);
    }
    const conditional = parseConditionalReference(reference);
    if (conditional) return `${conditional.resourceType}/${single(options.find(conditional.resourceType, conditional.query), reference).resource.id}`;
    const relative = relativeToBase(reference, options.baseUrl);
    return relative === reference ? undefined : relative;
  };

  for (const p of planned) {
    const resource = p.entry.resource;
    if (!resource || problems.has(p.index)) continue;
    try {
      rewriteReferencesInPlace(resource, resolve);
      if (options.validate) validateForWrite(resource);
    } catch (err) {
      problems.set(p.index, toFhirError(err));
    }
  }

  const rank = { DELETE: 0, POST: 1, PUT: 2 } as const;
  const entries = planned
    .filter((p) => !problems.has(p.index))
    .sort((a, b) => rank[a.method] - rank[b.method])
    .map((p): PlannedEntry => ({
      index: p.index,
      method: p.method,
      resourceType: p.resourceType,
      id: p.id,
      write: p.existing ? undefined : toWrite(p),
      creates: !p.existing && p.method !== 'DELETE' && !isStored(p.resourceType, p.id),
    }));
  return { type, entries, problems };
}

function identify(
  entry: BundleEntry,
  type: IngestibleType,
  options: PlanOptions,
): { method: PlannedEntry['method']; resourceType: string; id: string; existing?: IndexedEntry } {
  const resource = entry.resource;
  if (type === 'collection' || type === 'searchset') {
    if (!resource) throw badRequest('Entry without a resource');
    return { method: 'PUT', resourceType: knownType(resource.resourceType), id: keptId(resource, entry.fullUrl) };
  }
  const request = entry.request;
  if (!request?.method || !request.url) {
    throw badRequest(`A ${type} entry needs request.method and request.url`);
  }
  const [path = '', query] = request.url.split('?');
  const [urlType = '', urlId, ...rest] = path.split('/').filter(Boolean);
  switch (request.method) {
    case 'POST': {
      if (!resource || resource.resourceType !== urlType || urlId !== undefined) {
        throw badRequest(`POST ${request.url} needs a ${urlType} resource and a URL without id`);
      }
      if (request.ifNoneExist) {
        const matches = options.find(urlType, request.ifNoneExist);
        if (matches.length > 1) throw new FhirError(412, 'multiple-matches', `ifNoneExist ${request.ifNoneExist} matched ${matches.length} resources`);
        if (matches[0]) return { method: 'POST', resourceType: urlType, id: matches[0].resource.id, existing: matches[0] };
      }
      const id = options.keepIds ? keptId(resource, entry.fullUrl) : randomUUID();
      return { method: 'POST', resourceType: knownType(urlType), id };
    }
    case 'PUT':
    case 'DELETE': {
      if (query !== undefined || !urlId || rest.length > 0 || !isId(urlId)) {
        throw notSupported(`${request.method} ${request.url}: only ${request.method} [type]/[id] is supported (no conditional ${request.method})`);
      }
      if (request.method === 'PUT' && (resource?.resourceType !== urlType || (resource.id !== undefined && resource.id !== urlId))) {
        throw badRequest(`PUT ${request.url} needs a ${urlType} resource with id ${urlId}`);
      }
      return { method: request.method, resourceType: knownType(urlType), id: urlId };
    }
    default:
      throw notSupported(`${request.method} entries are not supported in a ${type}`);
  }
}

function toWrite(p: { method: PlannedEntry['method']; resourceType: string; id: string; entry: BundleEntry }): Write {
  if (p.method === 'DELETE') {
    return { kind: 'delete', resourceType: p.resourceType, id: p.id };
  }
  return { kind: 'put', resource: { ...(p.entry.resource as Resource), id: p.id } };
}

/** The id a loaded resource keeps: its own, else the uuid of its `urn:uuid:` fullUrl, else a new one. */
function keptId(resource: Resource, fullUrl: string | undefined): string {
  if (resource.id !== undefined) {
    if (!isId(resource.id)) throw badRequest(`Invalid id "${resource.id}"`);
    return resource.id;
  }
  const uuid = fullUrl?.startsWith('urn:uuid:') ? fullUrl.slice('urn:uuid:'.length) : undefined;
  return uuid && isId(uuid) ? uuid : randomUUID();
}

function knownType(resourceType: string): string {
  if (!isKnownResourceType(resourceType)) throw badRequest(`Unknown resource type ${resourceType}`);
  return resourceType;
}

function single(matches: readonly IndexedEntry[], reference: string): IndexedEntry {
  if (matches.length > 1) {
    throw new FhirError(412, 'multiple-matches', `Conditional reference ${reference} matched ${matches.length} resources`);
  }
  if (!matches[0]) {
    throw new FhirError(400, 'not-found', `Conditional reference ${reference} matched no resource`);
  }
  return matches[0];
}
