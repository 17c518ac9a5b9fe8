import type { Bundle, BundleEntry, BundleLink } from 'fhir/r4';
import type { IndexedEntry } from '../store/indexed-entry';
import type { SearchResult } from './execute';
import type { SearchQuery } from './query';

/**
 * The searchset Bundle for one page (http://hl7.org/fhir/R4/bundle.html#searchset,
 * http://hl7.org/fhir/R4/http.html#paging): absolute `fullUrl` per entry, `search.mode` match/include,
 * `total`, and `self` / `next` / `previous` links on this server's own base.
 *
 * `self` lists the parameters the server actually used, so a client can see what it ignored
 * (http://hl7.org/fhir/R4/search.html#errors). `next` repeats them with the following `_offset`.
 */
export function searchsetBundle(result: SearchResult, query: SearchQuery, baseUrl: string): Bundle {
  const link: BundleLink[] = [{ relation: 'self', url: pageUrl(query, baseUrl, query.offset) }];
  const pageable = !query.summaryCount && query.count > 0;
  if (pageable && query.offset + query.count < result.total) {
    link.push({ relation: 'next', url: pageUrl(query, baseUrl, query.offset + query.count) });
  }
  if (pageable && query.offset > 0) {
    link.push({ relation: 'previous', url: pageUrl(query, baseUrl, Math.max(0, query.offset - query.count)) });
  }
  const entry = [
    ...result.matches.map((e) => bundleEntry(e, baseUrl, 'match')),
    ...result.included.map((e) => bundleEntry(e, baseUrl, 'include')),
  ];
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(query.withTotal ? { total: result.total } : {}),
    link,
    ...(entry.length > 0 ? { entry } : {}),
  };
}

function bundleEntry(e: IndexedEntry, baseUrl: string, mode: 'match' | 'include'): BundleEntry {
  return {
    fullUrl: `${baseUrl}/${e.resource.resourceType}/${e.resource.id}`,
    resource: e.resource,
    search: { mode },
  };
}

function pageUrl(query: SearchQuery, baseUrl: string, offset: number): string {
  const params = new URLSearchParams(query.used.map(([k, v]) => [k, v]));
  params.set('_count', String(query.count));
  if (offset > 0) {
    params.set('_offset', String(offset));
  }
  return `${baseUrl}/${query.resourceType}?${params.toString()}`;
}
