// SMART clinical scope syntax, v2 with v1 accepted.
// https://hl7.org/fhir/smart-app-launch/scopes-and-launch-context.html#scopes-for-requesting-fhir-resources
//
//   ( patient | user | system ) "/" ( ResourceType | "*" ) "." permissions [ "?" param=value *( "&" param=value ) ]
//
// v2 permissions are a non-empty, in-order subset of "cruds". v1 permissions are read / write / *,
// mapped as the spec says: .read => .rs, .write => .cud, .* => .cruds. Anything else (".dus",
// ".rr", ".readwrite") is not a clinical scope and is ignored, as the spec allows ("Scope requests
// with undefined or out of order interactions MAY be ignored").

export type ScopeContext = 'patient' | 'user' | 'system';
export type Permission = 'c' | 'r' | 'u' | 'd' | 's';

const ORDER: readonly Permission[] = ['c', 'r', 'u', 'd', 's'];
const V1_PERMISSIONS = { read: 'rs', write: 'cud', '*': 'cruds' } as const;

export interface ClinicalScope {
  readonly context: ScopeContext;
  /** A FHIR resource type name or `*`. */
  readonly resourceType: string;
  /** In "cruds" order, never empty. */
  readonly permissions: string;
  /** Granular (v2) constraints: every one must hold; empty for a plain resource scope. */
  readonly constraints: readonly (readonly [param: string, value: string])[];
  readonly syntax: 'v1' | 'v2';
  /** The scope as written by whoever produced it. */
  readonly text: string;
}

const CLINICAL = /^(patient|user|system)\/([A-Z][A-Za-z]*|\*)\.([^?]+)(?:\?(.+))?$/;
const V2_PERMISSIONS = /^c?r?u?d?s?$/;

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value; // a stray "%" is taken literally rather than failing the whole scope
  }
}

function parseConstraints(query: string): ClinicalScope['constraints'] | undefined {
  const pairs: [string, string][] = [];
  for (const item of query.split('&')) {
    const eq = item.indexOf('=');
    if (eq <= 0 || eq === item.length - 1) return undefined; // "param=value" with both parts present
    pairs.push([decode(item.slice(0, eq)), decode(item.slice(eq + 1))]);
  }
  return pairs;
}

/** Parses one clinical scope; returns undefined for anything else (launch, openid, typos, ".dus"). */
export function parseClinicalScope(text: string): ClinicalScope | undefined {
  const match = CLINICAL.exec(text);
  if (!match) return undefined;
  const context = match[1] as ScopeContext;
  const resourceType = match[2] ?? '';
  const permissionText = match[3] ?? '';
  const query = match[4];
  if (permissionText in V1_PERMISSIONS) {
    if (query !== undefined) return undefined; // granular constraints are v2-only
    const permissions = V1_PERMISSIONS[permissionText as keyof typeof V1_PERMISSIONS];
    return { context, resourceType, permissions, constraints: [], syntax: 'v1', text };
  }
  if (permissionText === '' || !V2_PERMISSIONS.test(permissionText)) return undefined;
  const constraints = query === undefined ? [] : parseConstraints(query);
  if (!constraints) return undefined;
  return { context, resourceType, permissions: permissionText, constraints, syntax: 'v2', text };
}

/** Writes a scope in v2 form (used when the granted scope differs from what was requested). */
export function formatClinicalScope(scope: Omit<ClinicalScope, 'text' | 'syntax'>): string {
  const query = scope.constraints.map(([param, value]) => `${param}=${value}`).join('&');
  return `${scope.context}/${scope.resourceType}.${scope.permissions}${query ? `?${query}` : ''}`;
}

/** Letters present in both permission strings, kept in "cruds" order. */
export function intersectPermissions(a: string, b: string): string {
  return ORDER.filter((p) => a.includes(p) && b.includes(p)).join('');
}

/** Splits an OAuth scope parameter (RFC 6749 §3.3: space-delimited, case-sensitive), dropping duplicates. */
export function splitScopeParameter(scope: string | undefined): string[] {
  return [...new Set((scope ?? '').split(' ').filter((s) => s.length > 0))];
}
