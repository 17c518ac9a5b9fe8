import type { IncomingHttpHeaders } from 'node:http';
import { getStatus, isOk } from '@medplum/core';
import type { FhirRouter } from '@medplum/fhir-router';
import type { Bundle, CapabilityStatement, FhirResource, OperationOutcome, Resource } from 'fhir/r4';
import type { CompartmentGuard } from '../compartment/compartment-guard';
import { checkConfinedRequest, confineResponse } from '../compartment/confine';
import { processTransaction } from '../ingest/transaction';
import { badRequest, fromMedplumOutcome, operationOutcome } from '../operation-outcome';
import { searchsetBundle } from '../search/bundle';
import { executeSearch } from '../search/execute';
import { parseSearchQuery } from '../search/query';
import type { SandboxRepository } from '../store/sandbox-repository';
import type { FhirHttpResponse } from '../types';
import type { Route } from './route';

export interface DispatchContext {
  readonly store: SandboxRepository;
  readonly router: FhirRouter;
  readonly baseUrl: string;
  readonly pageSize: number;
  readonly maxPageSize: number;
  readonly capabilityStatement: () => CapabilityStatement;
}

export interface ParsedRequest {
  readonly method: string;
  /** Path relative to the base plus the query string, as FhirRouter takes it. */
  readonly relativeUrl: string;
  readonly params: URLSearchParams;
  readonly body: unknown;
  readonly headers: IncomingHttpHeaders;
}

/**
 * Runs one routed request. Search, capabilities and transactions are ours; the rest is Medplum's FhirRouter.
 * With a compartment `guard` (a token confined to one patient) the request is checked before it runs and
 * the answer filtered before it is returned.
 */
export async function dispatch(ctx: DispatchContext, route: Route, request: ParsedRequest, guard?: CompartmentGuard): Promise<FhirHttpResponse> {
  if (!guard) return run(ctx, route, request, undefined);
  const existing = 'id' in route ? (ctx.store.get(route.resourceType, route.id)?.resource as FhirResource | undefined) : undefined;
  checkConfinedRequest({ interaction: route.interaction, body: request.body, headers: request.headers, existing }, guard);
  return confineResponse(route.interaction, await run(ctx, route, request, guard), guard);
}

async function run(ctx: DispatchContext, route: Route, request: ParsedRequest, guard: CompartmentGuard | undefined): Promise<FhirHttpResponse> {
  switch (route.interaction) {
    case 'capabilities':
      return ok(ctx.capabilityStatement());
    case 'search-type':
      return ok(search(ctx, route.resourceType, request, guard));
    case 'transaction':
      return ok(await processTransaction(requireResource(request.body) as Bundle, ctx.store, ctx.baseUrl));
    case 'create':
    case 'update':
      requireResource(request.body);
      return viaRouter(ctx, route, request);
    default:
      return viaRouter(ctx, route, request);
  }
}

function search(ctx: DispatchContext, resourceType: string, request: ParsedRequest, guard: CompartmentGuard | undefined): Bundle {
  // Prefer: handling=strict asks for an error instead of silently ignored parameters
  // (http://hl7.org/fhir/R4/search.html#errors).
  const strict = /handling\s*=\s*strict/i.test(String(request.headers.prefer ?? ''));
  const { query } = parseSearchQuery(resourceType, request.params, {
    baseUrl: ctx.baseUrl,
    pageSize: ctx.pageSize,
    maxPageSize: ctx.maxPageSize,
    strict,
  });
  return searchsetBundle(executeSearch(ctx.store, query, Date.now(), guard), query, ctx.baseUrl);
}

/**
 * read, vread, history, create, update and delete go through Medplum's FhirRouter over our repository.
 * The router must get `url` and an empty `pathname` (it throws if a pathname is set) and answers with an
 * OperationOutcome whose id encodes the status.
 */
async function viaRouter(ctx: DispatchContext, route: Route, request: ParsedRequest): Promise<FhirHttpResponse> {
  const existed = route.interaction === 'update' ? ctx.store.get(route.resourceType, route.id) !== undefined : true;
  const [outcome, resource] = await ctx.router.handleRequest(
    {
      method: request.method as 'GET' | 'POST' | 'PUT' | 'DELETE',
      url: request.relativeUrl,
      pathname: '',
      body: request.body,
      params: {},
      query: {},
      headers: request.headers,
    },
    ctx.store,
  );
  if (!isOk(outcome)) {
    throw fromMedplumOutcome(outcome as OperationOutcome);
  }
  if (route.interaction === 'delete') {
    return ok(operationOutcome('information', 'informational', `Deleted ${route.resourceType}/${route.id}`));
  }
  // "If the resource was created by the update, the server SHALL return 201" (http://hl7.org/fhir/R4/http.html#update);
  // Medplum's router says 200 either way.
  const status = route.interaction === 'update' && !existed ? 201 : getStatus(outcome);
  const body = resource as FhirResource | undefined;
  if (route.interaction === 'history-instance' && body?.resourceType === 'Bundle') {
    return ok(withFullUrls(body as Bundle, ctx.baseUrl));
  }
  return { status, headers: versionHeaders(body, ctx.baseUrl, status === 201), body };
}

function versionHeaders(resource: Resource | undefined, baseUrl: string, created: boolean): Record<string, string> {
  const version = resource?.meta?.versionId;
  if (!resource || version === undefined) {
    return {};
  }
  const headers: Record<string, string> = { ETag: `W/"${version}"` };
  if (resource.meta?.lastUpdated) {
    headers['Last-Modified'] = new Date(resource.meta.lastUpdated).toUTCString();
  }
  if (created) {
    headers.Location = `${baseUrl}/${resource.resourceType}/${resource.id}/_history/${version}`;
  }
  return headers;
}

function withFullUrls(bundle: Bundle, baseUrl: string): Bundle {
  return {
    ...bundle,
    entry: bundle.entry?.map((e) => ({
      fullUrl: e.resource ? `${baseUrl}/${e.resource.resourceType}/${e.resource.id}` : undefined,
      ...e,
    })),
  };
}

function requireResource(body: unknown): Resource {
  if (typeof body !== 'object' || body === null || typeof (body as { resourceType?: unknown }).resourceType !== 'string') {
    throw badRequest('The request body must be a FHIR resource in JSON');
  }
  return body as Resource;
}

const ok = (body: FhirResource): FhirHttpResponse => ({ status: 200, headers: {}, body });
