/**
 * A server that did not search (rule catalogue, second round): a 200 whose Bundle holds an error
 * or fatal OperationOutcome fails the query exactly like a 500; warnings and information are kept
 * as notes; the server's words are sanitised and capped before anyone reads them.
 */
import { describe, expect, it } from 'vitest';
import { ALL_RULES, evaluate } from '../../../rules/index.js';
import { fetchPatientRecord } from '../../../src/fhir/live/fetch-record.js';
import { parseGrantedScopes } from '../../../src/fhir/live/granted-scopes.js';
import { MAX_SERVER_TEXT, outcomeIssues, sanitiseServerText } from '../../../src/fhir/live/operation-outcome.js';
import type { PlannedQuery } from '../../../src/fhir/live/query-plan.js';
import { runQuery } from '../../../src/fhir/live/run-query.js';
import { bundle, bundleWithOutcome, fakeServer, json, operationOutcome } from './fake-fhir-server.js';
import { AS_OF, BASE, finding, LIVE, PATIENT, typeOf } from './live-fixtures.js';

const query: PlannedQuery = { name: 'Condition', resourceType: 'Condition', interaction: 'search', params: { _count: '2' }, sourceKeys: ['Condition'] };
const cond = (id: string) => ({ resourceType: 'Condition', id, subject: { reference: 'Patient/p1' } });

function run(server: ReturnType<typeof fakeServer>) {
  return runQuery(query, { http: { baseUrl: BASE, accessToken: 't', fetch: server.fetch, timeoutMs: 5000, maxRetries: 0, maxRetryAfterMs: 0 }, patientId: 'p1', grants: parseGrantedScopes('patient/*.rs'), maxPages: 5 });
}

describe('an OperationOutcome inside a 200 searchset', () => {
  it('fails the query on an error issue with no matches, with the diagnostics in plain words', async () => {
    const o = await run(fakeServer([() => json(bundleWithOutcome([], operationOutcome({ severity: 'error', code: 'too-costly', diagnostics: 'Search not performed: too many results' })))]));
    expect(o.status).toEqual({ state: 'failed', reason: 'the server answered but did not search: Search not performed: too many results' });
    expect(o.resources).toEqual([]);
  });

  it('fails it on a fatal issue too, using details.text when there are no diagnostics', async () => {
    const o = await run(fakeServer([() => json(bundleWithOutcome([], operationOutcome({ severity: 'fatal', details: 'Database unavailable' })))]));
    expect(o.status).toEqual({ state: 'failed', reason: 'the server answered but did not search: Database unavailable' });
  });

  it('fails it, and uses none of them, when the error comes with matches: the server says the search was not done properly', async () => {
    const o = await run(fakeServer([() => json(bundleWithOutcome([cond('c1'), cond('c2')], operationOutcome({ severity: 'error', diagnostics: 'partial results only' })))]));
    expect(o.status).toEqual({ state: 'failed', reason: 'the server answered but did not search: partial results only (the 2 results sent with it were not used)' });
    expect(o.resources).toEqual([]);
  });

  it('keeps warnings and information as notes, and the query complete', async () => {
    const o = await run(fakeServer([() => json(bundleWithOutcome([cond('c1')], operationOutcome({ severity: 'warning', diagnostics: 'Unknown parameter _foo ignored' }, { severity: 'information', diagnostics: 'Results sorted by date' })))]));
    expect(o.status).toEqual({ state: 'complete' });
    expect(o.resources.map((r) => r.resource.id)).toEqual(['c1']);
    expect(o.notes).toEqual(['Unknown parameter _foo ignored', 'Results sorted by date']);
  });

  it('keeps the earlier pages when a later page did not search, as truncated', async () => {
    const o = await run(fakeServer([
      (u) => (u.searchParams.get('page') === '2' ? json(bundleWithOutcome([], operationOutcome({ severity: 'error', diagnostics: 'cursor expired' }))) : undefined),
      () => json(bundle([cond('c1')], `${BASE}/Condition?patient=p1&page=2`)),
    ]));
    expect(o.status).toEqual({ state: 'truncated', reason: 'page 2 failed: the server answered but did not search: cursor expired' });
    expect(o.resources.map((r) => r.resource.id)).toEqual(['c1']);
  });

  it('fails on a 200 whose whole body is an OperationOutcome, for a search and for the Patient read', async () => {
    const o = await run(fakeServer([() => json(operationOutcome({ severity: 'error', diagnostics: 'not performed' }))]));
    expect(o.status).toEqual({ state: 'failed', reason: 'the server answered but did not search: not performed' });
    const read = await runQuery(
      { name: 'Patient', resourceType: 'Patient', interaction: 'read', params: {}, sourceKeys: ['Patient'] },
      { http: { baseUrl: BASE, fetch: fakeServer([() => json(operationOutcome({ severity: 'fatal', diagnostics: 'record locked' }))]).fetch, timeoutMs: 5000, maxRetries: 0, maxRetryAfterMs: 0 }, patientId: 'p1', grants: parseGrantedScopes('patient/*.rs'), maxPages: 1 },
    );
    expect(read.status).toEqual({ state: 'failed', reason: 'the server answered with a message instead of the patient: record locked' });
    expect(read.resources).toEqual([]);
  });
});

