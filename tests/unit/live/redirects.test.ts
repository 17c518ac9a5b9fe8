/**
 * HTTP redirects: followed within the origins that may see the token (at most MAX_REDIRECTS hops),
 * refused anywhere else before the token is sent. Both ways a runtime exposes redirects are
 * tested: Node's (the 3xx response with its Location) and the browser's (an opaque redirect, then
 * a followed request whose final URL is checked).
 */
import { describe, expect, it } from 'vitest';
import { getJson, type HttpOptions } from '../../../src/fhir/live/fhir-http.js';
import { MAX_REDIRECTS } from '../../../src/fhir/live/follow-redirects.js';
import { parseGrantedScopes } from '../../../src/fhir/live/granted-scopes.js';
import type { PlannedQuery } from '../../../src/fhir/live/query-plan.js';
import { runQuery } from '../../../src/fhir/live/run-query.js';
import { bundle, fakeServer, json, redirect } from './fake-fhir-server.js';
import { BASE } from './live-fixtures.js';

const query: PlannedQuery = { name: 'Condition', resourceType: 'Condition', interaction: 'search', params: {}, sourceKeys: ['Condition'] };
const http = (fetchImpl: typeof fetch, extra: Partial<HttpOptions> = {}): HttpOptions => ({ baseUrl: BASE, accessToken: 'secret-token', fetch: fetchImpl, timeoutMs: 5000, maxRetries: 0, maxRetryAfterMs: 0, ...extra });
const run = (fetchImpl: typeof fetch, extra: Partial<HttpOptions> = {}) => runQuery(query, { http: http(fetchImpl, extra), patientId: 'p1', grants: parseGrantedScopes('patient/*.rs'), maxPages: 3 });
const cond = { resourceType: 'Condition', id: 'c1' };

describe('redirects in Node (the 3xx response and its Location are visible)', () => {
  it('follows a same-origin redirect, relative or absolute, sending the token to each hop', async () => {
    const s = fakeServer([
      (u) => (u.pathname === '/fhir/Condition' ? redirect('/fhir-v2/Condition?patient=p1', 301) : undefined),
      (u) => (u.pathname === '/fhir-v2/Condition' ? redirect(`https://ehr.example.org/r4/Condition?patient=p1`, 307) : undefined),
      (u) => (u.pathname === '/r4/Condition' ? json(bundle([cond])) : undefined),
    ]);
    const o = await run(s.fetch);
    expect(o.status).toEqual({ state: 'complete' });
    expect(o.resources.map((r) => r.resource.id)).toEqual(['c1']);
    expect(s.requests.map((r) => new URL(r.url).pathname)).toEqual(['/fhir/Condition', '/fhir-v2/Condition', '/r4/Condition']);
    expect(s.requests.every((r) => r.authorization === 'Bearer secret-token' && r.redirect === 'manual')).toBe(true);
    expect(o.requests).toBe(3);
  });

  it(`follows at most ${MAX_REDIRECTS} hops`, async () => {
    const chain = (hops: number) => fakeServer([(u) => {
      const n = Number(u.searchParams.get('hop') ?? '0');
      return n < hops ? redirect(`${BASE}/Condition?hop=${n + 1}`) : json(bundle([cond]));
    }]);
    expect((await run(chain(MAX_REDIRECTS).fetch)).status).toEqual({ state: 'complete' });
    const tooMany = chain(MAX_REDIRECTS + 1);
    const o = await run(tooMany.fetch);
    expect(o.status).toEqual({ state: 'failed', reason: `the server redirected the request more than ${MAX_REDIRECTS} times` });
    expect(tooMany.requests).toHaveLength(MAX_REDIRECTS + 1);
  });

  it('refuses a cross-origin redirect without sending anything there', async () => {
    for (const target of ['https://attacker.example.com/steal', 'http://ehr.example.org/fhir/Condition', 'https://ehr.example.org:8443/fhir/Condition']) {
      const s = fakeServer([(u) => (u.origin === 'https://ehr.example.org' ? redirect(target) : json(bundle([cond])))]);
      const o = await run(s.fetch);
      expect(o.status.state, target).toBe('failed');
      expect(o.status.reason, target).toBe(`the server redirected the request to another site (${new URL(target).origin}); the app does not send the token there`);
      expect(s.requests.map((r) => new URL(r.url).origin), target).toEqual(['https://ehr.example.org']);
    }
  });

  it('follows a redirect to an additional FHIR origin the site allowed', async () => {
    const s = fakeServer([(u) => (u.origin === 'https://ehr.example.org' ? redirect('https://fhir2.ehr.example.org/fhir/Condition?patient=p1') : json(bundle([cond])))]);
    const o = await run(s.fetch, { additionalOrigins: ['https://fhir2.ehr.example.org'] });
    expect(o.status).toEqual({ state: 'complete' });
    expect(s.requests[1]!.authorization).toBe('Bearer secret-token');
  });

  it('refuses a redirect without a Location, and keeps earlier pages when a later page redirects away', async () => {
    expect((await run(fakeServer([() => redirect(undefined, 302)]).fetch)).status).toEqual({ state: 'failed', reason: 'the server redirected the request (HTTP 302) without a usable address' });
    const s = fakeServer([(u) => (u.searchParams.get('page') === '2' ? redirect('https://cdn.example.net/page2') : json(bundle([cond], `${BASE}/Condition?patient=p1&page=2`)))]);
    const o = await run(s.fetch);
    expect(o.status).toEqual({ state: 'truncated', reason: 'page 2 failed: the server redirected the request to another site (https://cdn.example.net); the app does not send the token there' });
    expect(o.resources).toHaveLength(1);
  });
});

