/**
 * Does a Condition belong to a code list? ICD-10-CM by code or prefix, SNOMED CT by listed code,
 * and, only when the Condition carries no ICD-10-CM code, by whole-word phrases in its text
 * (records that send text only, or a SNOMED descendant that is not listed).
 */
import type { ConditionCodeList } from '../codes/conditions/types.js';
import type { CodingRef, ConditionEntry } from './record.js';
import { containsPhrase, normaliseText } from './text.js';

const ICD10_SYSTEMS = new Set(['http://hl7.org/fhir/sid/icd-10-cm', 'urn:oid:2.16.840.1.113883.6.90', 'http://hl7.org/fhir/sid/icd-10', 'urn:oid:2.16.840.1.113883.6.3']);
const SNOMED_SYSTEMS = new Set(['http://snomed.info/sct', 'urn:oid:2.16.840.1.113883.6.96']);

const systemKey = (s: string) => s.trim().toLowerCase().replace(/^https:/, 'http:').replace(/\/+$/, '');
export const isIcd10 = (system: string) => ICD10_SYSTEMS.has(systemKey(system));
export const isSnomed = (system: string) => SNOMED_SYSTEMS.has(systemKey(system));

/** "E11.65" and "E1165" are the same code: compare without dots and spaces, upper case. */
const icdKey = (code: string) => code.replace(/[\s.]/g, '').toUpperCase();

/** Does an ICD-10 code match a list entry ("E11*" is a prefix, "N18.6" is exact)? */
export function icdMatches(codeValue: string, entry: string): boolean {
  const c = icdKey(codeValue);
  if (entry.endsWith('*')) return c.startsWith(icdKey(entry.slice(0, -1)));
  return c === icdKey(entry);
}

export type ConditionMatch =
  | { readonly by: 'icd10' | 'snomed'; readonly coding: CodingRef }
  | { readonly by: 'text'; readonly phrase: string };

export function matchConditionList(cond: Pick<ConditionEntry, 'codings' | 'text'>, list: ConditionCodeList): ConditionMatch | undefined {
  let hasIcd = false;
  for (const coding of cond.codings) {
    if (isIcd10(coding.system)) {
      hasIcd = true;
      if (list.excludeIcd10?.some((e) => icdMatches(coding.code, e))) continue;
      if (list.icd10.some((e) => icdMatches(coding.code, e.code))) return { by: 'icd10', coding };
    } else if (isSnomed(coding.system)) {
      const code = coding.code.trim();
      if (list.snomed.some((e) => e.code === code)) return { by: 'snomed', coding };
    }
  }
  if (hasIcd) return undefined;
  for (const raw of [cond.text, ...cond.codings.map((c) => c.display)]) {
    if (!raw) continue;
    const text = normaliseText(raw);
    if (list.excludePhrases?.some((p) => containsPhrase(text, normaliseText(p)))) continue;
    const phrase = list.phrases.find((p) => containsPhrase(text, normaliseText(p)));
    if (phrase) return { by: 'text', phrase };
  }
  return undefined;
}
