/**
 * Run one planned query to the end: follow `next` links with a page cap, refuse a `next` link that
 * repeats or leaves the launched server, and end in exactly one status (FHIR access, architecture):
 * complete, truncated (page cap, repeating or foreign `next`), failed (status and a readable
 * reason), or not authorised (401/403, or the scope was not granted).
 * https://hl7.org/fhir/R4/http.html#paging
 */
import type { SourceStatus } from '../../../rules/engine/record.js';
import { arr, field, obj, resourceType, str, type JsonObject } from '../fhir-values.js';
import { getJson, type HttpOptions, type HttpResult } from './fhir-http.js';
import { neededScope, paramsUnderGrants, type ScopeGrant } from './granted-scopes.js';
import type { PlannedQuery } from './query-plan.js';

export interface QueryOutcome {
  readonly query: PlannedQuery;
  readonly status: SourceStatus;
  /** Resources with the full URL each came with (for reference resolution). */
  readonly resources: readonly { resource: JsonObject; fullUrl?: string }[];
  readonly requests: number;
  readonly pages: number;
  /** HTTP status of a failure, when there was one. */
  readonly httpStatus?: number;
  readonly ms: number;
}

export interface RunOptions {
  readonly http: HttpOptions;
  readonly patientId: string;
  readonly grants: readonly ScopeGrant[];
  /** Pages read at most per query; more is "truncated". */
  readonly maxPages: number;
  readonly now?: () => number;
}

export function queryUrl(baseUrl: string, q: PlannedQuery, patientId: string, params: Record<string, string>): string {
  const base = baseUrl.replace(/\/+$/, '');
  if (q.interaction === 'read') return `${base}/${q.resourceType}/${encodeURIComponent(patientId)}`;
  const search = new URLSearchParams({ patient: patientId, ...params });
  return `${base}/${q.resourceType}?${search.toString()}`;
}

function failure(r: Extract<HttpResult, { ok: false }>): { status: SourceStatus; httpStatus?: number } {
  if (r.kind === 'http') {
    if (r.status === 401) return { status: { state: 'not-authorised', reason: 'session expired or token refused (HTTP 401): relaunch from the EHR' }, httpStatus: 401 };
    if (r.status === 403) return { status: { state: 'not-authorised', reason: 'the server refused access (HTTP 403)' }, httpStatus: 403 };
    if (r.status === 429 || r.status === 503) {
      const after = r.retryAfterMs !== undefined ? `, asked to retry after ${Math.round(r.retryAfterMs / 1000)} s` : '';
      return { status: { state: 'failed', reason: `the server was busy (HTTP ${r.status}${after}; tried ${r.attempts} times)` }, httpStatus: r.status };
    }
    if (r.status === 404) return { status: { state: 'failed', reason: 'the server does not offer this search (HTTP 404)' }, httpStatus: 404 };
    if (r.status >= 500) return { status: { state: 'failed', reason: `server error (HTTP ${r.status})` }, httpStatus: r.status };
    return { status: { state: 'failed', reason: `the server refused the search (HTTP ${r.status})` }, httpStatus: r.status };
  }
  return { status: { state: 'failed', reason: r.detail } };
}

/** A `next` link should be absolute; resolve a relative one against the base rather than drop it. */
function absolute(url: string | undefined, baseUrl: string): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href;
  } catch {
    return undefined;
  }
}

const withSince = (status: SourceStatus, since: string | undefined): SourceStatus => (since && status.state === 'complete' ? { ...status, since } : status);

export async function runQuery(q: PlannedQuery, o: RunOptions): Promise<QueryOutcome> {
  const now = o.now ?? (() => performance.now());
  const started = now();
  const done = (status: SourceStatus, resources: QueryOutcome['resources'], requests: number, pages: number, httpStatus?: number): QueryOutcome => ({
    query: q,
    status: withSince(status, q.since),
    resources,
    requests,
    pages,
    ...(httpStatus ? { httpStatus } : {}),
    ms: now() - started,
  });

  const params = paramsUnderGrants(o.grants, q.resourceType, q.params);
  if (!params) return done({ state: 'not-authorised', reason: `scope ${neededScope(q.resourceType)} was not granted` }, [], 0, 0);

  let url: string | undefined = queryUrl(o.http.baseUrl, q, o.patientId, params);
  const seen = new Set<string>();
  const resources: { resource: JsonObject; fullUrl?: string }[] = [];
  let requests = 0;
  let pages = 0;
  while (url) {
    if (pages >= o.maxPages) return done({ state: 'truncated', reason: `stopped after ${o.maxPages} pages` }, resources, requests, pages);
    seen.add(url);
    const r = await getJson(url, o.http);
    requests += r.attempts;
    if (!r.ok) {
      if (r.kind === 'foreign-origin') return done({ state: 'truncated', reason: r.detail }, resources, requests, pages);
      const f = failure(r);
      // A failure after some pages: what was read is kept, but the source is not complete.
      return done(pages ? { state: 'truncated', reason: `page ${pages + 1} failed: ${f.status.reason}` } : f.status, resources, requests, pages, f.httpStatus);
    }
    pages += 1;
    const body = obj(r.body);
    if (q.interaction === 'read') {
      if (!body || resourceType(body) !== q.resourceType) return done({ state: 'failed', reason: 'the answer was not the requested resource' }, [], requests, pages);
      return done({ state: 'complete' }, [{ resource: body }], requests, pages);
    }
    if (!body || resourceType(body) !== 'Bundle') return done({ state: 'failed', reason: 'the answer was not a FHIR search Bundle' }, resources, requests, pages);
    for (const e of arr(field(body, 'entry')).map(obj)) {
      const resource = obj(field(e, 'resource'));
      if (!resource || resourceType(resource) === 'OperationOutcome') continue;
      const fullUrl = str(field(e, 'fullUrl'));
      resources.push(fullUrl ? { resource, fullUrl } : { resource });
    }
    const next = arr(field(body, 'link')).map(obj).find((l) => str(field(l, 'relation')) === 'next');
    const nextUrl = absolute(str(field(next, 'url')), o.http.baseUrl);
    if (nextUrl && seen.has(nextUrl)) return done({ state: 'truncated', reason: 'the server repeated a page link; stopped to avoid a loop' }, resources, requests, pages);
    url = nextUrl;
  }
  return done({ state: 'complete' }, resources, requests, pages);
}
