/**
 * Which terminology a coding's `system` names. Senders spell the same system several ways (the
 * canonical URI, its OID, https, a trailing slash), so every comparison goes through one key.
 */

/** `https://loinc.org/` and `http://loinc.org` are the same system. */
export function systemKey(system: string): string {
  return system.trim().toLowerCase().replace(/^https:/, 'http:').replace(/\/+$/, '');
}

const RXNORM = new Set(['http://www.nlm.nih.gov/research/umls/rxnorm', 'urn:oid:2.16.840.1.113883.6.88']);
const ATC = new Set(['http://www.whocc.no/atc', 'urn:oid:2.16.840.1.113883.6.73']);
const ICD10 = new Set(['http://hl7.org/fhir/sid/icd-10-cm', 'urn:oid:2.16.840.1.113883.6.90', 'http://hl7.org/fhir/sid/icd-10', 'urn:oid:2.16.840.1.113883.6.3']);
const SNOMED = new Set(['http://snomed.info/sct', 'urn:oid:2.16.840.1.113883.6.96']);
const LOINC = new Set(['http://loinc.org', 'urn:oid:2.16.840.1.113883.6.1']);

export const isRxNorm = (system: string) => RXNORM.has(systemKey(system));
export const isAtc = (system: string) => ATC.has(systemKey(system));
export const isIcd10 = (system: string) => ICD10.has(systemKey(system));
export const isSnomed = (system: string) => SNOMED.has(systemKey(system));
export const isLoinc = (system: string) => LOINC.has(systemKey(system));
