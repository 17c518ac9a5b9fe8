/**
 * What the granted SMART scopes allow the app to read. Anything not granted is "not authorised"
 * for the data layer (its query is not even sent), never "nothing found".
 *
 * Scopes: SMART v2 `patient/Observation.rs` (read = r, search = s) and v1 `patient/Observation.read`,
 * wildcards `patient/*.rs` / `patient/*.read`, and `user/` or `system/` scopes, which also cover one
 * patient's data. v2 scopes with a query (`patient/Observation.rs?category=laboratory`) are honoured
 * for the searches they name. https://hl7.org/fhir/smart-app-launch/scopes-and-launch-context.html
 */

export interface ScopeGrant {
  readonly resourceType: string;
  /** Search parameters the grant is restricted to (v2 `?category=laboratory`), empty when unrestricted. */
  readonly restriction: Readonly<Record<string, string>>;
}

const SCOPE_RE = /^(patient|user|system)\/([A-Za-z*]+)\.([a-z*]+)(?:\?(.*))?$/;

export function parseGrantedScopes(scope: string | undefined): ScopeGrant[] {
  const grants: ScopeGrant[] = [];
  for (const token of (scope ?? '').split(/\s+/).filter(Boolean)) {
    const m = SCOPE_RE.exec(token);
    if (!m) continue;
    const [, , resourceType, permissions, query] = m;
    const canSearch = permissions === '*' || permissions === 'read' || (/^c?r?u?d?s?$/.test(permissions!) && permissions!.includes('s') && permissions!.includes('r'));
    if (!canSearch) continue;
    const restriction: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(query ?? '')) restriction[k] = v;
    grants.push({ resourceType: resourceType!, restriction });
  }
  return grants;
}

/**
 * The search parameters to send under the granted scopes: unchanged when an unrestricted grant
 * covers the resource type; with the restriction added when only a restricted v2 grant does
 * (`patient/Observation.rs?category=laboratory` → `&category=laboratory`); undefined when nothing
 * covers it, so the query is not sent and its data are "not authorised".
 */
export function paramsUnderGrants(grants: readonly ScopeGrant[], resourceType: string, params: Readonly<Record<string, string>>): Record<string, string> | undefined {
  const covering = grants.filter((g) => g.resourceType === '*' || g.resourceType === resourceType);
  if (covering.some((g) => Object.keys(g.restriction).length === 0)) return { ...params };
  const restricted = covering[0];
  return restricted ? { ...params, ...restricted.restriction } : undefined;
}

/** The scope a search needs, in v2 syntax, for messages ("patient/Observation.rs not granted"). */
export function neededScope(resourceType: string): string {
  return `patient/${resourceType}.rs`;
}

/**
 * Whether the granted scopes allow reading one resource by id (a read needs no search right):
 * v2 `patient/Medication.r` or `.rs`, v1 `patient/Medication.read`, or a wildcard. Used for the
 * follow-up reads of referenced Medications.
 */
export function mayRead(scope: string | undefined, resourceType: string): boolean {
  for (const token of (scope ?? '').split(/\s+/).filter(Boolean)) {
    const m = SCOPE_RE.exec(token);
    if (!m) continue;
    const [, , type, permissions] = m;
    if (type !== '*' && type !== resourceType) continue;
    if (permissions === '*' || permissions === 'read' || (/^c?r?u?d?s?$/.test(permissions!) && permissions!.includes('r'))) return true;
  }
  return false;
}

/**
 * The scopes a token was granted, from its token response's `scope` (RFC 6749 §5.1): when the
 * server leaves `scope` out, the grant is the request, so the requested scope stands; a `scope`
 * that is present is taken as it is, even empty (nothing granted); anything else in its place
 * (not a string) grants nothing. For every caller: the app, the command-line evaluator, a CDS
 * Hooks service.
 */
export function effectiveScope(granted: unknown, requested: string): string {
  if (typeof granted === 'string') return granted;
  return granted === undefined || granted === null ? requested : '';
}
