/**
 * A prefetched search carries no date floor (a template has no token for "today"), but the live
 * query it stands for does (`date=ge…` for Observations, `whenhandedover=ge…`, `effective-time=ge…`).
 * Applying the same floor to the prefetched Bundle before mapping makes the two give the same record,
 * and keeps decades of old results out of the mappers: a FHIR date search with `ge` matches a
 * resource whose date (or period end) is on or after the floor, and never one without that date
 * (https://hl7.org/fhir/R4/search.html#date).
 */
import type { PlannedQuery } from '../../src/fhir/live/query-plan.js';

type Json = Record<string, unknown>;

/** The elements each search's date parameter reads, per resource type. */
const DATE_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  Observation: ['effectiveDateTime', 'effectivePeriod', 'effectiveInstant', 'effectiveTiming'],
  MedicationDispense: ['whenHandedOver'],
  MedicationAdministration: ['effectiveDateTime', 'effectivePeriod'],
};

/** The latest day a resource's date element reaches, as YYYY-MM-DD, or undefined. */
function latestDay(resource: Json, elements: readonly string[]): string | undefined {
  for (const name of elements) {
    const v = resource[name];
    if (typeof v === 'string') return v.slice(0, 10);
    if (v && typeof v === 'object') {
      const p = v as { start?: unknown; end?: unknown };
      const end = typeof p.end === 'string' ? p.end : undefined;
      if (end) return end.slice(0, 10);
      // An open-ended period goes on today: it reaches any floor.
      if (typeof p.start === 'string') return '9999-12-31';
    }
  }
  return undefined;
}

/** The Bundle with the matches older than the query's floor left out (included resources are kept). */
export function applyDateFloor(value: unknown, query: PlannedQuery): unknown {
  const elements = DATE_ELEMENTS[query.resourceType];
  if (!query.since || !elements || !value || typeof value !== 'object') return value;
  const bundle = value as Json;
  if (bundle.resourceType !== 'Bundle' || !Array.isArray(bundle.entry)) return value;
  const since = query.since;
  const entry = (bundle.entry as unknown[]).filter((e) => {
    const resource = (e as Json | null)?.resource as Json | undefined;
    if (!resource || resource.resourceType !== query.resourceType) return true;
    const day = latestDay(resource, elements);
    return day !== undefined && day >= since;
  });
  return entry.length === bundle.entry.length ? value : { ...bundle, entry };
}
