import type { Resource } from 'fhir/r4';
import type { IndexedValues } from '../search/indexed-values';
import { extractValues } from '../search/indexed-values';
import type { SearchParameterInfo } from '../search/parameters';

/**
 * A stored resource and the search values extracted from it so far. Values are extracted the first time a
 * search needs them (about 8 microseconds per resource and parameter with a pre-parsed expression) and then
 * kept until the resource is replaced: loading stays fast, and a patient's first search pays only for the
 * parameters it uses.
 */
export interface IndexedEntry {
  /** The current version exactly as served: deep-frozen so that no caller can change the store by accident. */
  readonly resource: Resource & { readonly id: string };
  readonly values: Map<string, IndexedValues>;
}

export function valuesOf(entry: IndexedEntry, param: SearchParameterInfo): IndexedValues {
  let values = entry.values.get(param.code);
  if (!values) {
    values = extractValues(entry.resource, param);
    entry.values.set(param.code, values);
  }
  return values;
}
