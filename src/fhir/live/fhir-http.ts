/**
 * One HTTP GET against the launched FHIR server: bearer token, a timeout per request, and bounded
 * retries of 429 and 503 that honour `Retry-After`. The token goes only to the launched server's
 * origin; any other URL is refused before a request is made.
 */

export interface HttpOptions {
  /** The launched FHIR base URL; its origin is the only one that ever sees the token. */
  readonly baseUrl: string;
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

export type HttpResult =
  | { readonly ok: true; readonly status: number; readonly body: unknown; readonly attempts: number }
  | { readonly ok: false; readonly kind: 'http'; readonly status: number; readonly attempts: number; readonly retryAfterMs?: number }
  | { readonly ok: false; readonly kind: 'timeout' | 'network' | 'bad-body' | 'foreign-origin'; readonly attempts: number; readonly detail: string };

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
  if (!sameOrigin(url, o.baseUrl)) {
    return { ok: false, kind: 'foreign-origin', attempts: 0, detail: 'the server pointed to another site; the app does not send the token there' };
  }
  const sleep = o.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), o.timeoutMs);
    const onAbort = () => controller.abort();
    o.signal?.addEventListener('abort', onAbort, { once: true });
    let response: Response;
    try {
      response = await o.fetch(url, {
        headers: { Accept: 'application/fhir+json', ...(o.accessToken ? { Authorization: `Bearer ${o.accessToken}` } : {}) },
        signal: controller.signal,
        credentials: 'omit',
        redirect: 'error',
      });
    } catch (err) {
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
      const timedOut = controller.signal.aborted && !o.signal?.aborted;
      return { ok: false, kind: timedOut ? 'timeout' : 'network', attempts: attempt, detail: timedOut ? `no answer within ${Math.round(o.timeoutMs / 1000)} s` : 'the server could not be reached' };
    }
    try {
      if (response.status === 429 || response.status === 503) {
        const wait = retryAfterMs(response.headers.get('Retry-After')) ?? 1000 * attempt;
        await response.body?.cancel().catch(() => undefined);
        if (attempt > o.maxRetries || wait > o.maxRetryAfterMs) return { ok: false, kind: 'http', status: response.status, attempts: attempt, retryAfterMs: wait };
        await sleep(wait);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        return { ok: false, kind: 'http', status: response.status, attempts: attempt };
      }
      try {
        return { ok: true, status: response.status, body: await response.json(), attempts: attempt };
      } catch {
        const timedOut = controller.signal.aborted && !o.signal?.aborted;
        return { ok: false, kind: timedOut ? 'timeout' : 'bad-body', attempts: attempt, detail: timedOut ? `no answer within ${Math.round(o.timeoutMs / 1000)} s` : 'the answer was not FHIR JSON' };
      }
    } finally {
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
    }
  }
}
