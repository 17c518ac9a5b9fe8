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

/*
 * Well-formed codes (rule catalogue, second round: "Codes match only when they are codes").
 * A code matches a code list only when it has the form of a code of its system, so a status word
 * typed into the code field (`CANCELLED`) can never fall under a class prefix (`C*`), and a code
 * with extra characters (`C50.91199`) never passes for a listed one. Codes are compared trimmed and,
 * for the letter-bearing systems, upper case: case is a spelling, not a different code.
 */

/**
 * ICD-10-CM (and WHO ICD-10): a letter, a digit, a digit or letter, then optionally a dot and one
 * to four digits or letters. The dotless form many exports send (`C50911`) is well formed.
 * https://www.cms.gov/medicare/coding-billing/icd-10-codes (code structure, ICD-10-CM guidelines I.A)
 */
const ICD10_RE = /^[A-Z][0-9][0-9A-Z](?:\.?[0-9A-Z]{1,4})?$/;

/** SNOMED CT identifiers: 6 to 18 digits (https://confluence.ihtsdotools.org/display/DOCRELFMT/6.1+SCTID+Data+Type). */
const SNOMED_RE = /^[0-9]{6,18}$/;

/** RxNorm concept unique identifiers are plain integers. */
const RXNORM_RE = /^[0-9]{1,10}$/;

/** LOINC: the item number, a hyphen, and its mod-10 check digit (https://loinc.org/kb/faq/structure/). */
const LOINC_RE = /^([0-9]{1,7})-([0-9])$/;

/**
 * ATC, at any of its five levels: anatomical group letter (A10), therapeutic and pharmacological
 * subgroups (A10B, A10BB) and substance (A10BB01). Class prefixes in the code lists are codes of a
 * higher level, so the same form covers them. https://atcddd.fhi.no/atc/structure_and_principles/
 */
const ATC_RE = /^[ABCDGHJLMNPRSV](?:[0-9]{2}(?:[A-Z](?:[A-Z](?:[0-9]{2})?)?)?)?$/;

const upper = (code: string) => code.trim().toUpperCase();

export const isWellFormedIcd10 = (code: string): boolean => ICD10_RE.test(upper(code));
export const isWellFormedSnomed = (code: string): boolean => SNOMED_RE.test(code.trim());
export const isWellFormedRxNorm = (code: string): boolean => RXNORM_RE.test(code.trim());
export const isWellFormedAtc = (code: string): boolean => ATC_RE.test(upper(code));

/** LOINC's check digit is the Luhn (mod 10) digit of the item number. */
export function isWellFormedLoinc(code: string): boolean {
  const m = LOINC_RE.exec(code.trim());
  if (!m) return false;
  const digits = m[1]!;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // From the right, every other digit (starting with the rightmost) is doubled.
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === Number(m[2]);
}

/**
 * Is `code` well formed for `system`? Systems the engine does not match on have no form to check
 * (true): only the five it matches against code lists are checked.
 */
export function isWellFormedCode(system: string, code: string): boolean {
  if (isIcd10(system)) return isWellFormedIcd10(code);
  if (isSnomed(system)) return isWellFormedSnomed(code);
  if (isRxNorm(system)) return isWellFormedRxNorm(code);
  if (isLoinc(system)) return isWellFormedLoinc(code);
  if (isAtc(system)) return isWellFormedAtc(code);
  return true;
}

/** The system's name for messages ("ICD-10-CM"), or undefined for systems the engine does not check. */
export function systemName(system: string): string | undefined {
  if (isIcd10(system)) return 'ICD-10-CM';
  if (isSnomed(system)) return 'SNOMED CT';
  if (isRxNorm(system)) return 'RxNorm';
  if (isLoinc(system)) return 'LOINC';
  if (isAtc(system)) return 'ATC';
  return undefined;
}
