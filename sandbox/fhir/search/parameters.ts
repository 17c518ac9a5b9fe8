import { getParsedExpressionForResourceType, getSearchParameters, isResourceType } from '@medplum/core';

/**
 * The search parameter types this server evaluates (http://hl7.org/fhir/R4/search.html#ptypes).
 * number, quantity, composite and special parameters are not supported: a request using one is treated
 * like any unknown parameter (ignored, or refused under `Prefer: handling=strict`), and the
 * CapabilityStatement does not list them.
 */
export const SUPPORTED_PARAMETER_TYPES = ['token', 'date', 'reference', 'string', 'uri'] as const;
export type ParameterType = (typeof SUPPORTED_PARAMETER_TYPES)[number];

/** Medplum's compiled FHIRPath expression; evaluated through `evalFhirPathTyped`. */
export type CompiledExpression = ReturnType<typeof getParsedExpressionForResourceType>;

export interface SearchParameterInfo {
  readonly resourceType: string;
  readonly code: string;
  readonly type: ParameterType;
  /** Canonical URL of the SearchParameter, when HL7 defines one (used in the CapabilityStatement). */
  readonly url: string | undefined;
  readonly description: string | undefined;
  /** Resource types a reference parameter may point to; empty for other types. */
  readonly targets: readonly string[];
  /** The parameter's expression narrowed to this resource type and parsed once. */
  readonly expression: CompiledExpression;
}

// The common parameters every resource has (http://hl7.org/fhir/R4/resource.html#search).
// Medplum defines them without a URL, next to its own `_compartment` (meta.compartment), which is not FHIR.
const COMMON_PARAMETERS = new Set(['_id', '_lastUpdated', '_profile', '_security', '_source', '_tag']);

const byType = new Map<string, ReadonlyMap<string, SearchParameterInfo>>();

export function isKnownResourceType(resourceType: string): boolean {
  return isResourceType(resourceType);
}

/** The supported search parameters of a resource type, by code; built once per type. */
export function searchParametersOf(resourceType: string): ReadonlyMap<string, SearchParameterInfo> {
  let params = byType.get(resourceType);
  if (!params) {
    params = buildParameters(resourceType);
    byType.set(resourceType, params);
  }
  return params;
}

export function searchParameter(resourceType: string, code: string): SearchParameterInfo | undefined {
  return searchParametersOf(resourceType).get(code);
}

function buildParameters(resourceType: string): Map<string, SearchParameterInfo> {
  const result = new Map<string, SearchParameterInfo>();
  if (!isResourceType(resourceType)) {
    return result;
  }
  for (const [code, definition] of Object.entries(getSearchParameters(resourceType) ?? {})) {
    const type = definition.type as string;
    const isHl7 = definition.url?.startsWith('http://hl7.org/fhir/SearchParameter/') ?? false;
    if (!isSupportedType(type) || !definition.expression || !(isHl7 || COMMON_PARAMETERS.has(code))) {
      continue;
    }
    result.set(code, {
      resourceType,
      code,
      type,
      url: isHl7 ? definition.url : undefined,
      description: definition.description,
      targets: (definition.target as string[] | undefined) ?? [],
      // Shared parameters such as `patient` list one expression per base type joined by `|`;
      // Medplum narrows it to this type's branch, and parsing once here keeps FHIRPath parsing off the hot path.
      expression: getParsedExpressionForResourceType(resourceType, definition.expression),
    });
  }
  return result;
}

function isSupportedType(type: string): type is ParameterType {
  return (SUPPORTED_PARAMETER_TYPES as readonly string[]).includes(type);
}
