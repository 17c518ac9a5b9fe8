/**
 * One patient's record for a service call, through the live data layer (fetchPatientRecord: the
 * app's and the evaluator's query plan, statuses and mappers), fed by the request's prefetch where
 * the client sent it and by the client's FHIR server where it did not.
 *
 * CDS Hooks 2.0 (https://cds-hooks.hl7.org/2.0/#prefetch-template):
 * - a prefetch key the client did not send is data the service must fetch itself, which it can do
 *   only with `fhirServer` and `fhirAuthorization`; without them the service "SHALL respond with an
 *   HTTP 412 Precondition Failed status code";
 * - a key sent as `null` means "no data": no resource for a read, no match for a search;
 * - an OperationOutcome in place of the data is the client's error: that query failed, and the rules
 *   that need it say insufficient-data.
 * A prefetch value of the wrong shape (a Patient where a Bundle belongs, a string) is a bad request.
 */
import { fetchPatientRecord, type FetchedRecord } from '../../src/fhir/live/fetch-record.js';
import { getJson, type HttpOptions } from '../../src/fhir/live/fhir-http.js';
import { effectiveScope, paramsUnderGrants, parseGrantedScopes } from '../../src/fhir/live/granted-scopes.js';
import { queryUrl } from '../../src/fhir/live/run-query.js';
import { field, obj, resourceType, type JsonObject } from '../../src/fhir/fhir-values.js';
import { WrongPatientError } from '../../src/fhir/wrong-patient.js';
import type { HookRequest } from '../hooks/hook-request.js';
import { RequestError } from '../http/request-error.js';
import { ENCOUNTER_KEY, plannedQueries, planningRules, prefetchKey, requestedScope, type PlanSelection } from '../prefetch/templates.js';
import { applyDateFloor } from './date-floor.js';
import { normaliseUrl, prefetchFetch, type PrefetchAnswer } from './prefetch-fetch.js';

/** Where a prefetch-only call pretends its FHIR server is: never contacted (nothing answers there). */
export const PREFETCH_ONLY_BASE = 'https://prefetch.invalid/fhir';

export type EncounterRead =
  | { readonly state: 'none' }
  | { readonly state: 'read'; readonly encounter: JsonObject }
  | { readonly state: 'failed' };

export type PatientData =
  | { readonly kind: 'record'; readonly fetched: FetchedRecord; readonly encounter: EncounterRead; readonly via: 'prefetch' | 'fhir' | 'both' }
  /** The client's FHIR server returned another patient's record: nothing of it may be used. */
  | { readonly kind: 'wrong-patient' };

