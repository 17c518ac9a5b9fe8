import { validateResource } from '@medplum/core';
import type { CapabilityStatement, CapabilityStatementRestResource } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { fixture, startFhirServer } from './harness';

const SMART = {
  authorize: 'http://127.0.0.1:9999/auth/authorize',
  token: 'http://127.0.0.1:9999/auth/token',
  revoke: 'http://127.0.0.1:9999/auth/revoke',
};

let withSmart: Harness;
let open: Harness;
beforeAll(async () => {
  withSmart = await startFhirServer({ smart: SMART }, fixture('clinic.transaction.json'));
  open = await startFhirServer();
});
afterAll(async () => {
  await withSmart.close();
  await open.close();
});

const metadata = async (h: Harness): Promise<CapabilityStatement> => {
  const { status, headers, body } = await h.get<CapabilityStatement>('metadata');
  expect(status).toBe(200);
  expect(headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
  return body;
};
const resource = (cs: CapabilityStatement, type: string): CapabilityStatementRestResource | undefined =>
  cs.rest?.[0]?.resource?.find((r) => r.type === type);

describe('GET [base]/metadata', () => {
  it('is a valid R4 CapabilityStatement for this instance', async () => {
    const cs = await metadata(withSmart);
    expect(cs.resourceType).toBe('CapabilityStatement');
    expect(cs.fhirVersion).toBe('4.0.1');
    expect(cs.kind).toBe('instance');
    expect(cs.status).toBe('active');
    expect(cs.format).toContain('application/fhir+json');
    expect(cs.implementation?.url).toBe(withSmart.base);
    expect(cs.rest?.[0]?.mode).toBe('server');
    expect(cs.rest?.[0]?.interaction?.map((i) => i.code)).toEqual(['transaction', 'batch']);
    // Medplum's validator against the R4 StructureDefinitions throws on any structural error
    expect(() => validateResource(cs as Parameters<typeof validateResource>[0])).not.toThrow();
  });

  it('lists the app\'s resource types even when none is stored, and the stored ones', async () => {
    const types = (await metadata(open)).rest?.[0]?.resource?.map((r) => r.type);
    expect(types).toEqual(expect.arrayContaining(['Patient', 'Observation', 'Condition', 'Procedure', 'MedicationRequest', 'MedicationStatement', 'MedicationDispense', 'MedicationAdministration', 'Medication']));
    expect(types).not.toContain('Organization');
    const stored = (await metadata(withSmart)).rest?.[0]?.resource?.map((r) => r.type);
    expect(stored).toEqual(expect.arrayContaining(['Patient', 'Medication']));
  });

  it('lists the search parameters the app uses, with their type and HL7 definition', async () => {
    const cs = await metadata(withSmart);
    const observation = resource(cs, 'Observation');
    const params = new Map(observation?.searchParam?.map((p) => [p.name, p]));
    expect(params.get('patient')).toMatchObject({ type: 'reference', definition: 'http://hl7.org/fhir/SearchParameter/clinical-patient' });
    expect(params.get('code')).toMatchObject({ type: 'token', definition: 'http://hl7.org/fhir/SearchParameter/clinical-code' });
    expect(params.get('category')?.type).toBe('token');
    expect(params.get('date')?.type).toBe('date');
    expect(params.get('_id')?.type).toBe('token');
    // parameter types the server does not evaluate are not claimed
    expect(params.has('value-quantity')).toBe(false);
    expect(params.has('combo-code-value-quantity')).toBe(false);
    expect(params.has('_compartment')).toBe(false); // Medplum's own, not FHIR
    const requests = resource(cs, 'MedicationRequest');
    expect(requests?.searchInclude).toContain('MedicationRequest:medication');
    expect(requests?.searchParam?.map((p) => p.name)).toEqual(expect.arrayContaining(['patient', 'status', 'intent', 'authoredon']));
    const conditions = resource(cs, 'Condition');
    expect(conditions?.searchParam?.map((p) => p.name)).toEqual(expect.arrayContaining(['patient', 'category', 'clinical-status', 'code']));
    expect(observation?.interaction?.map((i) => i.code)).toEqual(expect.arrayContaining(['read', 'search-type', 'create', 'update', 'delete', 'vread', 'history-instance']));
    expect(observation?.interaction?.map((i) => i.code)).not.toContain('patch');
  });

  it('carries the SMART service and the oauth-uris extension from the options', async () => {
    const security = (await metadata(withSmart)).rest?.[0]?.security;
    expect(security?.cors).toBe(true);
    expect(security?.service?.[0]?.coding?.[0]).toMatchObject({
      system: 'http://terminology.hl7.org/CodeSystem/restful-security-service',
      code: 'SMART-on-FHIR',
    });
    const uris = security?.extension?.find((e) => e.url === 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris');
    expect(Object.fromEntries(uris?.extension?.map((e) => [e.url, e.valueUri]) ?? [])).toEqual(SMART);
    expect(security?.description).toContain(`${withSmart.base}/.well-known/smart-configuration`);
  });

  it('claims no SMART security when the server runs without authorization', async () => {
    const security = (await metadata(open)).rest?.[0]?.security;
    expect(security?.service).toBeUndefined();
    expect(security?.extension).toBeUndefined();
  });
});
