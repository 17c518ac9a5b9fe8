/**
 * An unresolved `medicationReference` (not contained, not in the results, `_include` ignored) is
 * read with `GET Medication/<id>`: all such reads deduplicated, bounded, and sent at once as one
 * second round after the first; only where the token may go. What cannot be read stays an
 * unidentified medication (rule catalogue, second round).
 */
import { describe, expect, it } from 'vitest';
import { ALL_RULES, evaluate } from '../../../rules/index.js';
import { fetchPatientRecord } from '../../../src/fhir/live/fetch-record.js';
import { medicationReadUrl } from '../../../src/fhir/live/medication-follow-ups.js';
import { tokenOrigins } from '../../../src/fhir/live/token-origins.js';
import { bundle, capabilityStatement, fakeServer, json, yieldTurn, type Handler } from './fake-fhir-server.js';
import { AS_OF, BASE, finding, LIVE, medicationUse, PATIENT, RXNORM, SIMVASTATIN, typeOf } from './live-fixtures.js';

const byReference = (reference: string, display?: string) => ({ medicationReference: { reference, ...(display ? { display } : {}) } });
const medication = (id: string, code = SIMVASTATIN) => ({ resourceType: 'Medication', id, code });
const ATORVASTATIN = { coding: [{ system: RXNORM, code: '83367', display: 'atorvastatin' }] };

/** A server that ignores `_include`: the medication resources come back with bare references. */
function server(uses: Partial<Record<string, Record<string, unknown>[]>>, extra: Handler[] = []) {
  return fakeServer([
    ...extra,
    (u) => (typeOf(u) === 'Patient' ? json(PATIENT) : undefined),
    (u) => {
      const found = uses[typeOf(u)];
      return found && !u.pathname.includes('/Medication/') ? json(bundle(found)) : undefined;
    },
  ]);
}

const medicationReads = (s: ReturnType<typeof fakeServer>) => s.requests.filter((r) => /\/Medication\/[^/]+$/.test(new URL(r.url).pathname)).map((r) => r.url);

