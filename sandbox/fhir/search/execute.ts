import type { CompartmentGuard } from '../compartment/compartment-guard';
import type { IndexedEntry } from '../store/indexed-entry';
import { valuesOf } from '../store/indexed-entry';
import { compileFilter } from './filters';
import type { IncludeClause, SearchQuery, SortClause } from './query';
import { compareKeys, sortKey } from './sort';

/** What a search needs from the store. */
export interface SearchSource {
  /**
   * Every stored resource of the type that could match, in a fixed storage order. With patient ids, only
   * those patients' compartments plus the shared partition.
   */
  candidates(resourceType: string, patientIds: readonly string[] | undefined): Iterable<IndexedEntry>;
  get(resourceType: string, id: string): IndexedEntry | undefined;
}

export interface SearchResult {
  /** Number of matches over all pages. */
  readonly total: number;
  /** This page's matches, in order. */
  readonly matches: readonly IndexedEntry[];
  /** Resources named by `_include`, each once, none of them also a match on this page. */
  readonly included: readonly IndexedEntry[];
}

/**
 * Runs a parsed search: filter (every clause must hold), sort, cut the page, add `_include`s.
 *
 * Paging is by offset into one total order: the storage order (insertion, stable under updates) refined by
 * `_sort` with a stable sort. Every page of the same search therefore slices the same sequence, so following
 * `next` to the end returns each match exactly once while the data does not change.
 *
 * With a compartment `guard` (a token confined to one patient) the search looks only at that patient's
 * partition and the shared one, whatever its parameters say, and every match and include must pass the
 * guard: before paging, so that `total` and the pages count only what may be shown.
 */
export function executeSearch(source: SearchSource, query: SearchQuery, now = Date.now(), guard?: CompartmentGuard): SearchResult {
  const tests = query.filters.map((clause) => ({ param: clause.param, test: compileFilter(clause, now) }));
  const matched: IndexedEntry[] = [];
  const patients = guard ? (guard.patientId === undefined ? [] : [guard.patientId]) : compartmentPatients(query);
  for (const entry of source.candidates(query.resourceType, patients)) {
    if (tests.every(({ param, test }) => test(valuesOf(entry, param))) && (!guard || guard.admits(entry.resource))) {
      matched.push(entry);
    }
  }
  const ordered = query.sort.length > 0 ? sortEntries(matched, query.sort) : matched;
  const page = query.summaryCount ? [] : ordered.slice(query.offset, query.offset + query.count);
  const included = includedEntries(source, page, query.includes);
  return { total: matched.length, matches: page, included: guard ? included.filter((e) => guard.admits(e.resource)) : included };
}

/**
 * The patients a search is limited to by its `patient` parameter, so that only their compartments are
 * scanned; undefined when the search is not limited that way (or names a patient by absolute URL).
 */
function compartmentPatients(query: SearchQuery): string[] | undefined {
  const clause = query.filters.find((f) => f.param.code === 'patient' && f.kind === 'reference');
  if (clause?.kind !== 'reference') {
    return undefined;
  }
  const ids: string[] = [];
  for (const value of clause.values) {
    if (value.id !== undefined && (value.type === undefined || value.type === 'Patient')) {
      ids.push(value.id);
    } else if (value.reference?.startsWith('Patient/')) {
      ids.push(value.reference.slice('Patient/'.length));
    } else {
      return undefined;
    }
  }
  return ids;
}

function sortEntries(entries: IndexedEntry[], clauses: readonly SortClause[]): IndexedEntry[] {
  const keyed = entries.map((entry) => ({
    entry,
    keys: clauses.map((c) => sortKey(valuesOf(entry, c.param), c.descending)),
  }));
  keyed.sort((a, b) => compareKeys(a.keys, b.keys, clauses)); // Array.prototype.sort is stable (ES2019)
  return keyed.map((k) => k.entry);
}

// http://hl7.org/fhir/R4/search.html#include: the resources the page's matches reference through the
// named parameter. Only local `Type/id` references can be included; contained (`#id`) resources are
// already inside their container.
function includedEntries(
  source: SearchSource,
  page: readonly IndexedEntry[],
  includes: readonly IncludeClause[],
): IndexedEntry[] {
  if (includes.length === 0) {
    return [];
  }
  const seen = new Set(page.map((e) => `${e.resource.resourceType}/${e.resource.id}`));
  const result: IndexedEntry[] = [];
  for (const entry of page) {
    for (const clause of includes) {
      const values = valuesOf(entry, clause.param);
      if (values.type !== 'reference') continue;
      for (const ref of values.references) {
        if (!ref.type || !ref.id || (clause.targetType && ref.type !== clause.targetType)) continue;
        const key = `${ref.type}/${ref.id}`;
        const target = seen.has(key) ? undefined : source.get(ref.type, ref.id);
        if (target) {
          seen.add(key);
          result.push(target);
        }
      }
    }
  }
  return result;
}
