import { FhirRouter } from '@medplum/fhir-router';
import type { FhirResource, Patient } from 'fhir/r4';
import { MAX_FHIR_BODY_BYTES } from '../http/request-body';
import { capabilityStatement } from './capability-statement';
import { ensureFhirDefinitions } from './fhir-definitions';
import { isLoopbackOrigin } from './http/cors';
import { createRequestHandler } from './http/handler';
import { loadFhirFiles } from './ingest/loader';
import { summarizePatient } from './patient-summaries';
import { savedNotesIn } from './saved-notes';
import { SandboxRepository } from './store/sandbox-repository';
import type { FhirServer, FhirServerOptions } from './types';

export type { AccessRequest, AuthorizeResult, FhirHttpResponse, FhirServer, FhirServerOptions } from './types';
export type { SmartEndpoints } from './capability-statement';
export type { PatientCompartment } from './compartment/compartment-guard';
export type { LoadReport } from './ingest/loader';
export type { PatientSummary } from './patient-summaries';
export { PATIENT_DESCRIPTION_EXTENSION } from './patient-summaries';
export { DESCRIPTIONS_FILE } from './ingest/loader';

/**
 * The resource types the app reads, and the two it writes back (its chart note and its checklist,
 * which it also reads back after a relaunch); always listed in the CapabilityStatement, stored or not.
 */
const APP_RESOURCE_TYPES = [
  'Patient',
  'Observation',
  'Condition',
  'Procedure',
  'MedicationRequest',
  'MedicationStatement',
  'MedicationDispense',
  'MedicationAdministration',
  'Medication',
  'QuestionnaireResponse',
  'DocumentReference',
];

/**
 * The sandbox FHIR R4 server: Medplum's FhirRouter over an in-memory store partitioned by patient
 * compartment, with indexed search, paging links, `_include`, atomic transactions and a real
 * CapabilityStatement. Creates no listener: mount `handle` in a node:http server.
 *
 * ```ts
 * const fhir = createFhirServer({ baseUrl: 'http://127.0.0.1:8080/fhir' });
 * await fhir.load('sandbox/patients');
 * http.createServer(async (req, res) => { if (!(await fhir.handle(req, res))) { res.writeHead(404).end(); } });
 * ```
 */
export function createFhirServer(options: FhirServerOptions): FhirServer {
  ensureFhirDefinitions();
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const store = new SandboxRepository(baseUrl);
  const descriptions = new Map<string, string>();
  const started = new Date().toISOString();
  const pageSize = options.pageSize ?? 50;
  const maxPageSize = Math.max(options.maxPageSize ?? 200, pageSize);

  const handle = createRequestHandler({
    dispatch: {
      store,
      router: new FhirRouter(),
      baseUrl,
      pageSize,
      maxPageSize,
      capabilityStatement: () =>
        capabilityStatement({
          baseUrl,
          resourceTypes: [...new Set([...APP_RESOURCE_TYPES, ...store.storedResourceTypes()])],
          smart: options.smart,
          date: started,
        }),
    },
    authenticate: options.authenticate,
    authorize: options.authorize,
    adjustSearch: options.adjustSearch,
    beforeResponse: options.beforeResponse,
    allowOrigin: options.allowOrigin ?? isLoopbackOrigin,
    maxBodyBytes: options.maxBodyBytes ?? MAX_FHIR_BODY_BYTES,
  });

  return {
    baseUrl,
    handle,
    async load(...sources) {
      const result = await loadFhirFiles(sources, store, baseUrl);
      result.descriptions.forEach((text, id) => descriptions.set(id, text));
      return result.report;
    },
    read(resourceType, id) {
      return store.get(resourceType, id)?.resource as FhirResource | undefined;
    },
    savedNotes(patientId) {
      return savedNotesIn([...store.candidates('DocumentReference', [patientId])].map((e) => e.resource), patientId);
    },
    patients() {
      return [...store.candidates('Patient', undefined)]
        .map((e) => summarizePatient(e.resource as Patient & { id: string }, descriptions))
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    },
  };
}
