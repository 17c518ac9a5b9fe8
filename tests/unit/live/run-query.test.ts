/**
 * One query to the end: paging, loops, foreign origins, retries, timeouts, and exactly one status.
 */
import { describe, expect, it } from 'vitest';
import { parseGrantedScopes } from '../../../src/fhir/live/granted-scopes.js';
import type { PlannedQuery } from '../../../src/fhir/live/query-plan.js';
import { runQuery } from '../../../src/fhir/live/run-query.js';
import { bundle, fakeServer, json } from './fake-fhir-server.js';

const BASE = 'https://ehr.example.org/fhir';
const query: PlannedQuery = { name: 'Condition', resourceType: 'Condition', interaction: 'search', params: { _count: '2' }, sourceKeys: ['Condition'] };
const cond = (id: string) => ({ resourceType: 'Condition', id });
const grants = parseGrantedScopes('launch patient/*.rs');

function run(server: ReturnType<typeof fakeServer>, options: Partial<{ maxPages: number; timeoutMs: number; maxRetries: number; maxRetryAfterMs: number; scope: string }> = {}) {
  const slept: number[] = [];
  return {
    slept,
    outcome: runQuery(query, {
      http: { baseUrl: BASE, accessToken: 'secret-token', fetch: server.fetch, timeoutMs: options.timeoutMs ?? 1000, maxRetries: options.maxRetries ?? 2, maxRetryAfterMs: options.maxRetryAfterMs ?? 5000, sleep: async (ms) => void slept.push(ms) },
      patientId: 'p1',
      grants: options.scope ? parseGrantedScopes(options.scope) : grants,
      maxPages: options.maxPages ?? 5,
    }),
  };
}

