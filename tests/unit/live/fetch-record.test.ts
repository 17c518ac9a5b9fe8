/**
 * The whole data layer with a scripted server: all queries at once, results through the same
 * mappers, and a failed or forbidden query never becoming "not flagged".
 */
import { describe, expect, it } from 'vitest';
import { ALL_RULES, evaluate } from '../../../rules/index.js';
import { fetchPatientRecord } from '../../../src/fhir/live/fetch-record.js';
import { bundle, fakeServer, json } from './fake-fhir-server.js';

const BASE = 'https://ehr.example.org/fhir';
const AS_OF = '2026-11-21';
const patient = { resourceType: 'Patient', id: 'p1', gender: 'male', birthDate: '1950-01-01' };
const spironolactone = { resourceType: 'MedicationRequest', id: 'm1', status: 'active', intent: 'order', subject: { reference: 'Patient/p1' }, medicationReference: { reference: 'Medication/med1' } };
const medication = { resourceType: 'Medication', id: 'med1', code: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '9997' }] } };
const magnesium = { resourceType: 'Observation', id: 'o1', status: 'final', subject: { reference: 'Patient/p1' }, code: { coding: [{ system: 'http://loinc.org', code: '2601-3' }] }, effectiveDateTime: '2026-11-09', valueQuantity: { value: 0.6, unit: 'mmol/L' } };

function server(overrides: ((u: URL) => Response | undefined)[] = []) {
  return fakeServer([
    ...overrides,
    (u) => (u.pathname.endsWith('/Patient/p1') ? json(patient) : undefined),
    (u) => (u.pathname.endsWith('/MedicationRequest') ? json({ ...(bundle([spironolactone]) as object), entry: [{ resource: spironolactone, search: { mode: 'match' } }, { fullUrl: `${BASE}/Medication/med1`, resource: medication, search: { mode: 'include' } }] }) : undefined),
    (u) => (u.pathname.endsWith('/Observation') && (u.searchParams.get('code') ?? '').includes('2601-3') ? json(bundle([magnesium])) : undefined),
  ]);
}

const live = { serverUrl: BASE, accessToken: 't', patientId: 'p1', scope: 'launch patient/*.rs' };
const outcome = (findings: ReturnType<typeof evaluate>, id: string) => findings.find((f) => f.ruleId === id)!;

describe('fetchPatientRecord', () => {
  it('sends every query and the CapabilityStatement in one parallel round, resolves _include, and feeds the same engine', async () => {
    const s = server();
    const fetched = await fetchPatientRecord(live, { rules: ALL_RULES, asOf: AS_OF, fetch: s.fetch });
    expect(fetched.queries.every((q) => q.status.state === 'complete')).toBe(true);
    expect(s.requests).toHaveLength(fetched.queries.length + 1);
    expect(s.requests.filter((r) => r.url === `${BASE}/metadata`)).toHaveLength(1);
    // One round: every request went out before the first answer came back.
    expect(s.events.slice(0, s.requests.length).every((e) => e.kind === 'request')).toBe(true);
    expect(fetched.followUps).toEqual({ requests: 0, medicationsRead: 0, medicationsUnresolved: 0, notes: [] });
    const findings = evaluate(fetched.record, AS_OF);
    expect(outcome(findings, 'med-potassium-sparing-diuretic').outcome).toBe('flagged');
    expect(outcome(findings, 'lab-low-magnesium').outcome).toBe('flagged');
    expect(outcome(findings, 'gap-diuretic-without-electrolytes').outcome).toBe('flagged');
  });

  it('turns a failing lab query into insufficient-data for the lab rules, never not-flagged', async () => {
    const s = server([(u) => (u.pathname.endsWith('/Observation') ? json({}, 503, { 'Retry-After': '0' }) : undefined)]);
    const fetched = await fetchPatientRecord(live, { rules: ALL_RULES, asOf: AS_OF, fetch: s.fetch, sleep: async () => {} });
    const findings = evaluate(fetched.record, AS_OF);
    for (const f of findings.filter((x) => x.ruleId.startsWith('lab-'))) {
      expect(f.outcome, f.ruleId).toBe('insufficient-data');
      expect(f.missing.join(' '), f.ruleId).toMatch(/could not be read|busy/);
    }
    expect(outcome(findings, 'med-potassium-sparing-diuretic').outcome).toBe('flagged');
  });

  it('treats a scope that was not granted as not authorised: the medication rules cannot say not-flagged', async () => {
    const s = server();
    const fetched = await fetchPatientRecord({ ...live, scope: 'launch patient/Patient.rs patient/Observation.rs patient/Condition.rs patient/MedicationRequest.rs' }, { rules: ALL_RULES, asOf: AS_OF, fetch: s.fetch });
    expect(fetched.queries.find((q) => q.query.name === 'MedicationStatement')!.status).toEqual({ state: 'not-authorised', reason: 'scope patient/MedicationStatement.rs was not granted' });
    const findings = evaluate(fetched.record, AS_OF);
    expect(outcome(findings, 'med-potassium-sparing-diuretic').outcome).toBe('flagged'); // found in MedicationRequest
    expect(outcome(findings, 'med-statin').outcome).toBe('insufficient-data');
    expect(outcome(findings, 'med-statin').missing.join(' ')).toContain('MedicationStatement: not authorised');
  });

  it('marks sources complete "since" the date floor, so a missing result is not called absent from the record', async () => {
    const s = server();
    const fetched = await fetchPatientRecord(live, { rules: ALL_RULES, asOf: AS_OF, fetch: s.fetch });
    const potassium = outcome(evaluate(fetched.record, AS_OF), 'lab-low-potassium');
    expect(potassium.outcome).toBe('insufficient-data');
    expect(potassium.missing.join(' ')).toContain('none since 2025-11-21 (the app searched from that date)');
  });
});