describe('the server’s words are hostile text', () => {
  it('loses control and direction-changing characters, runs of whitespace, and anything past the cap', () => {
    expect(sanitiseServerText('bad\u0000\u001b[31m\u202eegats\u2066 \n\t here')).toBe('bad [31m egats here');
    const long = sanitiseServerText('x'.repeat(5000));
    expect(long).toHaveLength(MAX_SERVER_TEXT);
    expect(long.endsWith('…')).toBe(true);
  });

  it('names an issue by its code when the server gives no words, and ignores a malformed code', () => {
    expect(outcomeIssues(operationOutcome({ severity: 'error', code: 'too-costly' }) as Record<string, unknown>).errors).toEqual(['issue "too-costly", no explanation given']);
    expect(outcomeIssues(operationOutcome({ severity: 'error', code: '<script>' }) as Record<string, unknown>).errors).toEqual(['no explanation given']);
    expect(outcomeIssues(operationOutcome({ severity: 'error', diagnostics: '\u202e\u0000 ' }) as Record<string, unknown>).errors).toEqual(['issue "processing", no explanation given']);
  });
});

describe('with the real engine', () => {
  const sodium120 = { resourceType: 'Observation', id: 'na', status: 'final', subject: { reference: 'Patient/p1' }, code: { coding: [{ system: 'http://loinc.org', code: '2951-2' }] }, effectiveDateTime: '2026-11-10', valueQuantity: { value: 120, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' } };

  it('a lab search that did not search makes its rules insufficient-data, never "nothing found"', async () => {
    const s = fakeServer([
      (u) => (typeOf(u) === 'Patient' ? json(PATIENT) : undefined),
      (u) => (typeOf(u) === 'Observation' && (u.searchParams.get('code') ?? '').includes('2951-2') ? json(bundleWithOutcome([], operationOutcome({ severity: 'error', diagnostics: 'search not performed' }))) : undefined),
    ]);
    const fetched = await fetchPatientRecord(LIVE, { rules: ALL_RULES, asOf: AS_OF, fetch: s.fetch });
    const electrolytes = fetched.queries.find((q) => q.query.name === 'Observation: electrolytes')!;
    expect(electrolytes.status).toEqual({ state: 'failed', reason: 'the server answered but did not search: search not performed' });
    const findings = evaluate(fetched.record, AS_OF);
    for (const id of ['lab-low-potassium', 'lab-low-magnesium', 'lab-low-sodium', 'redflag-severe-electrolyte']) {
      const f = finding(findings, id);
      expect(f.outcome, id).toBe('insufficient-data');
      expect(f.missing.join(' '), id).toContain('did not search: search not performed');
    }
  });

  it('the same server answering properly flags the low sodium and the severe-electrolyte red flag (the control)', async () => {
    const s = fakeServer([
      (u) => (typeOf(u) === 'Patient' ? json(PATIENT) : undefined),
      (u) => (typeOf(u) === 'Observation' && (u.searchParams.get('code') ?? '').includes('2951-2') ? json(bundle([sodium120])) : undefined),
    ]);
    const fetched = await fetchPatientRecord(LIVE, { rules: ALL_RULES, asOf: AS_OF, fetch: s.fetch });
    const findings = evaluate(fetched.record, AS_OF);
    expect(finding(findings, 'lab-low-sodium').outcome).toBe('flagged');
    expect(finding(findings, 'redflag-severe-electrolyte').outcome).toBe('flagged');
  });
});
