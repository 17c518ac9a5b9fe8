// Small node:http helpers: form bodies, JSON and HTML responses, redirects, CORS.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError as RequestBodyTooLarge, MAX_FORM_BODY_BYTES, readBodyWithin } from '../http/request-body';
import { OAuthError } from './oauth-error';

/**
 * A form body over the limit: answered 413 (an HTTP-level refusal, before any OAuth processing), with
 * the `invalid_request` error code for clients that read the body.
 */
export class BodyTooLargeError extends OAuthError<'invalid_request'> {
  readonly status = 413;
  constructor() {
    super('invalid_request', `request body larger than ${MAX_FORM_BODY_BYTES} bytes`);
  }
}

/**
 * Reads an `application/x-www-form-urlencoded` body, the only encoding RFC 6749 uses for the token
 * endpoint (§4.1.3) and OpenID Connect for POSTed authorization requests. At most MAX_FORM_BODY_BYTES:
 * a larger declared Content-Length is refused before reading, a larger chunked body as it passes the limit.
 */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    req.resume(); // drain so the connection can be reused, but do not keep the bytes
    throw new OAuthError('invalid_request', 'body must be application/x-www-form-urlencoded');
  }
  try {
    return new URLSearchParams((await readBodyWithin(req, MAX_FORM_BODY_BYTES)).toString('utf8'));
  } catch (error) {
    if (error instanceof RequestBodyTooLarge) {
      req.resume(); // the rest is discarded; the answer closes the connection (closeAfterResponse)
      throw new BodyTooLargeError();
    }
    throw error;
  }
}

/**
 * The HTTP status for an OAuth error raised while handling a request: 413 for an oversized body (and
 * the connection closes after the answer, so the rest of the upload is not waited for), else 400.
 */
export function statusFor(error: OAuthError, res: ServerResponse): 400 | 413 {
  if (!(error instanceof BodyTooLargeError)) return 400;
  if (!res.headersSent) res.setHeader('Connection', 'close');
  return 413;
}

/**
 * RFC 6749 §3.1 / §3.2: "Request and response parameters MUST NOT be included more than once."
 * Returns the first parameter that repeats, if any.
 */
export function repeatedParameter(params: URLSearchParams, names?: readonly string[]): string | undefined {
  const keys = names ?? [...new Set(params.keys())];
  return keys.find((name) => params.getAll(name).length > 1);
}

/** A parameter's value, treating the empty string as absent (RFC 6749 §3.1). */
export function param(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name);
  return value === null || value === '' ? undefined : value;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/**
 * RFC 6749 §5.1 and SMART: token responses (and their errors, which may describe codes) carry
 * `Cache-Control: no-store` and `Pragma: no-cache`.
 */
export const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' } as const;

export function redirect(res: ServerResponse, status: 302 | 303, location: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { Location: location, 'Content-Length': 0, ...NO_STORE, 'Referrer-Policy': 'no-referrer', ...headers });
  res.end();
}

export function methodNotAllowed(res: ServerResponse, allowed: readonly string[]): void {
  res.writeHead(405, { Allow: allowed.join(', '), 'Content-Length': 0 });
  res.end();
}

/**
 * CORS for endpoints a browser app calls directly: discovery documents, the style document, the JWKS
 * and the token endpoint (fhirclient exchanges the code from the browser). No cookies are involved
 * anywhere, so `*` leaks nothing that a non-browser client could not fetch anyway.
 */
export const CORS_ANY_ORIGIN = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'WWW-Authenticate',
} as const;

/** Answers a CORS preflight for the given methods. */
export function preflight(res: ServerResponse, methods: readonly string[]): void {
  res.writeHead(204, {
    ...CORS_ANY_ORIGIN,
    'Access-Control-Allow-Methods': methods.join(', '),
    'Access-Control-Allow-Headers': 'Accept, Authorization, Content-Type',
    'Access-Control-Max-Age': '600',
    'Content-Length': 0,
  });
  res.end();
}
