import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FhirResource, OperationOutcome } from 'fhir/r4';
import type { SmartEndpoints } from './capability-statement';
import type { PatientCompartment } from './compartment/compartment-guard';
import type { LoadReport } from './ingest/loader';
import type { PatientSummary } from './patient-summaries';
import type { SavedNote } from './saved-notes';

/**
 * What a request is about, worked out before it runs, for the authorization hook (and fault injection).
 * `interaction` is a FHIR restful interaction code (http://hl7.org/fhir/R4/valueset-type-restful-interaction.html):
 * capabilities, read, vread, history-instance, search-type, create, update, delete, transaction, batch.
 */
export interface AccessRequest {
  readonly interaction: string;
  readonly resourceType: string | undefined;
  readonly id: string | undefined;
  /** The one patient the request concerns, when there is exactly one. */
  readonly patientId: string | undefined;
  /**
   * Every patient the request concerns, as far as known before running it: a search's `patient` (or
   * `subject=Patient/..`, or a Patient search's `_id`), a stored resource's compartment, the compartment a
   * written resource goes to. Empty when the request names no patient (e.g. a search without `patient=`).
   */
  readonly patientIds: readonly string[];
  /** A search's parameters (URL and form body), for granular scopes such as `Observation.rs?category=laboratory`. */
  readonly searchParams: URLSearchParams | undefined;
  /**
   * The patient the request's token is confined to (its launch context), once authorization has
   * confirmed it: a `Medication` read names no patient, but the app asking is that patient's.
   * Undefined before authorization and for unconfined tokens.
   */
  readonly contextPatientId?: string;
}

export type AuthorizeResult =
  | {
      readonly ok: true;
      /**
       * Confine the request to one patient's compartment: the search is pinned to that patient and every
       * resource of the answer must belong to that patient (or to no patient, like a Medication), whatever
       * the request's parameters say. Set for tokens whose only clinical scopes are `patient/` scopes.
       */
      readonly compartment?: PatientCompartment;
    }
  | {
      readonly ok: false;
      readonly status: 401 | 403;
      readonly outcome: OperationOutcome;
      /** e.g. `WWW-Authenticate: Bearer error="invalid_token"`. */
      readonly headers?: Readonly<Record<string, string>>;
    };

/** A response before it is written: hooks may replace it (status, headers, body) or delay it. */
export interface FhirHttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** A FHIR resource (served as application/fhir+json), or undefined for no body. */
  readonly body: FhirResource | undefined;
}

export interface FhirServerOptions {
  /** Absolute base URL clients use, e.g. http://127.0.0.1:8080/fhir. Requests outside its path are not handled. */
  readonly baseUrl: string;
  /** Entries per search page when the client sends no `_count` (default 50). */
  readonly pageSize?: number;
  /** Largest page a client can ask for with `_count` (default 200). */
  readonly maxPageSize?: number;
  /** SMART endpoints to advertise in the CapabilityStatement. */
  readonly smart?: SmartEndpoints;
  /**
   * Called before a request's body is read (not for CORS preflights), with only its interaction: a
   * request that cannot be authenticated (no token, a dead one) is refused here, so an anonymous
   * client cannot make the server read, buffer or parse anything. `authorize` still runs afterwards.
   */
  readonly authenticate?: (req: IncomingMessage, interaction: string) => AuthorizeResult | Promise<AuthorizeResult>;
  /**
   * Called before every request (not CORS preflights), including `metadata`, which a SMART server must
   * leave open. Stored resources are never passed: decide from the request and `access`.
   */
  readonly authorize?: (req: IncomingMessage, access: AccessRequest) => AuthorizeResult | Promise<AuthorizeResult>;
  /**
   * Called for an authorised search before it runs: return other parameters to run it with (an EHR
   * that quietly narrows searches, for fault injection), or nothing to keep the request's own.
   */
  readonly adjustSearch?: (req: IncomingMessage, access: AccessRequest) => URLSearchParams | undefined;
  /**
   * Called with every response (errors and authorization failures too) before it is written. Return a
   * replacement, or nothing to keep it; an async hook delays the response. Bodies are frozen or shared:
   * build a new object instead of changing one. `access` is undefined when the request could not be parsed.
   */
  readonly beforeResponse?: (
    req: IncomingMessage,
    response: FhirHttpResponse,
    access: AccessRequest | undefined,
  ) => FhirHttpResponse | undefined | Promise<FhirHttpResponse | undefined>;
  /** Which browser origins get CORS headers (default: http(s) on localhost, 127.0.0.1 and [::1], any port). */
  readonly allowOrigin?: (origin: string) => boolean;
  /** Largest request body accepted, in bytes (default 16 MiB); larger ones get 413 before they are read. */
  readonly maxBodyBytes?: number;
}

export interface FhirServer {
  /** The base URL, without a trailing slash. */
  readonly baseUrl: string;
  /** Serves the request if it is under the base path; resolves false (response untouched) if it is not. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Loads bundles from files and directories (see loadFhirFiles). */
  load(...sources: string[]): Promise<LoadReport>;
  /** The patients, for an EHR page's patient list, sorted by name. */
  patients(): PatientSummary[];
  /** The current version of a stored resource (frozen), without any access check: for the sandbox's own use. */
  read(resourceType: string, id: string): FhirResource | undefined;
  /** The progress notes apps saved to this patient's chart, newest first (saved-notes.ts), for the EHR page. */
  savedNotes(patientId: string): SavedNote[];
}
