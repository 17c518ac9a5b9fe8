/**
 * One HTTP GET against the launched FHIR server: bearer token, a timeout per request, and bounded
 * retries of 429 and 503 that honour `Retry-After`. The token goes only to the launched server's
 * origin and the site's additional FHIR origins; any other URL is refused before a request is made,
 * and redirects are followed only within those origins (follow-redirects.ts).
 */
import { sendFollowingRedirects } from './follow-redirects.js';
import { mayReceiveToken, originForMessage, tokenOrigins } from './token-origins.js';

export interface HttpOptions {
  /** The launched FHIR base URL; its origin always may see the token. */
  readonly baseUrl: string;
  /** Further origins that may see the token (runtime configuration `additionalFhirOrigins`). */
  readonly additionalOrigins?: readonly string[];
  readonly accessToken?: string;
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  /** Retries after the first attempt, for 429 and 503 only. */
  readonly maxRetries: number;
  /** Longest `Retry-After` the app will wait; a longer one fails the query instead. */
  readonly maxRetryAfterMs: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly signal?: AbortSignal;
}

/**
 * `attempts` counts tries (the first and each retry); `requests` counts HTTP requests sent,
 * redirect hops included.
 */
export type HttpResult =
  | { readonly ok: true; readonly status: number; readonly body: unknown; readonly attempts: number; readonly requests: number }
  | { readonly ok: false; readonly kind: 'http'; readonly status: number; readonly attempts: number; readonly requests: number; readonly retryAfterMs?: number }
  | { readonly ok: false; readonly kind: 'timeout' | 'network' | 'bad-body' | 'foreign-origin' | 'redirect-refused'; readonly attempts: number; readonly requests: number; readonly detail: string };

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function sameOrigin(url: string, baseUrl: string): boolean {
  try {
    return new URL(url).origin === new URL(baseUrl).origin;
  } catch {
    return false;
  }
}

export async function getJson(url: string, o: HttpOptions): Promise<HttpResult> {
  const origins = tokenOrigins(o.baseUrl, o.additionalOrigins);
  if (!mayReceiveToken(url, origins)) {
    return { ok: false, kind: 'foreign-origin', attempts: 0, requests: 0, detail: `the server pointed to another site (${originForMessage(url)}); the app does not send the token there` };
  }
  const sleep = o.sleep ?? defaultSleep;
  let requests = 0;
  for (let attempt = 1; ; attempt++) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), o.timeoutMs);
    const onAbort = () => controller.abort();
    o.signal?.addEventListener('abort', onAbort, { once: true });
    const timedOut = () => controller.signal.aborted && !o.signal?.aborted;
    const noAnswer = `no answer within ${Math.round(o.timeoutMs / 1000)} s`;
    try {
      let sent;
      try {
        sent = await sendFollowingRedirects(
          url,
          {
            headers: { Accept: 'application/fhir+json', ...(o.accessToken ? { Authorization: `Bearer ${o.accessToken}` } : {}) },
            signal: controller.signal,
            credentials: 'omit',
          },
          o.fetch,
          origins,
        );
      } catch {
        // A request that never got an answer: count it as sent once.
        return { ok: false, kind: timedOut() ? 'timeout' : 'network', attempts: attempt, requests: requests + 1, detail: timedOut() ? noAnswer : 'the server could not be reached' };
      }
      requests += sent.requests;
      if (sent.kind === 'refused') return { ok: false, kind: 'redirect-refused', attempts: attempt, requests, detail: sent.detail };
      const response = sent.response;
      if (response.status === 429 || response.status === 503) {
        const wait = retryAfterMs(response.headers.get('Retry-After')) ?? 1000 * attempt;
        await response.body?.cancel().catch(() => undefined);
        if (attempt > o.maxRetries || wait > o.maxRetryAfterMs) return { ok: false, kind: 'http', status: response.status, attempts: attempt, requests, retryAfterMs: wait };
        await sleep(wait);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        return { ok: false, kind: 'http', status: response.status, attempts: attempt, requests };
      }
      try {
        return { ok: true, status: response.status, body: await response.json(), attempts: attempt, requests };
      } catch {
        return { ok: false, kind: timedOut() ? 'timeout' : 'bad-body', attempts: attempt, requests, detail: timedOut() ? noAnswer : 'the answer was not FHIR JSON' };
      }
    } finally {
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
    }
  }
}
