import type { DatePrefix, DateRange } from './date-range';
import { parseFilterClause } from './filter-clause';
import type { SearchParameterInfo } from './parameters';
import { isKnownResourceType, searchParameter } from './parameters';
import { badRequest, FhirError } from '../operation-outcome';

/**
 * A search request as this server understands it, parsed from the query string once, validated, with every
 * parameter it did not understand set aside (http://hl7.org/fhir/R4/search.html#errors: a server ignores
 * parameters it does not support unless the client sent `Prefer: handling=strict`).
 *
 * We parse ourselves instead of using Medplum's `parseSearchRequest`, which silently turns an unknown
 * modifier (`code:below`) or a type modifier (`subject:Patient=1`) into a plain equality, and rejects a
 * comma list of dates.
 */
export interface SearchQuery {
  readonly resourceType: string;
  readonly filters: readonly FilterClause[];
  readonly sort: readonly SortClause[];
  readonly includes: readonly IncludeClause[];
  readonly count: number;
  readonly offset: number;
  /** `_total=none` asks us to leave Bundle.total out. */
  readonly withTotal: boolean;
  /** `_summary=count`: total only, no entries. */
  readonly summaryCount: boolean;
  /** The parameters we used, as sent (minus paging), to write `self`/`next` links that say what was done. */
  readonly used: readonly (readonly [string, string])[];
}

export type FilterClause = {
  readonly param: SearchParameterInfo;
} & (
  | { readonly kind: 'missing'; readonly missing: boolean }
  | { readonly kind: 'token'; readonly negate: boolean; readonly values: readonly TokenQuery[] }
  | { readonly kind: 'token-text'; readonly values: readonly string[] }
  | { readonly kind: 'date'; readonly values: readonly DateQuery[] }
  | { readonly kind: 'reference'; readonly values: readonly ReferenceQuery[] }
  | { readonly kind: 'string'; readonly match: 'starts' | 'exact' | 'contains'; readonly values: readonly string[] }
  | { readonly kind: 'uri'; readonly values: readonly string[] }
);

/** `system` undefined: any system (`code`); '' : no system (`|code`); `code` undefined: any code (`system|`). */
export interface TokenQuery {
  readonly system: string | undefined;
  readonly code: string | undefined;
}
export interface DateQuery {
  readonly prefix: DatePrefix;
  readonly range: DateRange;
}
/** Either a full reference (`Type/id` or an absolute URL) or a bare id, optionally limited to a type. */
export type ReferenceQuery =
  | { readonly reference: string; readonly id?: undefined; readonly type?: undefined }
  | { readonly reference?: undefined; readonly id: string; readonly type: string | undefined };

export interface SortClause {
  readonly param: SearchParameterInfo;
  readonly descending: boolean;
}
export interface IncludeClause {
  readonly param: SearchParameterInfo;
  readonly targetType: string | undefined;
}

export interface ParseOptions {
  readonly baseUrl: string;
  readonly pageSize: number;
  readonly maxPageSize: number;
  readonly strict: boolean;
}

export interface ParsedSearch {
  readonly query: SearchQuery;
  /** Parameter names we did not use (unknown or unsupported), in lenient mode. */
  readonly ignored: readonly string[];
}

const JSON_FORMATS = new Set(['json', 'application/json', 'application/fhir+json']);

export function parseSearchQuery(
  resourceType: string,
  params: Iterable<readonly [string, string]>,
  options: ParseOptions,
): ParsedSearch {
  if (!isKnownResourceType(resourceType)) {
    throw new FhirError(404, 'not-supported', `Unknown resource type: ${resourceType}`);
  }
  const filters: FilterClause[] = [];
  const sort: SortClause[] = [];
  const includes: IncludeClause[] = [];
  const used: [string, string][] = [];
  const ignored: string[] = [];
  let count = options.pageSize;
  let offset = 0;
  let withTotal = true;
  let summaryCount = false;

  const ignore = (key: string, why: string): void => {
    if (options.strict) {
      throw badRequest(`Unsupported search parameter ${key}: ${why}`, key);
    }
    ignored.push(key);
  };

  for (const [key, value] of params) {
    const [code = '', modifier] = splitModifier(key);
    switch (code) {
      case '_count':
        count = Math.min(nonNegativeInteger(key, value), options.maxPageSize);
        break;
      case '_offset':
        offset = nonNegativeInteger(key, value);
        break;
      case '_sort': {
        const clauses = parseSort(resourceType, value, ignore);
        if (clauses.length > 0) {
          sort.splice(0, sort.length, ...clauses);
          used.push(['_sort', clauses.map((c) => (c.descending ? '-' : '') + c.param.code).join(',')]);
        }
        break;
      }
      case '_include': {
        const clause = modifier ? undefined : parseInclude(resourceType, value);
        if (clause) {
          includes.push(clause);
          used.push([key, value]);
        } else {
          ignore(`${key}=${value}`, `only ${resourceType}:<reference parameter>[:Type] is supported`);
        }
        break;
      }
      case '_total':
        if (!['none', 'estimate', 'accurate'].includes(value)) {
          throw badRequest(`_total must be none, estimate or accurate, not ${value}`, key);
        }
        withTotal = value !== 'none';
        used.push([key, value]);
        break;
      case '_summary':
        if (value === 'count') {
          summaryCount = true;
          used.push([key, value]);
        } else if (value !== 'false') {
          ignore(key, 'only _summary=count is supported');
        }
        break;
      case '_format':
        // An unencoded `+` arrives as a space (application/fhir+json): take it back.
        if (!JSON_FORMATS.has(value.replace(/ /g, '+'))) {
          throw new FhirError(406, 'not-supported', `Only JSON is supported, not _format=${value}`);
        }
        break;
      default: {
        const param = searchParameter(resourceType, code);
        if (!param || key.includes('.')) {
          ignore(key, `not a supported search parameter of ${resourceType}`);
          break;
        }
        filters.push(parseFilterClause(param, key, modifier, value, options.baseUrl));
        used.push([key, value]);
      }
    }
  }
  return {
    query: { resourceType, filters, sort, includes, count, offset, withTotal, summaryCount, used },
    ignored,
  };
}

function splitModifier(key: string): [string, string | undefined] {
  const colon = key.indexOf(':');
  return colon < 0 ? [key, undefined] : [key.slice(0, colon), key.slice(colon + 1)];
}

function nonNegativeInteger(key: string, value: string): number {
  if (!/^\d{1,9}$/.test(value)) {
    throw badRequest(`${key} must be a non-negative integer, not "${value}"`, key);
  }
  return Number(value);
}

function parseSort(resourceType: string, value: string, ignore: (key: string, why: string) => void): SortClause[] {
  const clauses: SortClause[] = [];
  for (const field of value.split(',').filter(Boolean)) {
    const descending = field.startsWith('-');
    const param = searchParameter(resourceType, descending ? field.slice(1) : field);
    if (param) {
      clauses.push({ param, descending });
    } else {
      ignore(`_sort=${field}`, `not a supported search parameter of ${resourceType}`);
    }
  }
  return clauses;
}

// _include=[source type]:[reference parameter](:[target type]) (http://hl7.org/fhir/R4/search.html#include)
function parseInclude(resourceType: string, value: string): IncludeClause | undefined {
  const [source, code = '', targetType, ...rest] = value.split(':');
  const param = searchParameter(resourceType, code);
  if (source !== resourceType || rest.length > 0 || param?.type !== 'reference') {
    return undefined;
  }
  if (targetType !== undefined && !isKnownResourceType(targetType)) {
    return undefined;
  }
  return { param, targetType };
}
