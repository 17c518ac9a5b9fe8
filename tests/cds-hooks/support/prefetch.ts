/**
 * Test support: a CDS client's prefetch for a FHIR Bundle written by the test, made by running the
 * service's own templates over the Bundle's resources: a read returns the resource (or null), a
 * search the resources of that type for the patient, filtered on the template's `code`, `status` and
 * `intent` (the parameters the templates use to narrow), as a searchset.
 */
import { prefetchEntries, ENCOUNTER_KEY, type PlanSelection } from '../../../cds-hooks/prefetch/templates.js';

type Json = Record<string, unknown>;

function resources(bundle: Json): Json[] {
  return ((bundle.entry as { resource: Json }[] | undefined) ?? []).map((e) => e.resource);
}

function codes(cc: unknown): string[] {
  return (((cc as Json | undefined)?.coding as Json[] | undefined) ?? []).map((c) => `${String(c.system)}|${String(c.code)}`);
}

function matches(resource: Json, params: URLSearchParams): boolean {
  for (const [name, value] of params) {
    const allowed = value.split(',');
    if (name === 'code') {
      if (!codes(resource.code).some((c) => allowed.includes(c))) return false;
    } else if (name === 'status' || name === 'intent') {
      if (!allowed.includes(String(resource[name]))) return false;
    }
  }
  return true;
}

export function prefetchFor(bundle: Json, selection: PlanSelection, asOf: string, encounter?: Json | null): Record<string, unknown> {
  const all = resources(bundle);
  const out: Record<string, unknown> = {};
  for (const entry of prefetchEntries(selection, asOf)) {
    const q = entry.query;
    if (q.interaction === 'read') {
      out[entry.key] = all.find((r) => r.resourceType === q.resourceType) ?? null;
      continue;
    }
    const params = new URLSearchParams(q.params);
    const found = all.filter((r) => r.resourceType === q.resourceType && matches(r, params));
    out[entry.key] = { resourceType: 'Bundle', type: 'searchset', total: found.length, entry: found.map((resource) => ({ resource, search: { mode: 'match' } })) };
  }
  if (encounter !== undefined) out[ENCOUNTER_KEY] = encounter;
  return out;
}
