/**
 * The wrong patient (rule catalogue, second round): when the record the EHR returns describes
 * another patient than the launch named, fetchPatientRecord rejects with WrongPatientError and
 * returns nothing of either record.
 */
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../../rules/index.js';
import { fetchPatientRecord } from '../../../src/fhir/live/fetch-record.js';
import { WrongPatientError } from '../../../src/fhir/wrong-patient.js';
import { bundle, fakeServer, json, type Handler } from './fake-fhir-server.js';
import { AS_OF, LIVE, medicationUse, PATIENT, statinIn, typeOf } from './live-fixtures.js';

const OTHER = { resourceType: 'Patient', id: 'p2', gender: 'female', birthDate: '1980-05-05', name: [{ given: ['Beatrice'], family: 'Other' }] };
const condition = (id: string, patient: string) => ({ resourceType: 'Condition', id, subject: { reference: `Patient/${patient}` }, code: { text: 'x' } });

const fetchWith = (handlers: Handler[]) => {
  const s = fakeServer(handlers);
  return { s, result: fetchPatientRecord(LIVE, { rules: ALL_RULES, asOf: AS_OF, fetch: s.fetch }) };
};

describe('a record that belongs to someone else', () => {
  it('rejects when the Patient read returns a Patient with another id, and reads nothing more', async () => {
    const { s, result } = fetchWith([
      (u) => (typeOf(u) === 'Patient' ? json(OTHER) : undefined),
      (u) => (typeOf(u) === 'MedicationRequest' ? json(bundle([medicationUse('MedicationRequest', 'mr', { medicationReference: { reference: 'Medication/m1' } })])) : undefined),
    ]);
    const err = await result.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WrongPatientError);
    expect((err as Error).message).not.toMatch(/Beatrice|Other|Alan|Example|p1|p2/);
    expect(s.requests.some((r) => r.url.includes('/Medication/'))).toBe(false); // no second round
  });

  it('rejects when every patient-linked resource returned names another patient', async () => {
    const { result } = fetchWith([
      (u) => (typeOf(u) === 'Patient' ? json(PATIENT) : undefined),
      (u) => (typeOf(u) === 'Condition' ? json(bundle([condition('c1', 'p2'), condition('c2', 'p2')])) : undefined),
      (u) => (typeOf(u) === 'MedicationStatement' ? json(bundle([{ ...statinIn('MedicationStatement'), subject: { reference: 'https://ehr.example.org/fhir/Patient/p2' } }])) : undefined),
    ]);
    await expect(result).rejects.toBeInstanceOf(WrongPatientError);
  });

  it('rejects when the Patient read failed and every resource names another patient', async () => {
    const { result } = fetchWith([
      (u) => (typeOf(u) === 'Patient' ? json({}, 500) : undefined),
      (u) => (typeOf(u) === 'Condition' ? json(bundle([condition('c1', 'p2')])) : undefined),
    ]);
    await expect(result).rejects.toBeInstanceOf(WrongPatientError);
  });
});

describe('a record that is this patient’s', () => {
  it('is read when some resources name this patient and others another: the others are dropped and counted', async () => {
    const { result } = fetchWith([
      (u) => (typeOf(u) === 'Patient' ? json(PATIENT) : undefined),
      (u) => (typeOf(u) === 'Condition' ? json(bundle([condition('mine', 'p1'), condition('theirs', 'p2')])) : undefined),
    ]);
    const fetched = await result;
    expect(fetched.patient?.name).toBe('Alan Example');
    expect(fetched.record.conditions.map((c) => c.source.id)).toEqual(['mine']);
    expect(fetched.report.dropped).toMatchObject({ 'Condition: belongs to another patient': 1 });
  });

  it('is read when nothing names a patient at all (an empty record) or resources carry no subject', async () => {
    const { result } = fetchWith([
      (u) => (typeOf(u) === 'Patient' ? json(PATIENT) : undefined),
      (u) => (typeOf(u) === 'Condition' ? json(bundle([{ resourceType: 'Condition', id: 'c1', code: { text: 'x' } }])) : undefined),
    ]);
    const fetched = await result;
    expect(fetched.record.patient?.source.id).toBe('p1');
  });
});
