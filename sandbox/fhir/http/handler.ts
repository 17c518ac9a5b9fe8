import type { IncomingMessage, ServerResponse } from 'node:http';
import { FhirError, toFhirError } from '../operation-outcome';
import type { AccessRequest, AuthorizeResult, FhirHttpResponse, FhirServerOptions } from '../types';
import { compartmentGuard } from '../compartment/compartment-guard';
import { accessFor } from './access';
import { corsHeaders, preflightHeaders } from './cors';
import type { DispatchContext } from './dispatch';
import { dispatch } from './dispatch';
import { announcesBody, closeAfterResponse } from '../../http/request-body';
import { acceptsJson, parseFormBody, parseJsonBody, readBody, send } from './io';
import { routeRequest } from './route';

export interface HandlerOptions {
  readonly dispatch: DispatchContext;
  readonly authenticate: FhirServerOptions['authenticate'];
  readonly authorize: FhirServerOptions['authorize'];
  readonly adjustSearch: FhirServerOptions['adjustSearch'];
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
    let bodyRead = false;
    const answer = async (): Promise<FhirHttpResponse> => {
      if (!acceptsJson(req.headers.accept)) {
        throw new FhirError(406, 'not-supported', 'This server only speaks application/fhir+json');
      }
      const method = req.method ?? 'GET';
      const route = routeRequest(method, segments);
      // Who is asking, before a byte of the body is read: an anonymous upload is never buffered or parsed.
      const identity = options.authenticate ? await options.authenticate(req, route.interaction) : { ok: true as const };
      if (!identity.ok) return refusal(identity);
      const text = method === 'POST' || method === 'PUT' ? await readBody(req, options.maxBodyBytes) : '';
      bodyRead = true;
      const viaPost = route.interaction === 'search-type' && route.viaPost;
      // POST _search: parameters may come in the body and the URL both (http://hl7.org/fhir/R4/http.html#search)
      let params = viaPost ? new URLSearchParams([...url.searchParams, ...parseFormBody(text, req.headers['content-type'])]) : url.searchParams;
      const body = !viaPost && text ? parseJsonBody(text) : undefined;
      access = accessFor(route, params, body, store, baseUrl);
      const decision = options.authorize ? await options.authorize(req, access) : { ok: true as const };
      if (!decision.ok) return refusal(decision);
      const contextPatientId = decision.compartment?.patientId;
      if (contextPatientId !== undefined) access = { ...access, contextPatientId };
      if (route.interaction === 'search-type' && options.adjustSearch) params = options.adjustSearch(req, access) ?? params;
      const guard = decision.compartment ? compartmentGuard(decision.compartment, baseUrl) : undefined;
      return dispatch(options.dispatch, route, { method, relativeUrl: segments.join('/') + url.search, params, body, headers: req.headers }, guard);
    };
    let response: FhirHttpResponse;
    try {
      response = await answer();
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
    if (!bodyRead && announcesBody(req)) closeAfterResponse(req, res); // refused unread, or 413
    send(res, response, corsHeaders(req, options.allowOrigin));
    return true;
  };
}

function refusal(decision: Extract<AuthorizeResult, { ok: false }>): FhirHttpResponse {
  return { status: decision.status, headers: decision.headers ?? {}, body: decision.outcome };
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
