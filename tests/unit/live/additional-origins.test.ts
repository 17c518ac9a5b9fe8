/**
 * Paging links on another origin: followed, with the token, only when the site lists that origin in
 * `additionalFhirOrigins`; otherwise the source is truncated and nothing is sent there. The setting
 * reaches the data layer through `fetchPatientRecord`'s options, as the command-line evaluator
 * passes it.
 */
import { describe, expect, it } from 'vitest';
import { ALL_RULES, evaluate } from '../../../rules/index.js';
import { fetchPatientRecord } from '../../../src/fhir/live/fetch-record.js';
import { bundle, fakeServer, json } from './fake-fhir-server.js';
import { AS_OF, BASE, finding, LIVE, PATIENT, statinIn, typeOf } from './live-fixtures.js';

const SECOND = 'https://fhir2.ehr.example.org';

/** MedicationRequest's first page is on the launched server; its second page (with the statin) on the second host. */
function server() {
  return fakeServer([
    (u) => (u.origin === SECOND && u.pathname === '/fhir/MedicationRequest' ? json(bundle([statinIn('MedicationRequest')])) : undefined),
    (u) => (typeOf(u) === 'Patient' ? json(PATIENT) : undefined),
    (u) => (typeOf(u) === 'MedicationRequest' ? json(bundle([], `${SECOND}/fhir/MedicationRequest?page=2&patient=p1`)) : undefined),
  ]);
}

describe('paging links on a second origin', () => {
  it('are not followed by default: the source is truncated, nothing goes there, and med-statin cannot say not-flagged', async () => {
    const s = server();
    const fetched = await fetchPatientRecord(LIVE, { rules: ALL_RULES, asOf: AS_OF, fetch: s.fetch });
    expect(fetched.record.sources.MedicationRequest).toEqual({ state: 'truncated', reason: `the server pointed to another site (${SECOND}); the app does not send the token there` });
    expect(s.requests.some((r) => r.url.startsWith(SECOND))).toBe(false);
    expect(finding(evaluate(fetched.record, AS_OF), 'med-statin').outcome).toBe('insufficient-data');
  });

  it('are followed with the token when the site lists that origin, and the finding on page 2 counts', async () => {
    const s = server();
    const fetched = await fetchPatientRecord(LIVE, { rules: ALL_RULES, asOf: AS_OF, fetch: s.fetch, additionalFhirOrigins: [SECOND] });
    expect(fetched.record.sources.MedicationRequest).toEqual({ state: 'complete' });
    expect(s.requests.find((r) => r.url.startsWith(SECOND))!.authorization).toBe('Bearer secret-token');
    expect(finding(evaluate(fetched.record, AS_OF), 'med-statin').outcome).toBe('flagged');
  });

  it('listing one origin allows no other: a third host is still refused', async () => {
    const s = server();
    const fetched = await fetchPatientRecord(LIVE, { rules: ALL_RULES, asOf: AS_OF, fetch: s.fetch, additionalFhirOrigins: ['https://fhir3.ehr.example.org'] });
    expect(fetched.record.sources.MedicationRequest!.state).toBe('truncated');
    expect(s.requests.every((r) => new URL(r.url).origin === new URL(BASE).origin)).toBe(true);
  });
});
