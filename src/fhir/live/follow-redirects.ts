/**
 * One GET that follows HTTP redirects only to origins that may see the token, and at most
 * MAX_REDIRECTS hops (RFC 9110 §15.4). It runs unchanged in Node (the command-line evaluator, a
 * CDS Hooks service) and in the browser (the app), which expose redirects differently:
 *
 * - Node's fetch answers `redirect: 'manual'` with the 3xx response itself, Location included: each
 *   hop is checked here before the request (and the token) is sent to it.
 * - A browser answers `redirect: 'manual'` with an opaque redirect: no status, no Location
 *   (https://fetch.spec.whatwg.org/#concept-filtered-response-opaque-redirect), so the target cannot
 *   be checked beforehand. The request is then sent again with `redirect: 'follow'`. That is safe
 *   because the browser removes the Authorization header on a cross-origin hop
 *   (https://fetch.spec.whatwg.org/#http-redirect-fetch, "CORS non-wildcard request-header name")
 *   and the app's CSP `connect-src` refuses any origin the site did not configure; the final URL is
 *   still checked, and an answer from an origin that may not see the token is thrown away. The
 *   browser bounds the hops itself (20 in the Fetch standard).
 */
import { mayReceiveToken, originForMessage, type TokenOrigins } from './token-origins.js';

export const MAX_REDIRECTS = 3;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export type Sent =
  | { readonly kind: 'response'; readonly response: Response; readonly requests: number }
  | { readonly kind: 'refused'; readonly detail: string; readonly requests: number };

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/** `init` must not set `redirect`: this function decides it. */
export async function sendFollowingRedirects(url: string, init: Omit<RequestInit, 'redirect'>, fetchImpl: typeof fetch, origins: TokenOrigins): Promise<Sent> {
  let current = url;
  for (let requests = 1; ; requests++) {
    const response = await fetchImpl(current, { ...init, redirect: 'manual' });
    if (response.type === 'opaqueredirect') return followInBrowser(current, init, fetchImpl, origins, requests);
    if (!REDIRECT_STATUSES.has(response.status)) return { kind: 'response', response, requests };
    const location = response.headers.get('Location');
    await discard(response);
    let target: URL;
    try {
      if (!location) throw new Error('no Location');
      target = new URL(location, current);
    } catch {
      return { kind: 'refused', detail: `the server redirected the request (HTTP ${response.status}) without a usable address`, requests };
    }
    if (!mayReceiveToken(target, origins)) {
      return { kind: 'refused', detail: `the server redirected the request to another site (${originForMessage(target)}); the app does not send the token there`, requests };
    }
    if (requests > MAX_REDIRECTS) return { kind: 'refused', detail: `the server redirected the request more than ${MAX_REDIRECTS} times`, requests };
    current = target.href;
  }
}

async function followInBrowser(url: string, init: Omit<RequestInit, 'redirect'>, fetchImpl: typeof fetch, origins: TokenOrigins, requestsSoFar: number): Promise<Sent> {
  const response = await fetchImpl(url, { ...init, redirect: 'follow' });
  const requests = requestsSoFar + 1;
  const finalUrl = response.url || url;
  if (!mayReceiveToken(finalUrl, origins)) {
    await discard(response);
    return { kind: 'refused', detail: `the server redirected the request to another site (${originForMessage(finalUrl)}); its answer was not used`, requests };
  }
  return { kind: 'response', response, requests };
}