/**
 * A browser's fetch, as far as redirects go: `redirect: 'manual'` gives an opaque redirect (no
 * status, no Location); `redirect: 'follow'` follows and reports the final URL. The test scripts
 * where the redirect leads.
 */
function browserFetch(finalUrl: string, body: unknown) {
  const calls: { url: string; redirect: RequestRedirect | undefined; authorization: string | null }[] = [];
  const impl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), redirect: init?.redirect, authorization: new Headers(init?.headers).get('Authorization') });
    if (init?.redirect === 'manual') {
      return { type: 'opaqueredirect', status: 0, ok: false, url: String(input), redirected: false, headers: new Headers(), body: null } as unknown as Response;
    }
    const response = json(body);
    Object.defineProperty(response, 'url', { value: finalUrl });
    Object.defineProperty(response, 'redirected', { value: true });
    return response;
  }) as typeof fetch;
  return { impl, calls };
}

describe('redirects in a browser (an opaque redirect: the target is not visible)', () => {
  it('sends the request again letting the browser follow, and uses the answer when it ends on an allowed origin', async () => {
    const b = browserFetch(`${BASE}/r4/Condition?patient=p1`, bundle([cond]));
    const o = await run(b.impl);
    expect(o.status).toEqual({ state: 'complete' });
    expect(o.resources.map((r) => r.resource.id)).toEqual(['c1']);
    expect(b.calls.map((c) => c.redirect)).toEqual(['manual', 'follow']);
    expect(b.calls.map((c) => c.url)).toEqual([`${BASE}/Condition?patient=p1`, `${BASE}/Condition?patient=p1`]);
  });

  it('throws away an answer that ended on another origin', async () => {
    const b = browserFetch('https://attacker.example.com/fake', bundle([cond]));
    const o = await run(b.impl);
    expect(o.status).toEqual({ state: 'failed', reason: 'the server redirected the request to another site (https://attacker.example.com); its answer was not used' });
    expect(o.resources).toEqual([]);
  });

  it('does the same for a single GET', async () => {
    const b = browserFetch('https://fhir2.ehr.example.org/fhir/metadata', { resourceType: 'CapabilityStatement' });
    expect(await getJson(`${BASE}/metadata`, http(b.impl))).toMatchObject({ ok: false, kind: 'redirect-refused', requests: 2 });
    expect(await getJson(`${BASE}/metadata`, http(b.impl, { additionalOrigins: ['https://fhir2.ehr.example.org'] }))).toMatchObject({ ok: true, body: { resourceType: 'CapabilityStatement' } });
  });
});
