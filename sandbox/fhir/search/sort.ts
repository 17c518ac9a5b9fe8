import type { IndexedValues } from './indexed-values';
import type { SortClause } from './query';

type SortKey = number | string | undefined;

/**
 * The key a resource sorts by for one `_sort` parameter. "When sorting on a parameter with multiple
 * values, the sort order uses the lowest value for ascending and the highest for descending"
 * (http://hl7.org/fhir/R4/search.html#sort); for a date range that is its start going up and its end
 * going down, so an ongoing Period (no end) comes first in `_sort=-date`.
 */
export function sortKey(values: IndexedValues, descending: boolean): SortKey {
  const pick = <T extends number | string>(items: readonly T[]): T | undefined =>
    items.length === 0 ? undefined : items.reduce((a, b) => ((descending ? b > a : b < a) ? b : a));
  switch (values.type) {
    case 'date':
      return pick(values.ranges.map((r) => (descending ? r.end : r.start)));
    case 'token':
      return pick(values.tokens.flatMap((t) => t.code ?? []));
    case 'string':
      return pick(values.strings.map((s) => s.normalized));
    case 'reference':
      return pick(values.references.map((r) => r.reference));
    case 'uri':
      return pick([...values.uris]);
  }
}

/**
 * Compares two rows by the sort clauses in order. Resources without a value go last in either direction.
 * Equal keys compare as 0: callers sort stably over a fixed storage order, which is what keeps paging
 * deterministic (each page is a slice of the same total order).
 */
export function compareKeys(a: readonly SortKey[], b: readonly SortKey[], clauses: readonly SortClause[]): number {
  for (let i = 0; i < clauses.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return 1;
    if (y === undefined) return -1;
    const order = x < y ? -1 : 1;
    return clauses[i]?.descending ? -order : order;
  }
  return 0;
}
