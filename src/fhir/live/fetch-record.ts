/**
 * Fetch one patient's record from the launched FHIR server: every planned query at once, then the
 * same mappers as the command-line evaluator. Each query's status travels with the record as the
 * status of the sources it answers for, so a failed, forbidden or truncated query makes the rules
 * that need it say insufficient-data, never not-flagged.
 */
import type { PatientRecord, SourceKey, SourceStatus } from '../../../rules/engine/record.js';
import type { RuleDefinition } from '../../../rules/engine/types.js';
import { mapRecord } from '../map-record.js';
import { patientDisplay, type PatientDisplay } from '../patient-display.js';
import type { MappingReport } from '../mapping-report.js';
import { ResourceSet } from '../resource-set.js';
import type { HttpOptions } from './fhir-http.js';
import { parseGrantedScopes } from './granted-scopes.js';
import { buildQueryPlan } from './query-plan.js';
import { runQuery, type QueryOutcome } from './run-query.js';

export interface LiveContext {
  readonly serverUrl: string;
  readonly accessToken?: string;
  readonly patientId: string;
  /** The granted `scope` from the token response. */
  readonly scope: string;
}

export interface FetchOptions {
  readonly rules: readonly RuleDefinition[];
  readonly asOf: string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  readonly maxRetries?: number;
  readonly maxRetryAfterMs?: number;
  readonly maxPages?: number;
  /** Entries per page asked of the server (default 100). */
  readonly pageSize?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly signal?: AbortSignal;
}

export interface FetchedRecord {
  readonly record: PatientRecord;
  readonly report: MappingReport;
  readonly queries: readonly QueryOutcome[];
  /** For the patient banner only (the engine does not see names). */
  readonly patient?: PatientDisplay;
}

export const FETCH_DEFAULTS = { timeoutMs: 15_000, maxRetries: 2, maxRetryAfterMs: 10_000, maxPages: 20 } as const;

/** The most severe status wins when several queries answer for one source. */
const SEVERITY: Record<SourceStatus['state'], number> = { complete: 0, truncated: 1, unsupported: 2, failed: 3, 'not-authorised': 4 };

export async function fetchPatientRecord(live: LiveContext, o: FetchOptions): Promise<FetchedRecord> {
  const http: HttpOptions = {
    baseUrl: live.serverUrl,
    ...(live.accessToken ? { accessToken: live.accessToken } : {}),
    fetch: o.fetch ?? globalThis.fetch.bind(globalThis),
    timeoutMs: o.timeoutMs ?? FETCH_DEFAULTS.timeoutMs,
    maxRetries: o.maxRetries ?? FETCH_DEFAULTS.maxRetries,
    maxRetryAfterMs: o.maxRetryAfterMs ?? FETCH_DEFAULTS.maxRetryAfterMs,
    ...(o.sleep ? { sleep: o.sleep } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
  };
  const grants = parseGrantedScopes(live.scope);
  const plan = buildQueryPlan(o.rules, o.asOf, o.pageSize);
  const queries = await Promise.all(plan.map((q) => runQuery(q, { http, patientId: live.patientId, grants, maxPages: o.maxPages ?? FETCH_DEFAULTS.maxPages })));

  const set = new ResourceSet();
  const sources: Record<SourceKey, SourceStatus> = { QuestionnaireResponse: { state: 'complete' } };
  for (const q of queries) {
    for (const { resource, fullUrl } of q.resources) set.add(resource, fullUrl);
    for (const key of q.query.sourceKeys) {
      const current = sources[key];
      if (!current || SEVERITY[q.status.state] > SEVERITY[current.state]) sources[key] = q.status;
    }
  }
  const { record, report } = mapRecord(set, { patientId: live.patientId, sources });
  const patientResource = queries.find((q) => q.query.resourceType === 'Patient')?.resources[0]?.resource;
  const patient = patientDisplay(patientResource);
  return { record, report, queries, ...(patient ? { patient } : {}) };
}
