// Which of the requested scopes a client gets: the intersection of what it asked for and what it
// is registered for. SMART lets the server grant less than requested and says the token response's
// `scope` tells the app what it really got ("this can be different from the scopes requested").
// https://hl7.org/fhir/smart-app-launch/app-launch.html#response-5
import {
  formatClinicalScope,
  intersectPermissions,
  parseClinicalScope,
  type ClinicalScope,
} from './scopes';

/**
 * Non-resource scopes this server implements. `launch/encounter`, `offline_access` and
 * `online_access` are deliberately absent: there is no encounter context and no refresh token,
 * so they are never granted (and not advertised).
 */
export const SUPPORTED_CONTEXT_SCOPES = ['launch', 'launch/patient', 'openid', 'fhirUser'] as const;

function sameConstraint(a: readonly [string, string], b: readonly [string, string]): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** The narrowest scope both `requested` and `allowed` permit, or undefined when they do not overlap. */
export function intersectClinicalScopes(requested: ClinicalScope, allowed: ClinicalScope): string | undefined {
  if (requested.context !== allowed.context) return undefined;
  let resourceType: string;
  if (allowed.resourceType === '*') resourceType = requested.resourceType;
  else if (requested.resourceType === '*' || requested.resourceType === allowed.resourceType) {
    resourceType = allowed.resourceType;
  } else return undefined;
  const permissions = intersectPermissions(requested.permissions, allowed.permissions);
  if (!permissions) return undefined;
  // Both sets of granular constraints must hold, so the result carries all of them.
  const constraints = [...requested.constraints];
  for (const c of allowed.constraints) if (!constraints.some((r) => sameConstraint(r, c))) constraints.push(c);
  const unchanged =
    resourceType === requested.resourceType &&
    permissions === requested.permissions &&
    constraints.length === requested.constraints.length;
  // SMART: servers "SHOULD return v1 scopes when v1 scopes are requested and granted", so a scope granted
  // in full is echoed exactly as the app wrote it; a narrowed one is written in v2 form.
  return unchanged ? requested.text : formatClinicalScope({ context: requested.context, resourceType, permissions, constraints });
}

/** True when every request `inner` permits, `outer` permits too. */
export function subsumes(outer: ClinicalScope, inner: ClinicalScope): boolean {
  return (
    outer.context === inner.context &&
    (outer.resourceType === '*' || outer.resourceType === inner.resourceType) &&
    intersectPermissions(outer.permissions, inner.permissions) === inner.permissions &&
    outer.constraints.every((c) => inner.constraints.some((i) => sameConstraint(c, i)))
  );
}

/**
 * Drops a derived scope that another granted scope already covers (requested `patient/*.rs` against
 * allowed `patient/*.rs patient/Patient.r` should not hand back an unrequested `patient/Patient.r`).
 * A scope the app requested word for word is always kept, so an app that looks for it finds it.
 */
function withoutRedundant(granted: readonly string[], requested: readonly string[]): string[] {
  const parsed = granted.map((text) => ({ text, scope: parseClinicalScope(text) }));
  return parsed
    .filter(({ text, scope }) => {
      if (!scope || requested.includes(text)) return true;
      return !parsed.some((other) => other.text !== text && other.scope && subsumes(other.scope, scope) && !subsumes(scope, other.scope));
    })
    .map(({ text }) => text);
}

/**
 * Granted = requested ∩ allowed, in request order, without duplicates. Unknown or malformed scopes are
 * dropped, never an error: the app learns what it got from the token response.
 */
export function grantScopes(requested: readonly string[], allowed: readonly string[]): string[] {
  const allowedClinical = allowed.map(parseClinicalScope).filter((s): s is ClinicalScope => s !== undefined);
  const granted = new Set<string>();
  for (const scope of requested) {
    const clinical = parseClinicalScope(scope);
    if (!clinical) {
      if ((SUPPORTED_CONTEXT_SCOPES as readonly string[]).includes(scope) && allowed.includes(scope)) granted.add(scope);
      continue;
    }
    for (const permitted of allowedClinical) {
      const overlap = intersectClinicalScopes(clinical, permitted);
      if (overlap) granted.add(overlap);
    }
  }
  return withoutRedundant([...granted], requested);
}
