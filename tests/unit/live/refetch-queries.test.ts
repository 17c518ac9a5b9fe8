/**
 * The retry the review screen offers (refetchQueries): only the queries named are sent again, the
 * record is rebuilt as if they had answered this way the first time, and nothing else is read
 * twice (not the CapabilityStatement, not the other queries, not the Medications the first
 * follow-up round read). The first fetch's checks still hold.
 */
import { describe, expect, it } from 'vitest';
import { ALL_RULES, evaluate } from '../../../rules/index.js';
import { fetchPatientRecord, refetchQueries, type FetchedRecord } from '../../../src/fhir/live/fetch-record.js';
import { WrongPatientError } from '../../../src/fhir/wrong-patient.js';
import { bundle, capabilityStatement, fakeServer, json } from './fake-fhir-server.js';
import { AS_OF, LIVE, PATIENT, typeOf } from './live-fixtures.js';

const spironolactone = { resourceType: 'MedicationRequest', id: 'm1', status: 'active', intent: 'order', authoredOn: '2026-10-01', subject: { reference: 'Patient/p1' }, medicationReference: { reference: 'Medication/med1' } };
const medication = { resourceType: 'Medication', id: 'med1', code: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '9997', display: 'spironolactone' }] } };
const potassium = { resourceType: 'Observation', id: 'k1', status: 'final', subject: { reference: 'Patient/p1' }, code: { coding: [{ system: 'http://loinc.org', code: '2823-3' }] }, effectiveDateTime: '2026-11-09', valueQuantity: { value: 3.1, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' } };
const OFFERED = ['Patient', 'Condition', 'Observation', 'MedicationRequest', 'MedicationDispense', 'MedicationAdministration', 'Medication'];

/** A server whose Observation searches fail until `labsBack` is set; MedicationStatement is not offered. */
function ehr() {
  const state = { labsBack: false, patient: PATIENT as Record<string, unknown> };
  const s = fakeServer([
    (u) => (u.pathname.endsWith('/metadata') ? json(capabilityStatement(OFFERED)) : undefined),
    (u) => (typeOf(u) === 'Patient' ? json(state.patient) : undefined),
    (u) => (typeOf(u) === 'MedicationRequest' ? json(bundle([spironolactone])) : undefined),
    (u) => (typeOf(u) === 'Medication' ? json(medication) : undefined),
    (u) => (typeOf(u) === 'Observation' && !state.labsBack ? json({ resourceType: 'OperationOutcome' }, 500) : undefined),
    (u) => (typeOf(u) === 'Observation' && (u.searchParams.get('code') ?? '').includes('2823-3') ? json(bundle([potassium])) : undefined),
  ]);
  return { s, state };
}

const options = (s: ReturnType<typeof fakeServer>) => ({ rules: ALL_RULES, asOf: AS_OF, fetch: s.fetch, sleep: async () => {}, maxRetries: 0 });
const failedNames = (f: FetchedRecord) => f.queries.filter((q) => q.status.state === 'failed' || q.status.state === 'not-authorised').map((q) => q.query.name);
const outcomeOf = (f: FetchedRecord, id: string) => evaluate(f.record, AS_OF).find((x) => x.ruleId === id)!.outcome;

describe('refetchQueries', () => {
  it('re-sends only the failed queries and re-evaluates: the low potassium the failed lab query hid is flagged', async () => {
    const { s, state } = ehr();
    const first = await fetchPatientRecord(LIVE, options(s));
    const failed = failedNames(first);
    expect(failed).toContain('Observation: electrolytes');
    expect(failed.every((n) => n.startsWith('Observation: '))).toBe(true);
    expect(outcomeOf(first, 'lab-low-potassium')).toBe('insufficient-data');
    expect(first.followUps?.medicationsRead).toBe(1);
    const sentFirst = s.requests.length;

    state.labsBack = true;
    const again = await refetchQueries(LIVE, first, failedNames(first), options(s));
    const sent = s.requests.slice(sentFirst).map((r) => typeOf(new URL(r.url)));
    expect(sent).toEqual(failed.map(() => 'Observation'));
    expect(failedNames(again)).toEqual([]);
    expect(again.record.sources['Observation:potassium']).toMatchObject({ state: 'complete' });
    expect(outcomeOf(again, 'lab-low-potassium')).toBe('flagged');
    // The Medication read the first time is still there without being read again.
    expect(outcomeOf(again, 'med-potassium-sparing-diuretic')).toBe('flagged');
    expect(again.followUps).toMatchObject({ requests: 0, medicationsUnresolved: 0 });
    // Untouched queries keep their earlier answers, and the unsupported type stays unsupported.
    expect(again.queries.find((q) => q.query.name === 'MedicationRequest')).toBe(first.queries.find((q) => q.query.name === 'MedicationRequest'));
    expect(again.record.sources.MedicationStatement).toMatchObject({ state: 'unsupported' });
    expect(again.capabilities).toEqual(first.capabilities);
  });

  it('never re-sends a query for a type the server does not offer, even when named', async () => {
    const { s } = ehr();
    const first = await fetchPatientRecord(LIVE, options(s));
    const sentFirst = s.requests.length;
    const again = await refetchQueries(LIVE, first, ['MedicationStatement'], options(s));
    expect(s.requests.length).toBe(sentFirst);
    expect(again.record.sources.MedicationStatement).toMatchObject({ state: 'unsupported' });
  });

  it('keeps saying what failed when the retry fails too, with the new reason', async () => {
    const { s } = ehr();
    const first = await fetchPatientRecord(LIVE, options(s));
    const again = await refetchQueries(LIVE, first, failedNames(first), options(s));
    expect(failedNames(again)).toEqual(failedNames(first));
    expect(again.record.sources['Observation:potassium']).toMatchObject({ state: 'failed', reason: 'server error (HTTP 500)' });
    expect(outcomeOf(again, 'lab-low-potassium')).toBe('insufficient-data');
  });

  it('stops with WrongPatientError when a re-run answer belongs to another patient', async () => {
    const { s, state } = ehr();
    state.patient = { resourceType: 'OperationOutcome' };
    const first = await fetchPatientRecord(LIVE, options(s));
    expect(failedNames(first)).toContain('Patient');
    state.patient = { ...PATIENT, id: 'p2' };
    await expect(refetchQueries(LIVE, first, ['Patient'], options(s))).rejects.toBeInstanceOf(WrongPatientError);
  });
});
