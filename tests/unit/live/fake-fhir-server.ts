/**
 * A scripted stand-in for a FHIR server, for unit tests of the data layer: each request is answered
 * by the first matching handler; every request is recorded (URL, headers, redirect mode, time), and
 * `events` lists requests and answers in the order they happened, so a test can tell one parallel
 * round from requests sent one after another.
 */
export interface Recorded {
  readonly url: string;
  readonly authorization: string | null;
  readonly redirect: RequestRedirect | undefined;
  readonly at: number;
}

export type Handler = (url: URL, n: number, init?: RequestInit) => Response | undefined | Promise<Response | undefined>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/fhir+json', ...headers } });
}

export function bundle(resources: unknown[], next?: string): unknown {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    entry: resources.map((resource) => ({ resource, search: { mode: 'match' } })),
    link: next ? [{ relation: 'next', url: next }] : [],
  };
}

/** An OperationOutcome with one issue per entry. */
export function operationOutcome(...issues: { severity: string; code?: string; diagnostics?: string; details?: string }[]): unknown {
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map((i) => ({ severity: i.severity, code: i.code ?? 'processing', ...(i.diagnostics !== undefined ? { diagnostics: i.diagnostics } : {}), ...(i.details ? { details: { text: i.details } } : {}) })),
  };
}

/** A searchset whose entries are the given matches and, last, an OperationOutcome (`search.mode = outcome`). */
export function bundleWithOutcome(matches: unknown[], outcome: unknown): unknown {
  const b = bundle(matches) as { entry: unknown[] };
  return { ...b, entry: [...b.entry, { resource: outcome, search: { mode: 'outcome' } }] };
}

/** A CapabilityStatement offering exactly these resource types. */
export function capabilityStatement(types: readonly string[]): unknown {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [{ mode: 'server', resource: types.map((type) => ({ type, interaction: [{ code: 'read' }, { code: 'search-type' }] })) }],
  };
}

export function redirect(location: string | undefined, status = 302): Response {
  return new Response(null, { status, headers: location === undefined ? {} : { Location: location } });
}

export type ServerEvent = { readonly kind: 'request' | 'response'; readonly url: string };

export function fakeServer(handlers: Handler[]) {
  const requests: Recorded[] = [];
  const events: ServerEvent[] = [];
  const counts = new Map<string, number>();
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    requests.push({ url: url.href, authorization: headers.get('Authorization'), redirect: init?.redirect, at: Date.now() });
    events.push({ kind: 'request', url: url.href });
    const key = `${url.origin}${url.pathname}?${url.search}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    let answer: Response | undefined;
    for (const h of handlers) {
      answer = await h(url, n, init);
      if (answer) break;
    }
    events.push({ kind: 'response', url: url.href });
    return answer ?? json(bundle([]));
  }) as typeof fetch;
  return { fetch: fetchImpl, requests, events };
}

/** Lets every other pending request start before this one answers (no timers: a turn of the event loop). */
export const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
