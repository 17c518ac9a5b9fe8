/**
 * Live mode: one patient read from a FHIR server by the app's own data layer (fetchPatientRecord:
 * query plan, paging, retries, a status per query), then the same report as for a Bundle
 * (buildReport), with each query's status added as `dataStatus.queries`.
 *
 * A server that fails, refuses or cannot be reached is not an error here: the data layer turns it
 * into statuses, and the rules that needed those data say insufficient-data. Only a record that
 * belongs to another patient (WrongPatientError) stops the evaluation, in the caller.
 */
import { ALL_RULES } from '../../rules/index.js';
import type { SourceState } from '../../rules/engine/record.js';
import { buildReport, type EvaluationReport } from '../evaluation/evaluate-bundle.js';
import { fetchPatientRecord, type FetchedRecord, type FetchOptions, type LiveContext } from '../fhir/live/fetch-record.js';
import { mapRecord } from '../fhir/map-record.js';
import { ResourceSet } from '../fhir/resource-set.js';
import { WrongPatientError } from '../fhir/wrong-patient.js';
import type { LiveTarget } from './args.js';

/**
 * Without a token response there is no granted `scope` to read: the evaluator asks for what it
 * needs and assumes the read scopes were granted. A server that refuses a query still answers
 * 401/403, which the data layer reports as not authorised.
 */
export const ASSUMED_SCOPE = 'patient/*.rs';

/** One query as the report shows it: no URL (it could carry the patient id or a token), no data. */
export interface QueryStatus {
  readonly name: string;
  readonly resourceType: string;
  readonly status: SourceState;
  readonly reason?: string;
  readonly requests: number;
  readonly pages: number;
  readonly httpStatus?: number;
}

export interface LiveReport extends EvaluationReport {
  readonly dataStatus: EvaluationReport['dataStatus'] & { readonly queries: readonly QueryStatus[] };
}

export interface LiveDependencies {
  /** The bearer token (from FHIR_BEARER_TOKEN), already checked against the base URL. */
  readonly token?: string;
  /** Replaces the data layer in tests of this module's own error handling. */
  readonly fetchRecord?: (live: LiveContext, options: FetchOptions) => Promise<FetchedRecord>;
  readonly fetch?: typeof fetch;
  /** Told, in one line without patient data, when the data layer itself failed. */
  readonly warn?: (line: string) => void;
}

export function queryStatuses(fetched: FetchedRecord): QueryStatus[] {
  return fetched.queries.map((q) => ({
    name: q.query.name,
    resourceType: q.query.resourceType,
    status: q.status.state,
    ...(q.status.reason ? { reason: q.status.reason } : {}),
    requests: q.requests,
    pages: q.pages,
    ...(q.httpStatus ? { httpStatus: q.httpStatus } : {}),
  }));
}

/**
 * The data layer is written not to throw for anything a server does. Should it throw anyway (a
 * defect), nothing was read: every source is failed, so every rule that needs data says
 * insufficient-data rather than not-flagged.
 */
function nothingRead(patientId: string, asOf: string, reason: string): LiveReport {
  const { record, report } = mapRecord(new ResourceSet(), { patientId, sources: { '*': { state: 'failed', reason } } });
  const built = buildReport(record, report, asOf);
  return { ...built, dataStatus: { ...built.dataStatus, queries: [] } };
}

/** Throws WrongPatientError when the server answered with another patient's record. */
export async function evaluateLive(target: LiveTarget, asOf: string, deps: LiveDependencies = {}): Promise<LiveReport> {
  const context: LiveContext = {
    serverUrl: target.fhirBase,
    ...(deps.token ? { accessToken: deps.token } : {}),
    patientId: target.patientId,
    scope: ASSUMED_SCOPE,
  };
  let fetched: FetchedRecord;
  try {
    const options: FetchOptions = {
      rules: ALL_RULES,
      asOf,
      ...(target.additionalFhirOrigins.length ? { additionalFhirOrigins: target.additionalFhirOrigins } : {}),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    };
    fetched = await (deps.fetchRecord ?? fetchPatientRecord)(context, options);
  } catch (err) {
    if (err instanceof WrongPatientError) throw err;
    // The name only: a message could quote what the server sent.
    const name = err instanceof Error ? err.name : 'unknown error';
    deps.warn?.(`the live data layer failed (${name}); every source is reported as failed`);
    return nothingRead(target.patientId, asOf, `the app's data layer failed (${name}); nothing was read`);
  }
  const built = buildReport(fetched.record, fetched.report, asOf);
  return { ...built, dataStatus: { ...built.dataStatus, queries: queryStatuses(fetched) } };
}
