/**
 * Fetch one patient's record from the launched FHIR server, then map it with the same mappers as
 * the command-line evaluator. Two rounds at most:
 *
 * 1. every planned query, and the CapabilityStatement, all at once;
 * 2. the follow-ups the answers make necessary (referenced Medications the server did not
 *    include), deduplicated and bounded, all at once.
 *
 * Each query's status travels with the record as the status of the sources it answers for, so a
 * failed, unsupported, forbidden or truncated query makes the rules that need it say
 * insufficient-data, never not-flagged. A record that belongs to another patient stops everything
 * with WrongPatientError.
 *
 * `refetchQueries` is the retry the review screen offers: it re-runs only the queries named (the
 * ones that failed) and rebuilds the record through the same steps.
 *
 * No browser-only API is used here: the app, the command-line evaluator's live mode and a CDS Hooks
 * service share this layer.
 */
import type { PatientRecord, SourceKey, SourceStatus } from '../../../rules/engine/record.js';
import type { RuleDefinition } from '../../../rules/engine/types.js';
import type { JsonObject } from '../fhir-values.js';
import { mapRecord } from '../map-record.js';
import { patientDisplay, type PatientDisplay } from '../patient-display.js';
import type { MappingReport } from '../mapping-report.js';
import { ResourceSet } from '../resource-set.js';
import { offers, readCapabilities, type Capabilities } from './capabilities.js';
import type { HttpOptions } from './fhir-http.js';
import { runFollowUpRound } from './follow-up-round.js';
import { mayRead, parseGrantedScopes } from './granted-scopes.js';
import { addReadMedications, planMedicationReads } from './medication-follow-ups.js';
import { assertSamePatient } from './patient-identity.js';
import { buildQueryPlan, type PlannedQuery } from './query-plan.js';
import { runQuery, unsupportedReason, type QueryOutcome } from './run-query.js';
import { tokenOrigins } from './token-origins.js';

export interface LiveContext {
  readonly serverUrl: string;
  readonly accessToken?: string;
  readonly patientId: string;
  /**
   * The granted `scope` from the token response, or the requested one when the response has none
   * (RFC 6749 §5.1: then the grant equals the request).
   */
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
  /** Requests in the follow-up round at most (default 100); references beyond it stay unresolved. */
  readonly maxFollowUps?: number;
  /**
   * Origins besides the launched server's that may see the token: paging links and Medication
   * references there are followed (runtime configuration `additionalFhirOrigins`).
   */
  readonly additionalFhirOrigins?: readonly string[];
  readonly sleep?: (ms: number) => Promise<void>;
  readonly signal?: AbortSignal;
}

/** What the CapabilityStatement said, for the report. */
export interface CapabilityOutcome {
  readonly state: 'read' | 'unreadable';
  /** Why it told nothing, when unreadable. */
  readonly reason?: string;
  /** Planned resource types it does not offer (their queries are reported as unsupported). */
  readonly unsupported: readonly string[];
  readonly requests: number;
}

/** What a retry needs from the first fetch so it reads nothing twice. */
export interface RetryBasis {
  /** The resource types the CapabilityStatement offers; null when it said nothing usable. */
  readonly offered: readonly string[] | null;
  /** The Medications the follow-up round read. */
  readonly medicationsRead: readonly JsonObject[];
}

/** The second round, for the report. */
export interface FollowUpOutcome {
  /** HTTP requests sent in the follow-up round (retries and redirect hops included). */
  readonly requests: number;
  /** Referenced Medications read with `GET Medication/<id>` and added to the record. */
  readonly medicationsRead: number;
  /** Distinct Medication references still unresolved (the uses they name stay unidentified). */
  readonly medicationsUnresolved: number;
  /** Why some stayed unresolved, in words. */
  readonly notes: readonly string[];
}

export interface FetchedRecord {
  readonly record: PatientRecord;
  readonly report: MappingReport;
  readonly queries: readonly QueryOutcome[];
  /** For the patient banner only (the engine does not see names). */
  readonly patient?: PatientDisplay;
  readonly capabilities?: CapabilityOutcome;
  readonly followUps?: FollowUpOutcome;
  readonly retryBasis?: RetryBasis;
}

export const FETCH_DEFAULTS = { timeoutMs: 15_000, maxRetries: 2, maxRetryAfterMs: 10_000, maxPages: 20, maxFollowUps: 100 } as const;

/** The most severe status wins when several queries answer for one source. */
const SEVERITY: Record<SourceStatus['state'], number> = { complete: 0, truncated: 1, unsupported: 2, failed: 3, 'not-authorised': 4 };

/** A query for a type the CapabilityStatement does not list: reported unsupported, its answer unused. */
function asUnsupported(q: QueryOutcome, capabilities: Capabilities): QueryOutcome {
  if (offers(capabilities, q.query.resourceType) || q.status.state === 'unsupported') return q;
  return { ...q, status: { state: 'unsupported', reason: unsupportedReason(q.query.resourceType) }, resources: [] };
}