describe('reading referenced Medications in a second round', () => {
  it('reads each unresolved Medication once, after the first round, all at once, with the token; the statin is then found', async () => {
    const s = server(
      {
        MedicationRequest: [medicationUse('MedicationRequest', 'mr1', byReference('Medication/simva')), medicationUse('MedicationRequest', 'mr2', byReference('Medication/atorva'))],
        MedicationStatement: [medicationUse('MedicationStatement', 'ms1', byReference(`${BASE}/Medication/simva`))],
      },
      [
        async (u) => {
          if (!u.pathname.includes('/Medication/')) return undefined;
          await yieldTurn(); // any read sent one after another would show as request, answer, request, answer
          const id = u.pathname.split('/').pop()!;
          return json(medication(id, id === 'simva' ? SIMVASTATIN : ATORVASTATIN));
        },
      ],
    );
    const fetched = await fetchPatientRecord(LIVE, { rules: ALL_RULES, asOf: AS_OF, fetch: s.fetch });

    expect(medicationReads(s).sort()).toEqual([`${BASE}/Medication/atorva`, `${BASE}/Medication/simva`]);
    const firstRead = s.events.findIndex((e) => e.url.includes('/Medication/'));
    const firstRound = s.events.slice(0, firstRead);
    expect(firstRound.filter((e) => e.kind === 'request')).toHaveLength(fetched.queries.length + 1);
    expect(firstRound.filter((e) => e.kind === 'response')).toHaveLength(fetched.queries.length + 1);
    expect(s.events.slice(firstRead).map((e) => e.kind)).toEqual(['request', 'request', 'response', 'response']);
    expect(s.requests.filter((r) => r.url.includes('/Medication/')).every((r) => r.authorization === 'Bearer secret-token')).toBe(true);

    expect(fetched.followUps).toEqual({ requests: 2, medicationsRead: 2, medicationsUnresolved: 0, notes: [] });
    expect(fetched.record.medications.every((m) => m.unresolvedReference === undefined)).toBe(true);
    const statin = finding(evaluate(fetched.record, AS_OF), 'med-statin');
    expect(statin.outcome).toBe('flagged');
    expect(statin.evidence.filter((e) => e.role === 'trigger').map((e) => e.id).sort()).toEqual(['mr1', 'mr2', 'ms1']);
  });

  it('sends nothing more when the server included the Medications or the drug is coded inline', async () => {
    const mr = medicationUse('MedicationRequest', 'mr1', byReference('Medication/simva'));
    const s = fakeServer([
      (u) => (typeOf(u) === 'Patient' ? json(PATIENT) : undefined),
      (u) => (typeOf(u) === 'MedicationRequest' ? json({ ...(bundle([mr]) as object), entry: [{ resource: mr, search: { mode: 'match' } }, { fullUrl: `${BASE}/Medication/simva`, resource: medication('simva'), search: { mode: 'include' } }] }) : undefined),
      (u) => (typeOf(u) === 'MedicationStatement' ? json(bundle([medicationUse('MedicationStatement', 'ms1', { medicationCodeableConcept: SIMVASTATIN })])) : undefined),
    ]);
    const fetched = await fetchPatientRecord(LIVE, { rules: ALL_RULES, asOf: AS_OF, fetch: s.fetch });
    expect(medicationReads(s)).toEqual([]);
    expect(fetched.followUps!.requests).toBe(0);
  });

  it('keeps a Medication that cannot be read unresolved: the use is unidentified, and the outcome counts and says why', async () => {
    const s = server({ MedicationRequest: [medicationUse('MedicationRequest', 'iv', byReference('Medication/gone'))] }, [(u) => (u.pathname.endsWith('/Medication/gone') ? json({}, 404) : undefined)]);
    const fetched = await fetchPatientRecord(LIVE, { rules: ALL_RULES, asOf: AS_OF, fetch: s.fetch });
    expect(medicationReads(s)).toEqual([`${BASE}/Medication/gone`]);
    expect(fetched.followUps).toEqual({ requests: 1, medicationsRead: 0, medicationsUnresolved: 1, notes: ['1 referenced medication not identified: reading it failed, not found (HTTP 404)'] });
    const use = fetched.record.medications.find((m) => m.source.id === 'iv')!;
    expect(use).toMatchObject({ unresolvedReference: 'Medication/gone', codings: [] });
    expect(use.text).toBeUndefined();
    // The engine's side of the decision: an unidentified medication is not an absent one.
    const iron = finding(evaluate(fetched.record, AS_OF), 'med-parenteral-iron');
    expect(iron.outcome).toBe('insufficient-data');
    expect(iron.missing.join(' ')).toContain('Medication/gone');
  });

  it('does not use an answer that is not the Medication asked for', async () => {
    const s = server({ MedicationRequest: [medicationUse('MedicationRequest', 'mr1', byReference('Medication/a'))] }, [(u) => (u.pathname.endsWith('/Medication/a') ? json(medication('b')) : undefined)]);
    const fetched = await fetchPatientRecord(LIVE, { rules: ALL_RULES, asOf: AS_OF, fetch: s.fetch });
    expect(fetched.record.medications[0]!.unresolvedReference).toBe('Medication/a');
    expect(fetched.followUps!.notes).toEqual(['1 referenced medication not identified: the server answered with another resource']);
  });

  it('never sends the token to another site: a reference there is not read and stays unresolved', async () => {
    const s = server({ MedicationRequest: [medicationUse('MedicationRequest', 'mr1', byReference('https://attacker.example.com/fhir/Medication/x'))] });
    const fetched = await fetchPatientRecord(LIVE, { rules: ALL_RULES, asOf: AS_OF, fetch: s.fetch });
    expect(s.requests.every((r) => new URL(r.url).origin === 'https://ehr.example.org')).toBe(true);
    expect(fetched.record.medications[0]!.unresolvedReference).toBe('https://attacker.example.com/fhir/Medication/x');
    expect(fetched.followUps).toMatchObject({ requests: 0, medicationsUnresolved: 1, notes: ['1 referenced medication not identified: on another site (the app does not send the token there)'] });
  });

  it('reads a reference on an additional FHIR origin the site allowed, with the token', async () => {
    const s = server({ MedicationRequest: [medicationUse('MedicationRequest', 'mr1', byReference('https://fhir2.ehr.example.org/r4/Medication/simva'))] }, [
      (u) => (u.href === 'https://fhir2.ehr.example.org/r4/Medication/simva' ? json(medication('simva')) : undefined),
    ]);
    const fetched = await fetchPatientRecord(LIVE, { rules: ALL_RULES, asOf: AS_OF, fetch: s.fetch, additionalFhirOrigins: ['https://fhir2.ehr.example.org'] });
    expect(s.requests.find((r) => r.url.startsWith('https://fhir2.'))!.authorization).toBe('Bearer secret-token');
    expect(finding(evaluate(fetched.record, AS_OF), 'med-statin').outcome).toBe('flagged');
  });

  it('is bounded: beyond the limit, references stay unresolved and the outcome says so', async () => {
    const uses = ['a', 'b', 'c'].map((id) => medicationUse('MedicationRequest', `mr-${id}`, byReference(`Medication/${id}`)));
    const s = server({ MedicationRequest: uses }, [(u) => (u.pathname.includes('/Medication/') ? json(medication(u.pathname.split('/').pop()!)) : undefined)]);
    const fetched = await fetchPatientRecord(LIVE, { rules: ALL_RULES, asOf: AS_OF, fetch: s.fetch, maxFollowUps: 2 });
    expect(medicationReads(s)).toHaveLength(2);
    expect(fetched.followUps).toEqual({ requests: 2, medicationsRead: 2, medicationsUnresolved: 1, notes: ['1 referenced medication not identified: over the limit of 2 reads per record'] });
    expect(fetched.record.medications.filter((m) => m.unresolvedReference)).toHaveLength(1);
  });

  it('does not read when the EHR does not offer Medication, or no scope to read it was granted', async () => {
    const uses = { MedicationRequest: [medicationUse('MedicationRequest', 'mr1', byReference('Medication/simva'))] };
    const noType = server(uses, [(u) => (u.pathname.endsWith('/metadata') ? json(capabilityStatement(['Patient', 'Observation', 'Condition', 'MedicationRequest', 'MedicationStatement', 'MedicationDispense', 'MedicationAdministration'])) : undefined)]);
    const a = await fetchPatientRecord(LIVE, { rules: ALL_RULES, asOf: AS_OF, fetch: noType.fetch });
    expect(medicationReads(noType)).toEqual([]);
    expect(a.followUps!.notes).toEqual(['1 referenced medication not identified: this EHR does not offer Medication']);

    const noScope = server(uses);
    const b = await fetchPatientRecord({ ...LIVE, scope: 'patient/Patient.rs patient/Observation.rs patient/Condition.rs patient/MedicationRequest.rs patient/MedicationStatement.rs patient/MedicationDispense.rs patient/MedicationAdministration.rs' }, { rules: ALL_RULES, asOf: AS_OF, fetch: noScope.fetch });
    expect(medicationReads(noScope)).toEqual([]);
    expect(b.followUps!.notes).toEqual(['1 referenced medication not identified: no scope to read Medication was granted']);
  });

  it('does not read for resources of another patient, contained references, or urn:uuid references', async () => {
    const other = { ...medicationUse('MedicationRequest', 'other', byReference('Medication/x')), subject: { reference: 'Patient/p2' } };
    const contained = medicationUse('MedicationRequest', 'c1', byReference('#missing'));
    const urn = medicationUse('MedicationRequest', 'u1', byReference('urn:uuid:7f1c0a9e-1111-4222-8333-944445555666'));
    const s = server({ MedicationRequest: [other, contained, urn] });
    const fetched = await fetchPatientRecord(LIVE, { rules: ALL_RULES, asOf: AS_OF, fetch: s.fetch });
    expect(medicationReads(s)).toEqual([]);
    expect(fetched.followUps).toMatchObject({ requests: 0, medicationsUnresolved: 1, notes: ['1 referenced medication not identified: not a reference the app can read'] });
  });
});

