/**
 * The CapabilityStatement is read once per launch, in the first round: a resource type the server
 * does not list is reported `unsupported` ("this EHR does not offer MedicationStatement") and what
 * its search returned is not used; a 404 on a type-level search means the same. When /metadata
 * cannot be read or says nothing usable, every query counts as it came back.
 */
import { describe, expect, it } from 'vitest';
import { ALL_RULES, evaluate } from '../../../rules/index.js';
import { describeState } from '../../../rules/engine/context.js';
import { offeredResourceTypes } from '../../../src/fhir/live/capabilities.js';
import { fetchPatientRecord } from '../../../src/fhir/live/fetch-record.js';
import { bundle, capabilityStatement, fakeServer, json, type Handler } from './fake-fhir-server.js';
import { AS_OF, BASE, finding, LIVE, PATIENT, statinIn, typeOf } from './live-fixtures.js';

const ALL_BUT_STATEMENT = ['Patient', 'Observation', 'Condition', 'MedicationRequest', 'MedicationDispense', 'MedicationAdministration', 'Medication', 'QuestionnaireResponse'];

function server(metadata: Handler, extra: Handler[] = []) {
  return fakeServer([
    (u) => (u.pathname.endsWith('/metadata') ? metadata(u, 1) : undefined),
    ...extra,
    (u) => (typeOf(u) === 'Patient' ? json(PATIENT) : undefined),
  ]);
}

describe('resource types the EHR does not offer', () => {
  it('reads /metadata once, in the same round as the searches, and reports an unlisted type as unsupported', async () => {
    const s = server(() => json(capabilityStatement(ALL_BUT_STATEMENT)));
    const fetched = await fetchPatientRecord(LIVE, { rules: ALL_RULES, asOf: AS_OF, fetch: s.fetch });
    expect(s.requests.filter((r) => r.url === `${BASE}/metadata`)).toHaveLength(1);
    expect(s.events.slice(0, s.requests.length).every((e) => e.kind === 'request')).toBe(true);
    const statement = fetched.queries.find((q) => q.query.resourceType === 'MedicationStatement')!;
    expect(statement.status).toEqual({ state: 'unsupported', reason: 'this EHR does not offer MedicationStatement' });
    expect(fetched.record.sources.MedicationStatement).toEqual({ state: 'unsupported', reason: 'this EHR does not offer MedicationStatement' });
    expect(fetched.queries.filter((q) => q.status.state !== 'complete').map((q) => q.query.name)).toEqual(['MedicationStatement']);
    expect(fetched.capabilities).toEqual({ state: 'read', unsupported: ['MedicationStatement'], requests: 1 });
  });

  it('makes a rule that needed it insufficient-data, naming it as not offered, and does not use what it returned', async () => {
    const s = server(() => json(capabilityStatement(ALL_BUT_STATEMENT)), [(u) => (typeOf(u) === 'MedicationStatement' ? json(bundle([statinIn('MedicationStatement')])) : undefined)]);
    const fetched = await fetchPatientRecord(LIVE, { rules: ALL_RULES, asOf: AS_OF, fetch: s.fetch });
    expect(fetched.record.medications).toEqual([]);
    const statin = finding(evaluate(fetched.record, AS_OF), 'med-statin');
    expect(statin.outcome).toBe('insufficient-data');
    // The reason only repeats the state, so it is said once.
    expect(statin.missing.join(' ')).toContain('(MedicationStatement: not offered by this EHR)');
    expect(fetched.record.sources.MedicationStatement).toEqual({ state: 'unsupported', reason: 'this EHR does not offer MedicationStatement' });
    expect(describeState(fetched.record.sources.MedicationStatement!)).toBe('not offered by this EHR');
  });

  it('keeps counting the sources the EHR offers: a statin in MedicationRequest is still flagged', async () => {
    const s = server(() => json(capabilityStatement(ALL_BUT_STATEMENT)), [(u) => (typeOf(u) === 'MedicationRequest' ? json(bundle([statinIn('MedicationRequest')])) : undefined)]);
    const fetched = await fetchPatientRecord(LIVE, { rules: ALL_RULES, asOf: AS_OF, fetch: s.fetch });
    expect(finding(evaluate(fetched.record, AS_OF), 'med-statin').outcome).toBe('flagged');
  });

  it('reads a 404 on a type-level search as unsupported, even when /metadata listed the type', async () => {
    const s = server(() => json({}, 500), [(u) => (typeOf(u) === 'MedicationAdministration' ? json({ resourceType: 'OperationOutcome' }, 404) : undefined)]);
    const fetched = await fetchPatientRecord(LIVE, { rules: ALL_RULES, asOf: AS_OF, fetch: s.fetch });
    expect(fetched.record.sources.MedicationAdministration).toEqual({ state: 'unsupported', reason: 'this EHR does not offer MedicationAdministration; its search answered HTTP 404' });
    expect(finding(evaluate(fetched.record, AS_OF), 'med-statin').outcome).toBe('insufficient-data');
  });

  for (const [what, answer] of [
    ['HTTP 500', () => json({}, 500)],
    ['HTTP 401', () => json({}, 401)],
    ['not JSON', () => new Response('<html>', { status: 200 })],
    ['another resource', () => json({ resourceType: 'Bundle' })],
    ['no server part', () => json({ resourceType: 'CapabilityStatement', rest: [{ mode: 'client', resource: [{ type: 'Patient' }] }] })],
    ['no resource types', () => json({ resourceType: 'CapabilityStatement', rest: [{ mode: 'server' }] })],
  ] as const) {
    it(`queries and uses everything as before when /metadata is unusable (${what})`, async () => {
      const s = server(answer, [(u) => (typeOf(u) === 'MedicationStatement' ? json(bundle([statinIn('MedicationStatement')])) : undefined)]);
      const fetched = await fetchPatientRecord(LIVE, { rules: ALL_RULES, asOf: AS_OF, fetch: s.fetch });
      expect(fetched.queries.every((q) => q.status.state === 'complete')).toBe(true);
      expect(fetched.capabilities).toMatchObject({ state: 'unreadable', unsupported: [] });
      expect(finding(evaluate(fetched.record, AS_OF), 'med-statin').outcome).toBe('flagged');
    });
  }
});

describe('offeredResourceTypes', () => {
  it('reads rest[mode=server].resource[].type and ignores malformed types', () => {
    const types = offeredResourceTypes({
      resourceType: 'CapabilityStatement',
      rest: [
        { mode: 'client', resource: [{ type: 'Basic' }] },
        { mode: 'server', resource: [{ type: 'Patient' }, { type: 'Observation' }, { type: '../x' }, { type: 42 }, {}, 'Condition'] },
      ],
    });
    expect(types).toEqual(new Set(['Patient', 'Observation']));
  });
});