describe('runQuery', () => {
  it('follows next links to the end, sending the patient and the token, and is complete', async () => {
    const server = fakeServer([
      (u) => (u.searchParams.get('page') === '2' ? json(bundle([cond('c3')])) : undefined),
      (u) => (u.pathname.endsWith('/Condition') ? json(bundle([cond('c1'), cond('c2')], `${BASE}/Condition?patient=p1&page=2`)) : undefined),
    ]);
    const { outcome } = run(server);
    const o = await outcome;
    expect(o.status).toEqual({ state: 'complete' });
    expect(o.resources.map((r) => r.resource.id)).toEqual(['c1', 'c2', 'c3']);
    expect(o.pages).toBe(2);
    expect(server.requests[0]!.url).toBe(`${BASE}/Condition?patient=p1&_count=2`);
    expect(server.requests.every((r) => r.authorization === 'Bearer secret-token')).toBe(true);
  });

  it('stops at the page cap and says truncated', async () => {
    let page = 0;
    const server = fakeServer([() => json(bundle([cond(`c${++page}`)], `${BASE}/Condition?patient=p1&page=${page + 1}`))]);
    const o = await run(server, { maxPages: 3 }).outcome;
    expect(o.status).toEqual({ state: 'truncated', reason: 'stopped after 3 pages' });
    expect(o.resources).toHaveLength(3);
  });

  it('stops when a next link repeats, and says why', async () => {
    const server = fakeServer([() => json(bundle([cond('c1')], `${BASE}/Condition?patient=p1&page=2`))]);
    const o = await run(server).outcome;
    expect(o.status).toEqual({ state: 'truncated', reason: 'the server repeated a page link; stopped to avoid a loop' });
    expect(server.requests).toHaveLength(2);
  });

  it('never sends the token to another origin: a foreign next link ends the query as truncated', async () => {
    const server = fakeServer([() => json(bundle([cond('c1')], 'https://attacker.example.com/steal?page=2'))]);
    const o = await run(server).outcome;
    expect(o.status.state).toBe('truncated');
    expect(o.status.reason).toMatch(/another site/);
    expect(server.requests.map((r) => new URL(r.url).origin)).toEqual(['https://ehr.example.org']);
  });

  it('retries 429 and 503 honouring Retry-After, then succeeds', async () => {
    const server = fakeServer([(u, n) => (n === 1 ? json({}, 429, { 'Retry-After': '2' }) : n === 2 ? json({}, 503, { 'Retry-After': '1' }) : json(bundle([cond('c1')])))]);
    const { outcome, slept } = run(server);
    const o = await outcome;
    expect(o.status).toEqual({ state: 'complete' });
    expect(slept).toEqual([2000, 1000]);
    expect(o.requests).toBe(3);
  });

  it('gives up after the retry budget, or when Retry-After is too long, and says the server was busy', async () => {
    const busy = fakeServer([() => json({}, 503, { 'Retry-After': '1' })]);
    const o = await run(busy, { maxRetries: 2 }).outcome;
    expect(o.status).toEqual({ state: 'failed', reason: 'the server was busy (HTTP 503, asked to retry after 1 s; tried 3 times)' });
    const slow = fakeServer([() => json({}, 429, { 'Retry-After': '120' })]);
    const s = await run(slow).outcome;
    expect(s.status.state).toBe('failed');
    expect(s.requests).toBe(1);
  });

  it('maps 401 to "session expired", 403 to not authorised, 500 to failed with a reason', async () => {
    const status = async (code: number) => (await run(fakeServer([() => json({ resourceType: 'OperationOutcome' }, code)])).outcome).status;
    expect(await status(401)).toEqual({ state: 'not-authorised', reason: 'session expired or token refused (HTTP 401): relaunch from the EHR' });
    expect(await status(403)).toEqual({ state: 'not-authorised', reason: 'the server refused access (HTTP 403)' });
    expect(await status(500)).toEqual({ state: 'failed', reason: 'server error (HTTP 500)' });
    expect(await status(400)).toEqual({ state: 'failed', reason: 'the server refused the search (HTTP 400)' });
  });

  it('reads a 404 on the type-level search as a type the EHR does not offer; a 404 on a read or a later page as a failure', async () => {
    const search = await run(fakeServer([() => json({ resourceType: 'OperationOutcome' }, 404)])).outcome;
    expect(search.status).toEqual({ state: 'unsupported', reason: 'this EHR does not offer Condition; its search answered HTTP 404' });
    expect(search.httpStatus).toBe(404);

    const read = await runQuery(
      { name: 'Patient', resourceType: 'Patient', interaction: 'read', params: {}, sourceKeys: ['Patient'] },
      { http: { baseUrl: BASE, fetch: fakeServer([() => json({}, 404)]).fetch, timeoutMs: 1000, maxRetries: 0, maxRetryAfterMs: 0 }, patientId: 'p1', grants, maxPages: 2 },
    );
    expect(read.status).toEqual({ state: 'failed', reason: 'the server did not find the patient (HTTP 404)' });

    const laterPage = await run(fakeServer([(u) => (u.searchParams.get('page') === '2' ? json({}, 404) : json(bundle([cond('c1')], `${BASE}/Condition?patient=p1&page=2`)))])).outcome;
    expect(laterPage.status).toEqual({ state: 'truncated', reason: 'page 2 failed: the page was not found (HTTP 404)' });
    expect(laterPage.resources.map((r) => r.resource.id)).toEqual(['c1']);
  });

  it('keeps what earlier pages gave when a later page fails, as truncated', async () => {
    const server = fakeServer([(u) => (u.searchParams.get('page') === '2' ? json({}, 500) : json(bundle([cond('c1')], `${BASE}/Condition?patient=p1&page=2`)))]);
    const o = await run(server).outcome;
    expect(o.status).toEqual({ state: 'truncated', reason: 'page 2 failed: server error (HTTP 500)' });
    expect(o.resources).toHaveLength(1);
  });

  it('times out a request that does not answer', async () => {
    const hang = (async (_: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof fetch;
    const o = await runQuery(query, { http: { baseUrl: BASE, fetch: hang, timeoutMs: 30, maxRetries: 0, maxRetryAfterMs: 0 }, patientId: 'p1', grants, maxPages: 2 });
    expect(o.status).toEqual({ state: 'failed', reason: 'no answer within 0 s' });
  });

  it('does not send a query whose scope was not granted, and calls it not authorised', async () => {
    const server = fakeServer([]);
    const o = await run(server, { scope: 'launch patient/Observation.rs' }).outcome;
    expect(o.status).toEqual({ state: 'not-authorised', reason: 'scope patient/Condition.rs was not granted' });
    expect(server.requests).toHaveLength(0);
  });

  it('refuses an answer that is not a search Bundle', async () => {
    const o = await run(fakeServer([() => json({ resourceType: 'Patient', id: 'x' })])).outcome;
    expect(o.status).toEqual({ state: 'failed', reason: 'the answer was not a FHIR search Bundle' });
  });
});