describe('medicationReadUrl', () => {
  const origins = tokenOrigins(BASE, ['https://fhir2.ehr.example.org']);
  it('reads relative and same-origin references, versioned ones at their current version', () => {
    expect(medicationReadUrl('Medication/m1', BASE, origins)).toEqual({ url: `${BASE}/Medication/m1`, id: 'm1' });
    expect(medicationReadUrl('Medication/m1/_history/3', BASE, origins)).toEqual({ url: `${BASE}/Medication/m1`, id: 'm1' });
    expect(medicationReadUrl(`${BASE}/Medication/m1`, BASE, origins)).toEqual({ url: `${BASE}/Medication/m1`, id: 'm1' });
    expect(medicationReadUrl('https://fhir2.ehr.example.org/r4/Medication/m1', BASE, origins)).toEqual({ url: 'https://fhir2.ehr.example.org/r4/Medication/m1', id: 'm1' });
  });

  it('refuses other types, odd ids, queries, credentials and other sites', () => {
    for (const ref of ['Patient/p1', 'Medication/../../Patient/p2', 'Medication/a b', `${BASE}/Medication/m1?_format=xml`, 'https://user:pw@ehr.example.org/fhir/Medication/m1', 'javascript:alert(1)//Medication/m1', 'Medication/']) {
      expect(medicationReadUrl(ref, BASE, origins), ref).toEqual({ skip: 'not a reference the app can read' });
    }
    expect(medicationReadUrl('http://ehr.example.org/fhir/Medication/m1', BASE, origins)).toEqual({ skip: 'on another site (the app does not send the token there)' });
    expect(medicationReadUrl('https://evil.example/fhir/Medication/m1', BASE, origins)).toEqual({ skip: 'on another site (the app does not send the token there)' });
  });
});
