/**
 * Run one planned query to the end: follow `next` links with a page cap, refuse a `next` link that
 * repeats or leaves the origins that may see the token, and end in exactly one status (FHIR
 * access, architecture): complete, truncated (page cap, repeating or foreign `next`), failed
 * (status and a readable reason), unsupported (the type-level search answered 404), or not
 * authorised (401/403, or the scope was not granted).
 * https://hl7.org/fhir/R4/http.html#paging
 *
 * A 200 is not always a search: a Bundle whose OperationOutcome has an `error` or `fatal` issue
 * means the server did not search, and the query failed exactly as if it had answered 500 (rule
 * catalogue, second round). When such a page also carries matches, they are not used either: the
 * server itself says the search was not done properly, so the matches may be an arbitrary part of the
 * record (the newest result may be missing, and a rule reading "the latest value" would then flag
 * an old one). Warnings and information are kept as notes on the outcome.
 */
import type { SourceStatus } from '../../../rules/engine/record.js';
import { arr, field, obj, resourceType, str, type JsonObject } from '../fhir-values.js';
import { getJson, type HttpOptions, type HttpResult } from './fhir-http.js';
import { bundleIssues, outcomeIssues } from './operation-outcome.js';
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
  /** What the server said about its answer without failing it (OperationOutcome warnings and information). */
  readonly notes?: readonly string[];
}

/** Notes kept per query, at most (each is already length-capped). */
export const MAX_NOTES = 5;

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

function failure(r: Extract<HttpResult, { ok: false }>, q: PlannedQuery, firstPage: boolean): { status: SourceStatus; httpStatus?: number } {
  if (r.kind === 'http') {
    if (r.status === 401) return { status: { state: 'not-authorised', reason: 'session expired or token refused (HTTP 401): relaunch from the EHR' }, httpStatus: 401 };
    if (r.status === 403) return { status: { state: 'not-authorised', reason: 'the server refused access (HTTP 403)' }, httpStatus: 403 };
    if (r.status === 429 || r.status === 503) {
      const after = r.retryAfterMs !== undefined ? `, asked to retry after ${Math.round(r.retryAfterMs / 1000)} s` : '';
      return { status: { state: 'failed', reason: `the server was busy (HTTP ${r.status}${after}; tried ${r.attempts} times)` }, httpStatus: r.status };
    }
    if (r.status === 404) {
      if (q.interaction === 'read') return { status: { state: 'failed', reason: `the server did not find the ${q.resourceType.toLowerCase()} (HTTP 404)` }, httpStatus: 404 };
      // A type-level search that is not found: the server does not offer the type (a later page's 404 is only a lost page).
      if (firstPage) return { status: { state: 'unsupported', reason: `${unsupportedReason(q.resourceType)}; its search answered HTTP 404` }, httpStatus: 404 };
      return { status: { state: 'failed', reason: 'the page was not found (HTTP 404)' }, httpStatus: 404 };
    }
    if (r.status >= 500) return { status: { state: 'failed', reason: `server error (HTTP ${r.status})` }, httpStatus: r.status };
    return { status: { state: 'failed', reason: `the server refused the search (HTTP ${r.status})` }, httpStatus: r.status };
  }
  return { status: { state: 'failed', reason: r.detail } };
}

/** The reason given for a resource type the server does not offer. */
export function unsupportedReason(resourceType: string): string {
  return `this EHR does not offer ${resourceType}`;
}

