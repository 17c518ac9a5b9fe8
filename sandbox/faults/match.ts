/**
 * Does a fault rule's matcher hold for one FHIR request? Decided from what the FHIR server works out
 * before running a request (`AccessRequest`), so the same matcher serves the authorization stage
 * (forbid, expire-token) and the response stage (latency, errors, paging links).
 */
import type { CheckedFaultRule } from './rule';

/** The part of the FHIR server's AccessRequest (and the verifier's AccessTarget) a rule looks at. */
export interface FaultTarget {
  readonly interaction: string;
  readonly resourceType?: string | undefined;
  readonly patientId?: string | undefined;
  readonly patientIds?: readonly string[];
  readonly searchParams?: URLSearchParams | undefined;
  /** The patient of the token's launch context, when the request is confined to it. */
  readonly contextPatientId?: string | undefined;
}

/**
 * One wanted value against one sent parameter value: FHIR lists alternatives with commas
 * (http://hl7.org/fhir/R4/search.html#combining) and tokens as `system|code`, so `2601-3` matches
 * `http://loinc.org|2601-3,http://loinc.org|19123-9`, and a full `system|code` matches only itself.
 * Escaped commas (`\,`) are rare in practice and treated as separators: a fault matcher needs no more.
 */
function valueMatches(sent: string, wanted: string): boolean {
  if (wanted === '*') return true;
  return sent.split(',').some((one) => one === wanted || one.endsWith(`|${wanted}`));
}

function paramsMatch(wanted: Readonly<Record<string, string>> | undefined, sent: URLSearchParams | undefined): boolean {
  if (!wanted) return true;
  if (!sent) return false; // reads and writes carry no search parameters
  return Object.entries(wanted).every(([name, value]) => sent.getAll(name).some((v) => valueMatches(v, value)));
}

/**
 * A per-patient rule holds for requests about that patient, and for every request an app launched for
 * that patient makes (a `Medication/<id>` read names no patient, but it is that patient's app asking).
 */
function patientMatches(wanted: string | undefined, target: FaultTarget): boolean {
  if (wanted === undefined) return true;
  return target.patientId === wanted || (target.patientIds ?? []).includes(wanted) || target.contextPatientId === wanted;
}

export function ruleMatches(rule: CheckedFaultRule, target: FaultTarget): boolean {
  return (
    patientMatches(rule.patientId, target) &&
    (rule.resourceType === undefined || rule.resourceType === target.resourceType) &&
    (rule.interaction === undefined || rule.interaction === target.interaction) &&
    paramsMatch(rule.params, target.searchParams)
  );
}
