// Request bodies as an attacker sends them: no token and a huge announced upload, an announced size
// over the limit, a chunked upload that never ends. Each request below sends its headers (and at most
// a little of the body) and never finishes the upload: an answer can only arrive if the server decided
// without reading the body, which is the point.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FHIR_BODY_BYTES, MAX_FORM_BODY_BYTES } from '../../../sandbox/http/request-body';
import type { Sandbox } from '../../../sandbox/server';
import { launch, PATIENT, startSandbox } from './support';

let sandbox: Sandbox;
let token: string;
beforeAll(async () => {
  sandbox = await startSandbox();
  token = (await launch(sandbox, PATIENT.thiazide)).access_token;
});
afterAll(() => sandbox.close());

interface Sent {
  readonly method?: string;
  readonly path: string;
  readonly headers: Record<string, string | number>;
  /** Written after the headers; the request is never ended. */
  readonly chunks?: readonly Buffer[];
}

/** Sends the head (and the chunks) of a request that is never finished; resolves with the answer. */
function unfinished({ method = 'POST', path, headers, chunks = [] }: Sent): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = httpRequest(`${sandbox.origin}${path}`, { method, headers }, (res) => {
      answered = true;
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    // The server may close the connection while this side still has bytes queued: only an error
    // before any answer is a failure.
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    req.flushHeaders();
    for (const chunk of chunks) req.write(chunk);
  });
}

const HUGE = 1_000_000_000;

describe('unauthenticated FHIR requests are refused before their bodies are read', () => {
  for (const [what, path] of [
    ['a create', '/fhir/Observation'],
    ['a transaction', '/fhir'],
    ['a POST _search', '/fhir/Observation/_search'],
    ['an update', '/fhir/Observation/fx-obs-mg'],
  ] as const) {
    it(`${what} with no token and a 1 GB body announced: 401 at once, connection closed`, async () => {
      const answer = await unfinished({
        method: path.endsWith('fx-obs-mg') ? 'PUT' : 'POST',
        path,
        headers: { 'Content-Type': path.endsWith('_search') ? 'application/x-www-form-urlencoded' : 'application/fhir+json', 'Content-Length': HUGE },
      });
      expect(answer.status).toBe(401);
      expect(answer.headers['www-authenticate']).toMatch(/^Bearer /);
      expect(answer.headers.connection).toBe('close');
    });
  }

  it('the same with a token that is not valid: 401 invalid_token', async () => {
    const answer = await unfinished({ path: '/fhir/Observation', headers: { 'Content-Type': 'application/fhir+json', 'Content-Length': HUGE, Authorization: 'Bearer not-a-token' } });
    expect(answer.status).toBe(401);
    expect(answer.headers['www-authenticate']).toMatch(/error="invalid_token"/);
  });
});

describe(`FHIR bodies are capped at ${MAX_FHIR_BODY_BYTES} bytes (413)`, () => {
  it('a larger announced Content-Length is refused before the body is read', async () => {
    const answer = await unfinished({
      path: '/fhir/Observation',
      headers: { 'Content-Type': 'application/fhir+json', 'Content-Length': MAX_FHIR_BODY_BYTES + 1, Authorization: `Bearer ${token}` },
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'too-costly' }] });
  });

  it('a chunked upload is refused once it passes the limit, without waiting for its end', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const answer = await unfinished({
      path: '/fhir/Observation',
      headers: { 'Content-Type': 'application/fhir+json', Authorization: `Bearer ${token}` },
      chunks: Array.from({ length: MAX_FHIR_BODY_BYTES / chunk.length + 1 }, () => chunk),
    });
    expect(answer.status).toBe(413);
  });

  it('a body within the limit is read as before', async () => {
    const response = await fetch(`${sandbox.fhirBase}/Observation/_search`, {
      method: 'POST',
      headers: { Accept: 'application/fhir+json', Authorization: `Bearer ${token}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `patient=${PATIENT.thiazide}&code=http://loinc.org|19123-9`,
    });
    expect(response.status).toBe(200);
  });
});

describe(`form and rule endpoints are capped at ${MAX_FORM_BODY_BYTES} bytes (413)`, () => {
  const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
  it('the token endpoint: an announced size over the limit', async () => {
    const answer = await unfinished({ path: '/auth/token', headers: { ...form, 'Content-Length': HUGE } });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toMatchObject({ error: 'invalid_request' });
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('the token endpoint: a chunked upload that passes the limit', async () => {
    const answer = await unfinished({ path: '/auth/token', headers: form, chunks: [Buffer.alloc(MAX_FORM_BODY_BYTES + 1, 0x61)] });
    expect(answer.status).toBe(413);
  });

  it('the authorization endpoint (POST), the patient picker and the EHR launch', async () => {
    for (const path of ['/auth/authorize', '/auth/select-patient', '/ehr/launch']) {
      const answer = await unfinished({ path, headers: { ...form, Origin: sandbox.origin, 'Content-Length': HUGE } });
      expect(answer.status, path).toBe(413);
    }
  });

  it('the faults endpoint', async () => {
    const answer = await unfinished({ path: '/sandbox/faults', headers: { 'Content-Type': 'application/json', 'Content-Length': HUGE } });
    expect(answer.status).toBe(413);
    expect(sandbox.faults.list().map((r) => r.source)).toEqual(['faults.json']);
  });
});
