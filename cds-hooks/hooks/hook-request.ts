/**
 * A CDS Hooks 2.0 service call, checked field by field before anything is done with it
 * (https://cds-hooks.hl7.org/2.0/#http-request): `hook`, `hookInstance`, `context` with the hook's
 * required fields (patient-view: https://cds-hooks.org/hooks/patient-view/, order-select and
 * order-sign: `draftOrders`, and `selections` for order-select), and, when present, `fhirServer`,
 * `fhirAuthorization` and `prefetch`. Anything wrong is a RequestError (400) with one line saying
 * what, never an exception from deeper down.
 *
 * Every value is hostile: ids must be FHIR ids (they go into URLs), the FHIR server must be an http(s)
 * base without credentials, and the token goes over plain http only to this machine.
 */
import { checkFhirBase, checkTokenUse, isFhirId } from '../../src/cli/live-target.js';
import { arr, field, obj, resourceType, str, type JsonObject } from '../../src/fhir/fhir-values.js';
import { RequestError } from '../http/request-error.js';

export const HOOKS = ['patient-view', 'order-select', 'order-sign'] as const;
export type Hook = (typeof HOOKS)[number];

export interface FhirAccess {
  readonly fhirServer: string;
  readonly accessToken: string;
  /** `fhirAuthorization.scope` as sent (REQUIRED by the spec; read with effectiveScope). */
  readonly scope: unknown;
}

export interface HookContext {
  readonly userId: string;
  readonly patientId: string;
  readonly encounterId?: string;
  /** order-select: `Type/id` of the newly selected orders. */
  readonly selections?: readonly string[];
  /** order-select and order-sign: the unsigned orders, a Bundle. */
  readonly draftOrders?: JsonObject;
}

export interface HookRequest {
  readonly hook: Hook;
  readonly hookInstance: string;
  readonly context: HookContext;
  /** Present only when both `fhirServer` and `fhirAuthorization` were given (the service may then read FHIR itself). */
  readonly fhirAccess?: FhirAccess;
  readonly prefetch?: Readonly<Record<string, unknown>>;
}

const MAX_FIELD = 1024;

function requiredString(o: JsonObject | undefined, name: string, where: string): string {
  const v = field(o, name);
  if (typeof v !== 'string' || !v.trim()) throw new RequestError(400, `${where}${name} is required and must be a non-empty string`);
  if (v.length > MAX_FIELD) throw new RequestError(400, `${where}${name} is too long`);
  return v;
}

function fhirId(o: JsonObject | undefined, name: string, where: string, required: boolean): string | undefined {
  const v = field(o, name);
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'string' || !isFhirId(v)) throw new RequestError(400, `${where}${name} must be a FHIR id (letters, digits, '-' and '.', at most 64)`);
  return v;
}

function readContext(hook: Hook, value: unknown): HookContext {
  const context = obj(value);
  if (!context) throw new RequestError(400, 'context is required and must be an object');
  const userId = requiredString(context, 'userId', 'context.');
  const patientId = fhirId(context, 'patientId', 'context.', true)!;
  const encounterId = fhirId(context, 'encounterId', 'context.', false);
  const base: HookContext = { userId, patientId, ...(encounterId ? { encounterId } : {}) };
  if (hook === 'patient-view') return base;

  const draftOrders = obj(field(context, 'draftOrders'));
  if (!draftOrders || resourceType(draftOrders) !== 'Bundle') throw new RequestError(400, `context.draftOrders is required for ${hook} and must be a FHIR Bundle`);
  if (field(draftOrders, 'entry') !== undefined && !Array.isArray(field(draftOrders, 'entry'))) throw new RequestError(400, 'context.draftOrders.entry must be an array');
  if (hook === 'order-sign') return { ...base, draftOrders };

  const selections = field(context, 'selections');
  if (!Array.isArray(selections) || selections.some((s) => typeof s !== 'string')) throw new RequestError(400, 'context.selections is required for order-select and must be an array of strings');
  return { ...base, draftOrders, selections: selections as string[] };
}

function readFhirAccess(body: JsonObject, patientId: string): FhirAccess | undefined {
  const server = field(body, 'fhirServer');
  const auth = field(body, 'fhirAuthorization');
  if (server !== undefined) {
    if (typeof server !== 'string') throw new RequestError(400, 'fhirServer must be a URL string');
    const problem = checkFhirBase(server);
    if (problem) throw new RequestError(400, `fhirServer ${problem}`);
  }
  if (auth === undefined) return undefined;
  const authorization = obj(auth);
  if (!authorization) throw new RequestError(400, 'fhirAuthorization must be an object');
  // cds-r-1: "if fhirAuthorization details are provided, a fhirServer SHALL be specified".
  if (typeof server !== 'string') throw new RequestError(400, 'fhirAuthorization was given without fhirServer');
  const accessToken = requiredString(authorization, 'access_token', 'fhirAuthorization.');
  const tokenType = str(field(authorization, 'token_type'));
  if (tokenType !== undefined && tokenType.toLowerCase() !== 'bearer') throw new RequestError(400, 'fhirAuthorization.token_type must be Bearer');
  const problem = checkTokenUse(server, accessToken);
  if (problem) throw new RequestError(400, `fhirAuthorization: ${problem.replace(/FHIR_BEARER_TOKEN/g, 'the access token')}`);
  const tokenPatient = field(authorization, 'patient');
  if (tokenPatient !== undefined && tokenPatient !== patientId) throw new RequestError(400, 'fhirAuthorization.patient is not the patient in context');
  return { fhirServer: server, accessToken, scope: field(authorization, 'scope') };
}

/** The body of a service call, checked for `expected` (the hook the called service answers). */
export function parseHookRequest(value: unknown, expected: Hook): HookRequest {
  const body = obj(value);
  if (!body) throw new RequestError(400, 'the request body must be a JSON object');
  const hook = field(body, 'hook');
  if (typeof hook !== 'string') throw new RequestError(400, 'hook is required and must be a string');
  if (hook !== expected) throw new RequestError(400, `this service answers the ${expected} hook, not ${JSON.stringify(hook.slice(0, 60))}`);
  const hookInstance = requiredString(body, 'hookInstance', '');
  const context = readContext(expected, field(body, 'context'));
  const fhirAccess = readFhirAccess(body, context.patientId);
  const prefetch = field(body, 'prefetch');
  if (prefetch !== undefined && !obj(prefetch)) throw new RequestError(400, 'prefetch must be an object');
  return { hook: expected, hookInstance, context, ...(fhirAccess ? { fhirAccess } : {}), ...(prefetch !== undefined ? { prefetch: obj(prefetch)! } : {}) };
}

/** The entries of a Bundle, as resources with their full URLs (draftOrders). */
export function bundleResources(bundle: JsonObject | undefined): { resource: JsonObject; fullUrl?: string }[] {
  const out: { resource: JsonObject; fullUrl?: string }[] = [];
  for (const entry of arr(field(bundle, 'entry')).map(obj)) {
    const resource = obj(field(entry, 'resource'));
    if (!resource) continue;
    const fullUrl = str(field(entry, 'fullUrl'));
    out.push(fullUrl ? { resource, fullUrl } : { resource });
  }
  return out;
}
