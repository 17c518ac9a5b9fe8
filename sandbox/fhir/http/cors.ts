import type { IncomingMessage } from 'node:http';

/**
 * CORS for a browser app served from another origin (the app's dev server on another localhost port).
 * Tokens travel in the Authorization header, never in cookies, so no Allow-Credentials is needed
 * (https://fetch.spec.whatwg.org/#http-cors-protocol). Headers the app must read on a cross-origin
 * response have to be exposed explicitly: Retry-After for 429/503 back-off, WWW-Authenticate for 401s,
 * Location/ETag for writes.
 */
const EXPOSED = ['Location', 'ETag', 'Last-Modified', 'Content-Location', 'Retry-After', 'WWW-Authenticate'];
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Accept', 'Prefer', 'If-Match', 'If-None-Exist', 'If-None-Match', 'If-Modified-Since', 'X-Request-Id'];
const ALLOWED_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'];

export const isLoopbackOrigin = (origin: string): boolean =>
  /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/.test(origin);

/** Headers for any response to `req`; empty (bar Vary) when the origin is not allowed or absent. */
export function corsHeaders(req: IncomingMessage, allowOrigin: (origin: string) => boolean): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin || !allowOrigin(origin)) {
    return { Vary: 'Origin' };
  }
  return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin', 'Access-Control-Expose-Headers': EXPOSED.join(', ') };
}

/** The answer to an OPTIONS preflight, added to corsHeaders. */
export function preflightHeaders(req: IncomingMessage, allowOrigin: (origin: string) => boolean): Record<string, string> {
  const base = corsHeaders(req, allowOrigin);
  if (!base['Access-Control-Allow-Origin']) {
    return base;
  }
  return {
    ...base,
    'Access-Control-Allow-Methods': ALLOWED_METHODS.join(', '),
    'Access-Control-Allow-Headers': ALLOWED_HEADERS.join(', '),
    'Access-Control-Max-Age': '600',
  };
}
