// Does a set of granted SMART scopes permit one FHIR request? Used by the token verifier that the
// sandbox FHIR server calls before answering.
// https://hl7.org/fhir/smart-app-launch/scopes-and-launch-context.html#scopes-for-requesting-fhir-resources
import { PATIENT_COMPARTMENT_TYPES } from './patient-compartment';
import { parseClinicalScope, type ClinicalScope, type Permission } from './scopes';

/**
 * FHIR RESTful interactions and the SMART v2 permission each needs, exactly as the spec lists them:
 * r = read, vread, instance history; s = type search, type history, system search, system history.
 * `search` is accepted as shorthand for a type-level search.
 */
export const INTERACTION_PERMISSION = {
  create: 'c',
  read: 'r',
  vread: 'r',
  'history-instance': 'r',
  update: 'u',
  patch: 'u',
  delete: 'd',
  search: 's',
  'search-type': 's',
  'search-system': 's',
  'history-type': 's',
  'history-system': 's',
} as const satisfies Record<string, Permission>;

export type FhirInteraction = keyof typeof INTERACTION_PERMISSION;

/**
 * What a FHIR request is about. Shaped so the sandbox FHIR server's `AccessRequest` can be passed as is.
 */
export interface AccessTarget {
  /** Undefined for system-level interactions; then only `*` scopes can apply. */
  readonly resourceType?: string | undefined;
  /** A FHIR restful interaction code; codes this module does not know (transaction, batch) are refused. */
  readonly interaction: FhirInteraction | (string & {});
  /**
   * The one patient whose data the request touches: the id of a Patient read, the compartment a
   * search is confined to (`patient=123`), the subject of a resource read. Undefined when the request
   * is not confined to one patient, which no `patient/` scope permits for compartment types.
   */
  readonly patientId?: string | undefined;
  /** Every patient the request touches, when known (a search for `patient=a,b` touches two). */
  readonly patientIds?: readonly string[];
  /** The search's parameters, needed only to honour granular scopes such as `Observation.rs?category=...`. */
  readonly searchParams?: URLSearchParams;
}

/** The permission letter an interaction needs, or undefined for an interaction SMART scopes do not cover. */
export function permissionFor(interaction: string): Permission | undefined {
  // hasOwn, not `in`: an interaction named "constructor" must not find Object.prototype's.
  return Object.hasOwn(INTERACTION_PERMISSION, interaction)
    ? INTERACTION_PERMISSION[interaction as FhirInteraction]
    : undefined;
}

export interface GrantedAccess {
  readonly scopes: readonly string[];
  /** The `patient` launch context the token was issued with. */
  readonly patient?: string;
}

/**
 * A granular scope permits a search only when the search carries each of the scope's constraints:
 * the parameter is present and every value the request asks for (comma = OR in FHIR search) is the
 * permitted one. Reads are not permitted by granular scopes: checking them needs the resource's
 * content, which this verifier does not see. Conservative on purpose: denying is safe, guessing is not.
 */
function constraintsHold(scope: ClinicalScope, target: AccessTarget): boolean {
  if (scope.constraints.length === 0) return true;
  if (permissionFor(target.interaction) !== 's' || !target.searchParams) return false;
  const params = target.searchParams;
  return scope.constraints.every(([param, value]) => {
    const asked = params.getAll(param);
    return asked.length > 0 && asked.every((v) => v.split(',').every((one) => one === value));
  });
}

function touchedPatients(target: AccessTarget): readonly string[] {
  if (target.patientIds && target.patientIds.length > 0) return target.patientIds;
  return target.patientId === undefined ? [] : [target.patientId];
}

function patientContextHolds(scope: ClinicalScope, target: AccessTarget, patient: string | undefined): boolean {
  if (scope.context !== 'patient') return true; // user/ and system/ scopes: the sandbox user may see everyone
  if (target.resourceType !== undefined && !PATIENT_COMPARTMENT_TYPES.has(target.resourceType)) return true;
  const touched = touchedPatients(target);
  return patient !== undefined && touched.length > 0 && touched.every((id) => id === patient);
}

export function scopePermits(scopeText: string, target: AccessTarget, patient: string | undefined): boolean {
  const scope = parseClinicalScope(scopeText);
  if (!scope) return false;
  if (scope.resourceType !== '*' && scope.resourceType !== target.resourceType) return false;
  const needed = permissionFor(target.interaction);
  if (needed === undefined || !scope.permissions.includes(needed)) return false;
  return patientContextHolds(scope, target, patient) && constraintsHold(scope, target);
}

/** True when at least one granted scope permits the request (scopes are additive). */
export function accessPermitted(granted: GrantedAccess, target: AccessTarget): boolean {
  return granted.scopes.some((scope) => scopePermits(scope, target, granted.patient));
}

/**
 * The patient a permitted request must stay confined to: the token's patient context, unless a
 * `user/` or `system/` scope permits the request by itself. `patientId` undefined is a token with
 * `patient/` scopes but no patient in context, confined to no one's data. The FHIR server enforces it
 * on the answer, so a request whose parameters the checks above misread still cannot leave the
 * compartment.
 */
export function confinement(granted: GrantedAccess, target: AccessTarget): { readonly patientId: string | undefined } | undefined {
  const unconfined = granted.scopes.some((scope) => parseClinicalScope(scope)?.context !== 'patient' && scopePermits(scope, target, granted.patient));
  return unconfined ? undefined : { patientId: granted.patient };
}
