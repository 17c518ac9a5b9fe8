/**
 * The fault rule format, shared by the programmatic API, the admin endpoint and `faults.json`.
 * A rule says which FHIR requests it matches (every field it sets must hold) and what happens to them,
 * optionally only the first `times` times. Rules are plain JSON so a test, a demo script and a
 * scenario file all write the same thing.
 */

/** FHIR restful interaction codes as the sandbox FHIR server reports them (`AccessRequest.interaction`). */
export const FAULT_INTERACTIONS = [
  'capabilities',
  'read',
  'vread',
  'history-instance',
  'search-type',
  'create',
  'update',
  'delete',
  'transaction',
  'batch',
] as const;
export type FaultInteraction = (typeof FAULT_INTERACTIONS)[number];

/** Statuses an `error` effect may answer with. 401 and 403 have effects of their own (expire-token, forbid). */
export const FAULT_ERROR_STATUSES = [429, 500, 502, 503, 504] as const;
export type FaultErrorStatus = (typeof FAULT_ERROR_STATUSES)[number];

export type FaultEffect =
  /** Delay the answer by `ms` milliseconds (every matching request, success or not). */
  | { readonly type: 'latency'; readonly ms: number }
  /**
   * Answer with this status and an OperationOutcome instead of the real answer. 429 and 503 carry
   * `Retry-After: retryAfterSeconds` (default 1), as RFC 9110 §10.2.3 and RFC 6585 §4 describe.
   */
  | { readonly type: 'error'; readonly status: FaultErrorStatus; readonly retryAfterSeconds?: number }
  /** 403 `insufficient_scope` from the token verifier, as if the site's policy refused this query. */
  | { readonly type: 'forbid' }
  /** A searchset whose `next` link is its own `self` link: a client that follows it loops. */
  | { readonly type: 'repeat-next' }
  /** A searchset whose `next` link points at another origin, where the token must not go. */
  | { readonly type: 'foreign-next'; readonly origin?: string }
  /** The request's bearer token expires as it arrives: this request and every later one get 401. */
  | { readonly type: 'expire-token' }
  // ---- EHR behaviour profiles: what real EHRs do that a client must read honestly (sandbox/README.md)
  /**
   * A 200 searchset whose only entry is an OperationOutcome (`search.mode` outcome) with this severity
   * (default error) and text (default "Search not performed"), and no matches.
   */
  | { readonly type: 'operation-outcome-in-searchset'; readonly severity?: 'error' | 'fatal'; readonly diagnostics?: string }
  /** The rule's resourceType is not offered: 404 for every interaction on it, gone from /metadata and from includes. */
  | { readonly type: 'unsupported-type' }
  /** `_include` is ignored and `display` is removed from every reference of the matches. */
  | { readonly type: 'ignore-include' }
  /** `_count` is ignored: one match per page, with working `next` links. */
  | { readonly type: 'ignore-count' }
  /** Paging links on a second origin of this same server (default: localhost for 127.0.0.1 and back). */
  | { readonly type: 'second-origin-next'; readonly origin?: string }
  /** MedicationRequest searches without a `status` parameter return only active orders. */
  | { readonly type: 'active-only-unless-status' }
  /** Observation searches without `category` or `code` are refused with 400. */
  | { readonly type: 'require-category-or-code' }
  /** The token response leaves out `scope` (RFC 6749 §5.1 allows it when the grant equals the request). */
  | { readonly type: 'token-without-scope' }
  /** A read of Patient/<id> answers with another patient: `otherPatientId` (loaded), or a made-up decoy. */
  | { readonly type: 'wrong-patient'; readonly otherPatientId?: string };

export type FaultEffectType = FaultEffect['type'];

export interface FaultRule {
  /** Unique name; the engine assigns `fault-<n>` when absent. */
  readonly id?: string;
  readonly patientId?: string;
  readonly resourceType?: string;
  /** `search` (the SMART scope word) is accepted for `search-type` and stored as such. */
  readonly interaction?: FaultInteraction | 'search';
  /**
   * Search parameters the request must carry: `{ "code": "2601-3" }` matches when one of the `code`
   * values (comma-separated) equals `2601-3` or ends with `|2601-3`; `"*"` matches any value.
   */
  readonly params?: Readonly<Record<string, string>>;
  readonly effect: FaultEffect;
  /** Apply the effect this many times, then let requests through; omitted means always. */
  readonly times?: number;
}

/** A rule that passed the checks: `search` spelled `search-type`. */
export type CheckedFaultRule = Omit<FaultRule, 'interaction'> & { readonly interaction?: FaultInteraction };

/** A rule as the engine holds and lists it: with its id, where it came from and how often it fired. */
export interface ActiveFaultRule extends CheckedFaultRule {
  readonly id: string;
  readonly source: string;
  readonly applied: number;
  /** Applications left, or null for a rule without `times`. */
  readonly remaining: number | null;
}

export const DEFAULT_RETRY_AFTER_SECONDS = 1;

/** Text of the OperationOutcome that `operation-outcome-in-searchset` puts in the searchset by default. */
export const DEFAULT_SEARCH_OUTCOME_TEXT = 'Search not performed';

/** Where `foreign-next` points by default: a reserved name (RFC 2606) that can never resolve. */
export const DEFAULT_FOREIGN_ORIGIN = 'https://fhir.elsewhere.example';
