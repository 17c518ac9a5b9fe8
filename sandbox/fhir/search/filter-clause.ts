import type { DatePrefix } from './date-range';
import { DATE_PREFIXES, parseDateRange } from './date-range';
import { splitUnescaped, unescapeValue } from './escaping';
import { normalizeString } from './indexed-values';
import type { SearchParameterInfo } from './parameters';
import { isKnownResourceType } from './parameters';
import type { DateQuery, FilterClause, ReferenceQuery, TokenQuery } from './query';
import { isId, relativeToBase, toReferenceValue } from './references';
import { badRequest } from '../operation-outcome';

/** The modifiers this server implements, per parameter type (http://hl7.org/fhir/R4/search.html#modifiers). */
const MODIFIERS: Record<SearchParameterInfo['type'], readonly string[]> = {
  token: ['not', 'text'],
  date: [],
  reference: [], // plus a resource type, checked below
  string: ['exact', 'contains'],
  uri: [],
};

/**
 * One search parameter of a request (`code:not=a,b`) as a typed clause, with its values parsed for the
 * parameter's type (http://hl7.org/fhir/R4/search.html#ptypes) and its modifier checked.
 */
export function parseFilterClause(
  param: SearchParameterInfo,
  key: string,
  modifier: string | undefined,
  raw: string,
  baseUrl: string,
): FilterClause {
  if (modifier === 'missing') {
    if (raw !== 'true' && raw !== 'false') {
      throw badRequest(`${key} must be true or false`, key);
    }
    return { param, kind: 'missing', missing: raw === 'true' };
  }
  const typeModifier = param.type === 'reference' && modifier !== undefined && isKnownResourceType(modifier);
  if (modifier !== undefined && !typeModifier && !MODIFIERS[param.type].includes(modifier)) {
    // "Servers SHALL reject any search request that contains a search parameter with an unsupported modifier"
    throw badRequest(`Unsupported modifier :${modifier} on ${param.type} parameter ${param.code}`, key);
  }
  const parts = splitUnescaped(raw, ',');
  // Refused rather than ignored: an empty `patient=` that widened a search to every patient would be
  // the worst way for a client bug to fail.
  if (parts.some((p) => p === '')) {
    throw badRequest(`Empty value in ${key}=${raw}`, key);
  }
  switch (param.type) {
    case 'token':
      return modifier === 'text'
        ? { param, kind: 'token-text', values: parts.map((p) => normalizeString(unescapeValue(p))) }
        : { param, kind: 'token', negate: modifier === 'not', values: parts.map(parseToken) };
    case 'date':
      return { param, kind: 'date', values: parts.map((p) => parseDate(key, p)) };
    case 'reference':
      return {
        param,
        kind: 'reference',
        values: parts.map((p) => parseReference(param, unescapeValue(p), typeModifier ? modifier : undefined, baseUrl)),
      };
    case 'string':
      return {
        param,
        kind: 'string',
        match: modifier === 'exact' ? 'exact' : modifier === 'contains' ? 'contains' : 'starts',
        values: parts.map((p) => (modifier === 'exact' ? unescapeValue(p) : normalizeString(unescapeValue(p)))),
      };
    case 'uri':
      return { param, kind: 'uri', values: parts.map(unescapeValue) };
  }
}

function parseToken(part: string): TokenQuery {
  const pieces = splitUnescaped(part, '|', 2);
  if (pieces.length === 1) {
    return { system: undefined, code: unescapeValue(part) };
  }
  const [system = '', code = ''] = pieces.map(unescapeValue);
  return { system, code: code === '' ? undefined : code };
}

function parseDate(key: string, part: string): DateQuery {
  const head = part.slice(0, 2) as DatePrefix;
  const prefix: DatePrefix = DATE_PREFIXES.includes(head) ? head : 'eq';
  const text = prefix === head ? part.slice(2) : part;
  const range = parseDateRange(text);
  if (!range) {
    throw badRequest(`${key}: "${part}" is not a FHIR date (YYYY, YYYY-MM, YYYY-MM-DD or a dateTime)`, key);
  }
  return { prefix, range };
}

function parseReference(
  param: SearchParameterInfo,
  value: string,
  typeModifier: string | undefined,
  baseUrl: string,
): ReferenceQuery {
  const reference = relativeToBase(value, baseUrl);
  if (isId(reference)) {
    // A bare id: "the logical [id] of a resource using a local reference". With a single possible target
    // (patient -> Patient) that fixes the type; Medplum's in-memory matcher compared `123` with
    // `Patient/123` as strings and found nothing.
    const only = param.targets.length === 1 ? param.targets[0] : undefined;
    return { id: reference, type: typeModifier ?? only };
  }
  const parsed = toReferenceValue(reference);
  if (typeModifier !== undefined && parsed.type !== undefined && parsed.type !== typeModifier) {
    throw badRequest(`${param.code}:${typeModifier} cannot match ${value}`, param.code);
  }
  return { reference: parsed.reference };
}
