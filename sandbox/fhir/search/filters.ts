import type { IndexedValues, Token } from './indexed-values';
import { matchesDatePrefix } from './date-range';
import type { FilterClause, ReferenceQuery, TokenQuery } from './query';
import type { ReferenceValue } from './references';

export type ValuePredicate = (values: IndexedValues) => boolean;

/**
 * One filter of a search as a test on a resource's extracted values. Comma-separated values are ORed,
 * repeated parameters are ANDed by the caller (http://hl7.org/fhir/R4/search.html#combining).
 * `now` is only used by the date prefix `ap`.
 */
export function compileFilter(clause: FilterClause, now: number): ValuePredicate {
  switch (clause.kind) {
    case 'missing':
      return (v) => isEmpty(v) === clause.missing;
    case 'token':
      // :not "reverses the code matching criteria", so resources without the element match too.
      return (v) => v.type === 'token' && v.tokens.some((t) => clause.values.some((q) => tokenMatches(t, q))) !== clause.negate;
    case 'token-text':
      // :text searches CodeableConcept.text and Coding.display as strings; we accept a match anywhere
      // in the text, case- and accent-insensitive.
      return (v) => v.type === 'token' && v.texts.some((t) => clause.values.some((q) => t.includes(q)));
    case 'date':
      return (v) =>
        v.type === 'date' && v.ranges.some((r) => clause.values.some((q) => matchesDatePrefix(q.prefix, r, q.range, now)));
    case 'reference':
      return (v) => v.type === 'reference' && v.references.some((r) => clause.values.some((q) => referenceMatches(r, q)));
    case 'string':
      return (v) => v.type === 'string' && v.strings.some((s) => clause.values.some((q) => stringMatches(s, q, clause.match)));
    case 'uri':
      return (v) => v.type === 'uri' && v.uris.some((u) => clause.values.includes(u));
  }
}

function isEmpty(v: IndexedValues): boolean {
  switch (v.type) {
    case 'token':
      return v.tokens.length === 0 && v.texts.length === 0;
    case 'date':
      return v.ranges.length === 0;
    case 'reference':
      return v.references.length === 0;
    case 'string':
      return v.strings.length === 0;
    case 'uri':
      return v.uris.length === 0;
  }
}

// Token matching is exact and case-sensitive: codes and system URIs are case-sensitive unless a code
// system says otherwise (http://hl7.org/fhir/R4/search.html#token).
function tokenMatches(token: Token, query: TokenQuery): boolean {
  if (query.system === undefined) {
    return token.code === query.code; // [code]: any system
  }
  if (query.system === '') {
    return token.system === undefined && token.code === query.code; // |[code]: no system
  }
  return token.system === query.system && (query.code === undefined || token.code === query.code);
}

function referenceMatches(value: ReferenceValue, query: ReferenceQuery): boolean {
  if (query.reference !== undefined) {
    return value.reference === query.reference;
  }
  return value.id === query.id && (query.type === undefined || value.type === query.type);
}

function stringMatches(value: { raw: string; normalized: string }, query: string, match: 'starts' | 'exact' | 'contains'): boolean {
  switch (match) {
    case 'starts': // the default: "starts with", case- and accent-insensitive
      return value.normalized.startsWith(query);
    case 'contains':
      return value.normalized.includes(query);
    case 'exact': // exact, case- and accent-sensitive
      return value.raw === query;
  }
}
