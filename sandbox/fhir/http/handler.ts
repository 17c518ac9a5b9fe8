import type { IncomingMessage, ServerResponse } from 'node:http';
import { FhirError, toFhirError } from '../operation-outcome';
import type { AccessRequest, FhirHttpResponse, FhirServerOptions } from '../types';
import { compartmentGuard } from '../compartment/compartment-guard';
import { accessFor } from './access';
import { corsHeaders, preflightHeaders } from './cors';
import type { DispatchContext } from './dispatch';
import { dispatch } from './dispatch';
import { acceptsJson, parseFormBody, parseJsonBody, readBody, send } from './io';
import { routeRequest } from './route';

export interface HandlerOptions {
  readonly dispatch: DispatchContext;
  readonly authorize: FhirServerOptions['authorize'];
  readonly beforeResponse: FhirServerOptions['beforeResponse'];
  readonly allowOrigin: (origin: string) => boolean;
  readonly maxBodyBytes: number;
}

/**
 * The node:http entry point: requests under the base path are answered (CORS preflight, then route,
 * authorize hook, dispatch, beforeResponse hook); anything else resolves false untouched, so the sandbox
 * can put the SMART server (including `<base>/.well-known/smart-configuration`) and the EHR page beside it.
 */
export function createRequestHandler(options: HandlerOptions): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const { baseUrl, store } = options.dispatch;
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '');

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const segments = segmentsUnder(url.pathname, basePath);
    if (!segments || segments[0] === '.well-known') {
      return false;
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, preflightHeaders(req, options.allowOrigin)).end();
      return true;
    }
    let access: AccessRequest | undefined;
    let response: FhirHttpResponse;
    try {
      if (!acceptsJson(req.headers.accept)) {
        throw new FhirError(406, 'not-supported', 'This server only speaks application/fhir+json');
      }
      const method = req.method ?? 'GET';
      const route = routeRequest(method, segments);
      const text = method === 'POST' || method === 'PUT' ? await readBody(req, options.maxBodyBytes) : '';
      const viaPost = route.interaction === 'search-type' && route.viaPost;
      // POST _search: parameters may come in the body and the URL both (http://hl7.org/fhir/R4/http.html#search)
      const params = viaPost ? new URLSearchParams([...url.searchParams, ...parseFormBody(text, req.headers['content-type'])]) : url.searchParams;
      const body = !viaPost && text ? parseJsonBody(text) : undefined;
      access = accessFor(route, params, body, store, baseUrl);
      const decision = options.authorize ? await options.authorize(req, access) : { ok: true as const };
      const guard = decision.ok && decision.compartment ? compartmentGuard(decision.compartment, baseUrl) : undefined;
      response = decision.ok
        ? await dispatch(options.dispatch, route, { method, relativeUrl: segments.join('/') + url.search, params, body, headers: req.headers }, guard)
        : { status: decision.status, headers: decision.headers ?? {}, body: decision.outcome };
    } catch (err) {
      response = errorResponse(err);
    }
    if (options.beforeResponse) {
      try {
        response = (await options.beforeResponse(req, response, access)) ?? response;
      } catch (err) {
        response = errorResponse(err);
      }
    }
    send(res, response, corsHeaders(req, options.allowOrigin));
    return true;
  };
}

function errorResponse(err: unknown): FhirHttpResponse {
  const error = toFhirError(err);
  if (error.status >= 500) {
    console.error('FHIR server error:', err); // the client only gets a generic outcome
  }
  return { status: error.status, headers: error.headers, body: error.outcome };
}

/** Path segments after the base path, or undefined if the path is not under it. */
function segmentsUnder(pathname: string, basePath: string): string[] | undefined {
  if (pathname !== basePath && !pathname.startsWith(`${basePath}/`)) {
    return undefined;
  }
  try {
    return pathname.slice(basePath.length).split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return ['%']; // undecodable: routeRequest answers 404
  }
}