function httpOptions(live: LiveContext, o: FetchOptions): HttpOptions {
  return {
    baseUrl: live.serverUrl,
    ...(o.additionalFhirOrigins?.length ? { additionalOrigins: o.additionalFhirOrigins } : {}),
    ...(live.accessToken ? { accessToken: live.accessToken } : {}),
    fetch: o.fetch ?? globalThis.fetch.bind(globalThis),
    timeoutMs: o.timeoutMs ?? FETCH_DEFAULTS.timeoutMs,
    maxRetries: o.maxRetries ?? FETCH_DEFAULTS.maxRetries,
    maxRetryAfterMs: o.maxRetryAfterMs ?? FETCH_DEFAULTS.maxRetryAfterMs,
    ...(o.sleep ? { sleep: o.sleep } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
  };
}

const runAll = (plan: readonly PlannedQuery[], live: LiveContext, o: FetchOptions, http: HttpOptions): Promise<QueryOutcome[]> => {
  const grants = parseGrantedScopes(live.scope);
  const maxPages = o.maxPages ?? FETCH_DEFAULTS.maxPages;
  return Promise.all(plan.map((q) => runQuery(q, { http, patientId: live.patientId, grants, maxPages })));
};

export async function fetchPatientRecord(live: LiveContext, o: FetchOptions): Promise<FetchedRecord> {
  const http = httpOptions(live, o);
  const plan = buildQueryPlan(o.rules, o.asOf, o.pageSize);
  // Round 1.
  const [capabilities, answered] = await Promise.all([readCapabilities(http), runAll(plan, live, o, http)] as const);
  return assemble(answered.map((q) => asUnsupported(q, capabilities)), capabilities, live, o, http, []);
}

/**
 * Retry: run again only the named queries of an earlier fetch (those that failed or were not
 * authorised, say) and give the record as if they had answered this way the first time. Every
 * other query keeps its earlier answer, the CapabilityStatement is not read again, and the
 * Medications the earlier follow-up round read are kept, so only references that are new in the
 * re-run answers are read. The same checks hold as for a first fetch (the wrong patient stops
 * everything; a type the server does not offer stays unsupported).
 */
export async function refetchQueries(live: LiveContext, earlier: FetchedRecord, names: readonly string[], o: FetchOptions): Promise<FetchedRecord> {
  const http = httpOptions(live, o);
  const capabilities = capabilitiesOf(earlier.retryBasis);
  const wanted = new Set(names);
  const again = earlier.queries.filter((q) => wanted.has(q.query.name) && offers(capabilities, q.query.resourceType)).map((q) => q.query);
  const answered = new Map((await runAll(again, live, o, http)).map((q) => [q.query.name, q]));
  const queries = earlier.queries.map((q) => answered.get(q.query.name) ?? q);
  const fetched = await assemble(queries, capabilities, live, o, http, earlier.retryBasis?.medicationsRead ?? []);
  return earlier.capabilities ? { ...fetched, capabilities: earlier.capabilities } : fetched;
}

/** The CapabilityStatement as an earlier fetch read it (nothing known when it said nothing usable). */
function capabilitiesOf(basis: RetryBasis | undefined): Capabilities {
  if (basis?.offered) return { state: 'read', resourceTypes: new Set(basis.offered), requests: 0 };
  return { state: 'unreadable', reason: 'not read again for a retry', requests: 0 };
}

/**
 * From the first round's answers to the record: check it is the launched patient's, read the
 * Medications referenced but not included (round 2, before mapping), set each source's status
 * from its queries, and map.
 */
async function assemble(
  queries: readonly QueryOutcome[],
  capabilities: Capabilities,
  live: LiveContext,
  o: FetchOptions,
  http: HttpOptions,
  readBefore: readonly JsonObject[],
): Promise<FetchedRecord> {
  const set = new ResourceSet();
  for (const q of queries) for (const { resource, fullUrl } of q.resources) set.add(resource, fullUrl);
  const patientResource = queries.find((q) => q.query.resourceType === 'Patient')?.resources[0]?.resource;
  assertSamePatient(live.patientId, patientResource, set);
  for (const medication of readBefore) set.add(medication);

  // Round 2: Medications referenced but not included, read before mapping.
  const reads = planMedicationReads(set, { baseUrl: live.serverUrl, origins: tokenOrigins(live.serverUrl, o.additionalFhirOrigins), patientId: live.patientId });
  const notRead = !offers(capabilities, 'Medication') ? unsupportedReason('Medication') : !mayRead(live.scope, 'Medication') ? 'no scope to read Medication was granted' : undefined;
  const limit = o.maxFollowUps ?? FETCH_DEFAULTS.maxFollowUps;
  const round = reads.reads.size && !notRead ? await runFollowUpRound(reads.reads.keys(), http, limit) : undefined;
  const before = set.resources.length;
  const medications = addReadMedications(reads, set, { ...(round ? { round } : {}), ...(notRead ? { notRead } : {}), limit });
  const medicationsRead = [...readBefore, ...set.resources.slice(before)];

  // The checklist is the clinician's, answered in the app: when no rule asks for it, nothing is missing.
  const sources: Record<SourceKey, SourceStatus> = queries.some((q) => q.query.resourceType === 'QuestionnaireResponse') ? {} : { QuestionnaireResponse: { state: 'complete' } };
  for (const q of queries) {
    for (const key of q.query.sourceKeys) {
      const current = sources[key];
      if (!current || SEVERITY[q.status.state] > SEVERITY[current.state]) sources[key] = q.status;
    }
  }
  const { record, report } = mapRecord(set, { patientId: live.patientId, sources });
  const patient = patientDisplay(patientResource);
  const planned = [...new Set(queries.map((q) => q.query.resourceType))];
  return {
    record,
    report,
    queries,
    ...(patient ? { patient } : {}),
    capabilities: {
      state: capabilities.state,
      ...(capabilities.state === 'unreadable' ? { reason: capabilities.reason } : {}),
      unsupported: planned.filter((t) => !offers(capabilities, t)),
      requests: capabilities.requests,
    },
    followUps: { requests: round?.requests ?? 0, medicationsRead: medications.resolved, medicationsUnresolved: medications.unresolved, notes: medications.notes },
    retryBasis: { offered: capabilities.state === 'read' ? [...capabilities.resourceTypes] : null, medicationsRead },
  };
}