export interface LoadOptions {
  readonly asOf: string;
  /** The engine rules whose data needs decide the plan. */
  readonly selection: PlanSelection;
  /** Read the Encounter in context too (patient-view). */
  readonly withEncounter?: boolean;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

function checkShape(key: string, value: unknown, interaction: 'read' | 'search', expectedType: string): void {
  if (value === null) return;
  const type = resourceType(obj(value));
  if (type === 'OperationOutcome') return;
  if (interaction === 'search' && type !== 'Bundle') throw new RequestError(400, `prefetch.${key} must be a searchset Bundle, null or an OperationOutcome`);
  if (interaction === 'read' && type !== expectedType) throw new RequestError(400, `prefetch.${key} must be a ${expectedType}, null or an OperationOutcome`);
}

function httpOptions(base: string, fetchImpl: typeof fetch, token: string | undefined, timeoutMs: number): HttpOptions {
  return { baseUrl: base, fetch: fetchImpl, timeoutMs, maxRetries: 2, maxRetryAfterMs: 10_000, ...(token ? { accessToken: token } : {}) };
}

async function readEncounter(http: HttpOptions, encounterId: string): Promise<EncounterRead> {
  const r = await getJson(`${http.baseUrl.replace(/\/+$/, '')}/Encounter/${encodeURIComponent(encounterId)}`, http);
  if (!r.ok) return { state: 'failed' };
  const body = obj(r.body);
  return body && resourceType(body) === 'Encounter' ? { state: 'read', encounter: body } : { state: 'failed' };
}

export async function loadPatientData(request: HookRequest, o: LoadOptions): Promise<PatientData> {
  const { patientId, encounterId } = request.context;
  const prefetch = request.prefetch ?? {};
  const access = request.fhirAccess;
  const wantEncounter = !!(o.withEncounter && encounterId);
  const plan = plannedQueries(o.selection, o.asOf);

  const missing: string[] = [];
  let prefetched = 0;
  for (const q of plan) {
    const key = prefetchKey(q);
    if (!Object.hasOwn(prefetch, key)) missing.push(key);
    else {
      checkShape(key, prefetch[key], q.interaction, q.resourceType);
      prefetched += 1;
    }
  }
  if (wantEncounter) {
    if (!Object.hasOwn(prefetch, ENCOUNTER_KEY)) missing.push(ENCOUNTER_KEY);
    else checkShape(ENCOUNTER_KEY, prefetch[ENCOUNTER_KEY], 'read', 'Encounter');
  }
  if (missing.length && !access) {
    throw new RequestError(412, `prefetch is missing ${missing.join(', ')} and no fhirServer with fhirAuthorization was given to fetch it`);
  }

  const base = access?.fhirServer ?? PREFETCH_ONLY_BASE;
  // With FHIR access, the token's scopes decide what is read (RFC 6749 §5.1 through effectiveScope);
  // a prefetch-only call reads what the client chose to send.
  const scope = access ? effectiveScope(access.scope, requestedScope(o.selection, o.asOf, o.withEncounter)) : 'patient/*.rs';
  const grants = parseGrantedScopes(scope);
  const answers = new Map<string, PrefetchAnswer>();
  for (const q of plan) {
    const key = prefetchKey(q);
    if (!Object.hasOwn(prefetch, key)) continue;
    const params = paramsUnderGrants(grants, q.resourceType, q.params) ?? q.params;
    answers.set(normaliseUrl(queryUrl(base, q, patientId, params)), { value: applyDateFloor(prefetch[key], q), interaction: q.interaction });
  }
  if (wantEncounter && Object.hasOwn(prefetch, ENCOUNTER_KEY)) {
    answers.set(normaliseUrl(`${base}/Encounter/${encodeURIComponent(encounterId!)}`), { value: prefetch[ENCOUNTER_KEY], interaction: 'read' });
  }
  const network = access ? (o.fetch ?? globalThis.fetch.bind(globalThis)) : undefined;
  const fetchImpl = prefetchFetch(answers, network);
  const timeoutMs = o.timeoutMs ?? 10_000;

  try {
    const [fetched, encounter] = await Promise.all([
      fetchPatientRecord(
        { serverUrl: base, patientId, scope, ...(access ? { accessToken: access.accessToken } : {}) },
        { rules: planningRules(o.selection), asOf: o.asOf, fetch: fetchImpl, timeoutMs },
      ),
      wantEncounter ? readEncounter(httpOptions(base, fetchImpl, access?.accessToken, timeoutMs), encounterId!) : Promise.resolve<EncounterRead>({ state: 'none' }),
    ]);
    const via = !access || missing.length === 0 ? (prefetched ? 'prefetch' : 'fhir') : prefetched ? 'both' : 'fhir';
    return { kind: 'record', fetched, encounter: encounter.state === 'read' && !sameEncounterPatient(encounter.encounter, patientId) ? { state: 'failed' } : encounter, via };
  } catch (err) {
    if (!(err instanceof WrongPatientError)) throw err;
    // Another patient's data in the request itself is the client's error; from its server, a fault.
    if (!access || missing.length === 0) throw new RequestError(400, 'the prefetch holds another patient\'s record');
    return { kind: 'wrong-patient' };
  }
}

/** An Encounter about someone else is not this visit (its subject must be the patient when it names one). */
function sameEncounterPatient(encounter: JsonObject, patientId: string): boolean {
  const reference = field(obj(field(encounter, 'subject')), 'reference');
  if (typeof reference !== 'string') return true;
  return new RegExp(`(^|/)Patient/${patientId.replace(/[.]/g, '\\.')}(/_history/[^/]+)?$`).test(reference);
}
