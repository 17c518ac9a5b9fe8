/**
 * How a condition code list is written down: ICD-10-CM codes (a code ending in `*` matches every
 * code below it, so `E11*` is any type 2 diabetes code), SNOMED CT codes (listed one by one: the
 * engine has no terminology server, so descendants seen in real records are listed explicitly),
 * and phrases for records that carry only text or a SNOMED code not listed here.
 */
import type { Verification } from '../../engine/types.js';

export const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
export const SNOMED = 'http://snomed.info/sct';

export interface ConditionCode {
  readonly code: string;
  readonly display: string;
  readonly marker: Verification;
  readonly source: string;
}

export interface ConditionCodeList {
  readonly id: string;
  /** Clinician's name ("varicose veins or chronic venous insufficiency"). */
  readonly name: string;
  readonly icd10: readonly ConditionCode[];
  readonly snomed: readonly ConditionCode[];
  /** Whole-word phrases (lower case) that name the condition in free text. */
  readonly phrases: readonly string[];
  /** Phrases that stop a text match ("insipidus" for diabetes, "optic" for neuropathy). */
  readonly excludePhrases?: readonly string[];
  /** ICD-10-CM codes that look as if they belong but do not (N18.6 is dialysis, not CKD). */
  readonly excludeIcd10?: readonly string[];
  /**
   * For conditions that end by themselves (pregnancy, dehydration, active cancer): an active
   * Condition counts only when its onset (or, without one, its recorded date) is within this
   * window (rule catalogue, second round: "Conditions that end by themselves").
   */
  readonly currentWithin?: TimeLimit;
}

export interface TimeLimit {
  /** ISO 8601 duration: P10M, P90D, P6M. */
  readonly iso: string;
  /** Why, in a few words, for the evidence note: "a pregnancy ends within 10 months". */
  readonly why: string;
  readonly source: string;
}

export const code = (c: string, display: string, marker: Verification, source: string): ConditionCode => ({ code: c, display, marker, source });