const didNotSearch = (errors: readonly string[]) => `the server answered but did not search: ${errors.join('; ')}`;

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
  const finish = (status: SourceStatus, resources: QueryOutcome['resources'], requests: number, pages: number, httpStatus?: number, notes?: ReadonlySet<string>): QueryOutcome => ({
    query: q,
    status: withSince(status, q.since),
    resources,
    requests,
    pages,
    ...(httpStatus ? { httpStatus } : {}),
    ms: now() - started,
    ...(notes?.size ? { notes: [...notes] } : {}),
  });

  const params = paramsUnderGrants(o.grants, q.resourceType, q.params);
  if (!params) return finish({ state: 'not-authorised', reason: `scope ${neededScope(q.resourceType)} was not granted` }, [], 0, 0);

  let url: string | undefined = queryUrl(o.http.baseUrl, q, o.patientId, params);
  const seen = new Set<string>();
  const resources: { resource: JsonObject; fullUrl?: string }[] = [];
  const notes = new Set<string>();
  let requests = 0;
  let pages = 0;
  const done = (status: SourceStatus, kept: QueryOutcome['resources'], httpStatus?: number): QueryOutcome => finish(status, kept, requests, pages, httpStatus, notes);
  // A failure after some pages: what was read is kept, but the source is not complete.
  const fail = (status: SourceStatus, httpStatus?: number): QueryOutcome =>
    pages ? done({ state: 'truncated', reason: `page ${pages + 1} failed: ${status.reason}` }, resources) : done(status, [], httpStatus);
  while (url) {
    if (pages >= o.maxPages) return done({ state: 'truncated', reason: `stopped after ${o.maxPages} pages` }, resources);
    seen.add(url);
    const r = await getJson(url, o.http);
    requests += r.requests;
    if (!r.ok) {
      if (r.kind === 'foreign-origin') return done({ state: 'truncated', reason: r.detail }, resources);
      const f = failure(r, q, pages === 0);
      return fail(f.status, f.httpStatus);
    }
    const body = obj(r.body);
    if (body && resourceType(body) === 'OperationOutcome') {
      const issues = outcomeIssues(body);
      const words = issues.errors.length ? issues.errors : issues.notes.length ? issues.notes : ['no explanation given'];
      return fail({ state: 'failed', reason: q.interaction === 'read' ? `the server answered with a message instead of the ${q.resourceType.toLowerCase()}: ${words.join('; ')}` : didNotSearch(words) });
    }
    if (q.interaction === 'read') {
      pages += 1;
      if (!body || resourceType(body) !== q.resourceType) return done({ state: 'failed', reason: 'the answer was not the requested resource' }, []);
      return done({ state: 'complete' }, [{ resource: body }]);
    }
    if (!body || resourceType(body) !== 'Bundle') return fail({ state: 'failed', reason: 'the answer was not a FHIR search Bundle' });
    const issues = bundleIssues(body);
    for (const n of issues.notes) if (notes.size < MAX_NOTES) notes.add(n);
    const page = pageEntries(body, q.resourceType);
    if (issues.errors.length) {
      const unused = page.matches ? ` (the ${page.matches} result${page.matches === 1 ? '' : 's'} sent with it were not used)` : '';
      return fail({ state: 'failed', reason: `${didNotSearch(issues.errors)}${unused}` });
    }
    pages += 1;
    resources.push(...page.entries);
    const next = arr(field(body, 'link')).map(obj).find((l) => str(field(l, 'relation')) === 'next');
    const nextUrl = absolute(str(field(next, 'url')), o.http.baseUrl);
    if (nextUrl && seen.has(nextUrl)) return done({ state: 'truncated', reason: 'the server repeated a page link; stopped to avoid a loop' }, resources);
    url = nextUrl;
  }
  return done({ state: 'complete' }, resources);
}

/** A page's resources (OperationOutcomes aside), and how many are matches of the searched type (not `_include`d). */
function pageEntries(bundle: JsonObject, searchedType: string): { entries: { resource: JsonObject; fullUrl?: string }[]; matches: number } {
  const entries: { resource: JsonObject; fullUrl?: string }[] = [];
  let matches = 0;
  for (const e of arr(field(bundle, 'entry')).map(obj)) {
    const resource = obj(field(e, 'resource'));
    if (!resource || resourceType(resource) === 'OperationOutcome') continue;
    const fullUrl = str(field(e, 'fullUrl'));
    entries.push(fullUrl ? { resource, fullUrl } : { resource });
    const mode = str(field(obj(field(e, 'search')), 'mode'));
    if (resourceType(resource) === searchedType && mode !== 'include') matches += 1;
  }
  return { entries, matches };
}
