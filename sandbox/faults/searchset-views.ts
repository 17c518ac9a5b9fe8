/**
 * EHR profiles that change how a searchset is put together rather than replace it: `ignore-include`
 * (no included resources, no reference displays), `ignore-count` (one match per page) and the removal
 * of resources whose type an `unsupported-type` rule takes away. Bodies from the FHIR server are frozen
 * or shared: each function builds new objects, and returns undefined when it changes nothing.
 */
import type { Bundle, BundleEntry, BundleLink, Resource } from 'fhir/r4';
import type { FhirHttpResponse } from '../fhir/server';

export function searchsetOf(response: FhirHttpResponse): Bundle | undefined {
  const body = response.body;
  return body?.resourceType === 'Bundle' && body.type === 'searchset' ? body : undefined;
}

const isMatch = (e: BundleEntry): boolean => e.search?.mode === undefined || e.search.mode === 'match';

/** A copy with `display` taken off every Reference (an object with a `reference`); Coding.display stays. */
export function withoutReferenceDisplays<T>(node: T): T {
  if (Array.isArray(node)) return node.map((item: unknown) => withoutReferenceDisplays(item)) as T;
  if (typeof node !== 'object' || node === null) return node;
  const record = node as Record<string, unknown>;
  const isReference = typeof record.reference === 'string';
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (isReference && key === 'display') continue;
    copy[key] = withoutReferenceDisplays(value);
  }
  return copy as T;
}

/** A link URL with search parameters removed (`names` and their `:modifier` forms) or set. */
function rewriteLink(url: string, drop: (name: string) => boolean, set: Record<string, string | undefined> = {}): string {
  const parsed = new URL(url);
  for (const name of [...new Set(parsed.searchParams.keys())]) if (drop(name)) parsed.searchParams.delete(name);
  for (const [name, value] of Object.entries(set)) {
    if (value === undefined) parsed.searchParams.delete(name);
    else parsed.searchParams.set(name, value);
  }
  return parsed.href;
}

/**
 * `ignore-include`: as a server that does not implement `_include` answers: the matches only, their
 * references without `display` (so a `medicationReference` names no drug), and links that do not
 * claim the `_include` was used (http://hl7.org/fhir/R4/search.html#errors).
 */
export function ignoreInclude(response: FhirHttpResponse): FhirHttpResponse | undefined {
  const bundle = searchsetOf(response);
  if (!bundle) return undefined;
  const isInclude = (name: string) => name === '_include' || name.startsWith('_include:');
  const entry = (bundle.entry ?? []).filter(isMatch).map((e) => (e.resource ? { ...e, resource: withoutReferenceDisplays(e.resource) } : e));
  const link = bundle.link?.map((l) => ({ ...l, url: rewriteLink(l.url, isInclude) }));
  const next: Bundle = { ...bundle, ...(link ? { link } : {}), ...(entry.length > 0 ? { entry } : {}) };
  if (entry.length === 0) delete next.entry;
  return JSON.stringify(next) === JSON.stringify(bundle) ? undefined : { ...response, body: next };
}

/** `Type/id` strings anywhere in a resource's references. */
function referencedKeys(resource: Resource): Set<string> {
  const keys = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'object' && node !== null) {
      const ref = (node as { reference?: unknown }).reference;
      if (typeof ref === 'string') {
        const m = /([A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(ref);
        if (m?.[1]) keys.add(m[1]);
      }
      Object.values(node).forEach(visit);
    }
  };
  visit(resource);
  return keys;
}

/**
 * `ignore-count`: one match per page whatever `_count` asked for, as servers with a fixed small page
 * do. The page keeps its first match (and the includes that match names); `next` and `previous` move
 * by one, without the client's `_count`, so following `next` to the end still yields every match once.
 */
export function onePerPage(response: FhirHttpResponse, requestUrl: string): FhirHttpResponse | undefined {
  const bundle = searchsetOf(response);
  if (!bundle) return undefined;
  const entries = bundle.entry ?? [];
  const matches = entries.filter(isMatch);
  const [kept] = matches;
  if (!kept?.resource) return undefined; // nothing to page (no matches, or _summary=count)
  const named = referencedKeys(kept.resource);
  const includes = entries.filter((e) => !isMatch(e) && e.resource && named.has(`${e.resource.resourceType}/${e.resource.id}`));
  const self = bundle.link?.find((l) => l.relation === 'self')?.url ?? requestUrl;
  const offset = Number(new URL(self).searchParams.get('_offset') ?? 0) || 0;
  const more = matches.length > 1 || bundle.link?.some((l) => l.relation === 'next') === true;
  const at = (n: number) => rewriteLink(self, (name) => name === '_count' || name === '_offset', n > 0 ? { _offset: String(n) } : {});
  const link: BundleLink[] = [{ relation: 'self', url: at(offset) }];
  if (more) link.push({ relation: 'next', url: at(offset + 1) });
  if (offset > 0) link.push({ relation: 'previous', url: at(offset - 1) });
  return { ...response, body: { ...bundle, link, entry: [kept, ...includes] } };
}

/** Searchset entries of the given types taken out (an unsupported type cannot be included either). */
export function withoutTypes(response: FhirHttpResponse, types: ReadonlySet<string>): FhirHttpResponse | undefined {
  const bundle = searchsetOf(response);
  if (!bundle || types.size === 0) return undefined;
  const entries = bundle.entry ?? [];
  const entry = entries.filter((e) => isMatch(e) || !e.resource || !types.has(e.resource.resourceType));
  if (entry.length === entries.length) return undefined;
  const next: Bundle = { ...bundle, entry };
  if (entry.length === 0) delete next.entry;
  return { ...response, body: next };
}
