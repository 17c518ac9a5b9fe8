/**
 * A scripted stand-in for a FHIR server, for unit tests of the data layer: each request is answered
 * by the first matching handler; every request is recorded (URL, headers, time).
 */
export interface Recorded {
  readonly url: string;
  readonly authorization: string | null;
  readonly at: number;
}

export type Handler = (url: URL, n: number) => Response | Promise<Response> | undefined;

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

export function fakeServer(handlers: Handler[]) {
  const requests: Recorded[] = [];
  const counts = new Map<string, number>();
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    requests.push({ url: url.href, authorization: headers.get('Authorization'), at: Date.now() });
    const key = `${url.pathname}?${url.search}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    for (const h of handlers) {
      const r = await h(url, n);
      if (r) return r;
    }
    return json(bundle([]));
  }) as typeof fetch;
  return { fetch: fetchImpl, requests };
}
