/**
 * A small EHR that stores what it is sent, for the write-back tests: POST assigns an id and answers
 * 201 with the stored resource and its Location; PUT stores under the id in the URL (200, or 201 when
 * it creates). Every request is recorded with its method, URL, headers, redirect mode and body, and
 * a test can answer any request itself first (`answer`), to refuse, fail or redirect it.
 */
export interface WriteRecord {
  readonly method: string;
  readonly url: string;
  readonly authorization: string | null;
  readonly contentType: string | null;
  readonly redirect: RequestRedirect | undefined;
  readonly body: Record<string, unknown> | undefined;
}

export const BASE = 'https://ehr.example/fhir';

export function fakeEhr(answer: (r: WriteRecord, n: number) => Response | undefined = () => undefined) {
  const writes: WriteRecord[] = [];
  const stored = new Map<string, Record<string, unknown>>();
  let nextId = 1;
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : undefined;
    const record: WriteRecord = { method: init?.method ?? 'GET', url: url.href, authorization: headers.get('Authorization'), contentType: headers.get('Content-Type'), redirect: init?.redirect, body };
    writes.push(record);
    const scripted = answer(record, writes.length);
    if (scripted) return scripted;
    const [type, id] = url.pathname.replace(/^\/fhir\//, '').split('/');
    if (record.method === 'POST' && type && !id && body) {
      const created = { ...body, id: `${type.toLowerCase()}-${nextId++}`, meta: { versionId: '1' } };
      stored.set(`${type}/${created.id}`, created);
      return new Response(JSON.stringify(created), { status: 201, headers: { 'Content-Type': 'application/fhir+json', Location: `${BASE}/${type}/${created.id}/_history/1` } });
    }
    if (record.method === 'PUT' && type && id && body) {
      const existed = stored.has(`${type}/${id}`);
      const version = String(Number((stored.get(`${type}/${id}`)?.meta as { versionId?: string } | undefined)?.versionId ?? 0) + 1);
      const updated = { ...body, meta: { versionId: version } };
      stored.set(`${type}/${id}`, updated);
      return new Response(JSON.stringify(updated), { status: existed ? 200 : 201, headers: { 'Content-Type': 'application/fhir+json' } });
    }
    return new Response(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-supported' }] }), { status: 400 });
  }) as typeof fetch;
  return { fetch: fetchImpl, writes, stored };
}

export const outcome = (status: number, diagnostics: string): Response =>
  new Response(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'processing', diagnostics }] }), { status, headers: { 'Content-Type': 'application/fhir+json' } });
