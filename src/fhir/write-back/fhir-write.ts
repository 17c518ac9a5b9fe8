/**
 * One FHIR write (create with POST, update with PUT) to the launched server, under the live
 * layer's token rules (src/fhir/live/token-origins.ts): the token goes only to the launched server's
 * origin and the site's additional FHIR origins, and a URL anywhere else is refused before anything
 * is sent. Unlike a read, a write is:
 * - never redirected: a server that answers a write with a redirect is not followed (a browser
 *   would resend the body, and the note, to wherever it points), and the write counts as failed;
 * - never retried by itself: a create sent twice is two notes. The clinician saves again, and a
 *   second save of the same visit is an update (save-visit.ts).
 * https://hl7.org/fhir/R4/http.html#create, https://hl7.org/fhir/R4/http.html#update
 */
import type { HttpOptions } from '../live/fhir-http.js';
import { mayReceiveToken, originForMessage, tokenOrigins } from '../live/token-origins.js';

export type WriteOptions = Pick<HttpOptions, 'baseUrl' | 'additionalOrigins' | 'accessToken' | 'fetch' | 'timeoutMs' | 'signal'>;

export type WriteResult =
  | {
      readonly ok: true;
      readonly status: number;
      /** The stored resource when the server sent it back. */
      readonly body: unknown;
      /** `Location` (a create's new address), when the server sent one. */
      readonly location?: string;
    }
  | { readonly ok: false; readonly kind: 'http'; readonly status: number; readonly body: unknown }
  | { readonly ok: false; readonly kind: 'timeout' | 'network' | 'foreign-origin' | 'redirected'; readonly detail: string };

async function bodyOf(response: Response): Promise<unknown> {
  try {
    const text = await response.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

export async function writeResource(method: 'POST' | 'PUT', url: string, resource: unknown, o: WriteOptions): Promise<WriteResult> {
  if (!mayReceiveToken(url, tokenOrigins(o.baseUrl, o.additionalOrigins))) {
    return { ok: false, kind: 'foreign-origin', detail: `the write would go to another site (${originForMessage(url)}); the app does not send the token there` };
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), o.timeoutMs);
  const onAbort = () => controller.abort();
  o.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let response: Response;
    try {
      response = await o.fetch(url, {
        method,
        headers: {
          Accept: 'application/fhir+json',
          'Content-Type': 'application/fhir+json',
          ...(o.accessToken ? { Authorization: `Bearer ${o.accessToken}` } : {}),
        },
        body: JSON.stringify(resource),
        redirect: 'manual',
        credentials: 'omit',
        signal: controller.signal,
      });
    } catch {
      const timedOut = controller.signal.aborted && !o.signal?.aborted;
      return timedOut
        ? { ok: false, kind: 'timeout', detail: `no answer within ${Math.round(o.timeoutMs / 1000)} s` }
        : { ok: false, kind: 'network', detail: 'the EHR could not be reached' };
    }
    // A browser answers `redirect: 'manual'` with an opaque redirect (status 0); Node with the 3xx itself.
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, kind: 'redirected', detail: 'the EHR redirected the write; the app does not follow a redirect with the note' };
    }
    const body = await bodyOf(response);
    if (!response.ok) return { ok: false, kind: 'http', status: response.status, body };
    const location = response.headers.get('Location') ?? response.headers.get('Content-Location') ?? undefined;
    return { ok: true, status: response.status, body, ...(location ? { location } : {}) };
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', onAbort);
  }
}
