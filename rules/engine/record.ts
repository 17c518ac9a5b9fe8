/**
 * The normalised patient record: what the rules read.
 *
 * The FHIR mappers in `src/fhir/` produce it from any R4 source (a Bundle on the command line,
 * live searches in the browser). The rules never see FHIR wire shapes, only these types, so the
 * same engine runs everywhere. Every item keeps a `source` so a finding can name the exact
 * resource that made it fire.
 */

/** A pointer back to the FHIR resource an item came from. */
export interface SourceRef {
  readonly resourceType: string;
  readonly id: string;
}

export interface CodingRef {
  readonly system: string;
  readonly code: string;
  readonly display?: string;
}

/** A calendar date, `YYYY-MM-DD`, as the source recorded it (its own local date, no time zone maths). */
export type DayString = string;

export type Gender = 'male' | 'female' | 'other' | 'unknown';

export interface PatientInfo {
  readonly source: SourceRef;
  readonly gender: Gender;
  /** Full or partial birth date as sent (`1951`, `1951-04`, `1951-04-04`). */
  readonly birthDate?: string;
  /** Preferred language (BCP-47) from `Patient.communication`, when the record has one. */
  readonly preferredLanguage?: string;
  /** `deceasedBoolean`, or true when `deceasedDateTime` is a valid date (rule catalogue, second round). */
  readonly deceased?: boolean;
  /** The calendar day of `deceasedDateTime`, when the record gives one. */
  readonly deceasedDate?: DayString;
}

// ---------------------------------------------------------------------------------------------
// Medications

export type MedicationSourceKind = 'request' | 'statement' | 'dispense' | 'administration';

export interface MedicationUse {
  readonly source: SourceRef;
  readonly kind: MedicationSourceKind;
  /** The resource's own status code, unchanged (`active`, `stopped`, `completed`, ...). */
  readonly status: string;
  /** MedicationRequest.intent, when the source is a request. */
  readonly intent?: string;
  /** MedicationRequest.doNotPerform: an order *not* to give the drug. */
  readonly doNotPerform?: boolean;
  /** Codings of the medication, from the CodeableConcept or the referenced Medication. */
  readonly codings: readonly CodingRef[];
  /** Free text: CodeableConcept.text, else the first display. */
  readonly text?: string;
  /** Ingredient codes and names from a referenced or contained Medication.ingredient, when given. */
  readonly ingredientCodings: readonly CodingRef[];
  readonly ingredientTexts: readonly string[];
  /** Dose form and route words (Medication.form, dosage route), used to tell topical from systemic. */
  readonly formTexts: readonly string[];
  /** The date that best says when this use happened or was ordered. */
  readonly date?: DayString;
  /** End of the effective period, for statements. */
  readonly periodEnd?: DayString;
  /** MedicationStatement.dateAsserted: when someone last said the patient takes it. */
  readonly asserted?: DayString;
  /** MedicationRequest.dispenseRequest.validityPeriod: while the order may be dispensed. */
  readonly validity?: { readonly start?: DayString; readonly end?: DayString };
  /**
   * The `medicationReference` that could not be resolved (not contained, not in the Bundle, not
   * included by the search, and not readable with `GET Medication/<id>`). With no codings and no
   * text, the medication is unidentified: it may be any drug (rule catalogue, second round).
   */
  readonly unresolvedReference?: string;
}

// ---------------------------------------------------------------------------------------------
// Laboratory and other coded observations

/** Why a result cannot be interpreted. Rules quote these in `missing`. */
export type UnusableReason =
  | 'status-not-usable'
  | 'comparator'
  | 'value-string'
  | 'no-value'
  | 'unknown-unit'
  | 'missing-unit'
  | 'implausible-value'
  | 'no-date'
  /** A date or dateTime that is not in FHIR's format in full (`2026/11/20`, `20261120`). */
  | 'malformed-date'
  /** The UCUM code and the unit text name different known units (`mg/dL` against `mmol/L`). */
  | 'unit-conflict'
  /** An eGFR whose unit is not per 1.73 m² (`mL/min` is a clearance). */
  | 'not-per-body-surface';

export interface QuantityValue {
  readonly value: number;
  /** The unit as normalised to one of the known unit keys (see `units.ts`), e.g. `mmol/L`. */
  readonly unit: string;
}

export interface ReferenceRange {
  readonly low?: QuantityValue;
  readonly high?: QuantityValue;
  readonly text?: string;
}

/**
 * A reference range that was sent but cannot be right (inverted, negative, or its unit code and
 * unit text disagree: rule catalogue, second round). The mapper leaves it, and the interpretation
 * flag computed against it, out of the result; this says what was left out and why, for evidence.
 */
export interface IgnoredRange {
  /** The range as sent: "5.1–3.5 mmol/L". */
  readonly range: string;
  /** Why, in words: "its lower limit is above its upper limit". */
  readonly why: string;
}

export interface LabResult {
  readonly source: SourceRef;
  /** Analyte id from `rules/codes/labs.ts` (e.g. `magnesium`, `calcium-ionised`). */
  readonly analyte: string;
  readonly code: CodingRef;
  readonly status: string;
  readonly date?: DayString;
  /** The effective dateTime as sent, to order results drawn on the same day. */
  readonly effective?: string;
  /** The value in the unit the lab sent (normalised spelling). */
  readonly value?: QuantityValue;
  /** The value converted to the analyte's canonical unit. */
  readonly canonical?: QuantityValue;
  /** The value exactly as sent, for display ("<0.5", "hemolysed", "1.2 mg/dl"). */
  readonly rawValueText?: string;
  readonly referenceRange?: ReferenceRange;
  /** The range sent but left out because it cannot be right (then `referenceRange` is absent). */
  readonly ignoredRange?: IgnoredRange;
  /** Interpretation codes as sent (v3 ObservationInterpretation: L, LL, H, HH, N, A, ...). */
  readonly interpretation: readonly string[];
  readonly usable: boolean;
  readonly unusableReason?: UnusableReason;
}

/** A coded (non-numeric) observation the rules need, such as pregnancy status or an EDD. */
export interface CodedObservation {
  readonly source: SourceRef;
  /** Kind id from `rules/codes/observations.ts` (e.g. `pregnancy-status`, `edd`, `gestational-age`). */
  readonly kind: string;
  readonly code: CodingRef;
  readonly status: string;
  readonly date?: DayString;
  readonly valueCodings: readonly CodingRef[];
  readonly valueText?: string;
  readonly valueDate?: DayString;
  readonly valueQuantity?: QuantityValue;
  readonly usable: boolean;
  readonly unusableReason?: UnusableReason;
}

// ---------------------------------------------------------------------------------------------
// Conditions

export interface ConditionEntry {
  readonly source: SourceRef;
  readonly codings: readonly CodingRef[];
  readonly text?: string;
  /** `active`, `recurrence`, `relapse`, `inactive`, `remission`, `resolved`, or undefined when absent. */
  readonly clinicalStatus?: string;
  /** `confirmed`, `provisional`, `differential`, `unconfirmed`, `refuted`, `entered-in-error`, or undefined. */
  readonly verificationStatus?: string;
  readonly onset?: DayString;
  /**
   * `onsetAge` (a UCUM age unit: a, mo, wk, d), when the record gives an age rather than a date;
   * the engine turns it into a day with the birth date.
   */
  readonly onsetAge?: { readonly value: number; readonly unit: 'a' | 'mo' | 'wk' | 'd' };
  readonly abatement?: DayString;
  /** True when abatement[x] is present in any form (date, age, boolean, string). */
  readonly abated: boolean;
  readonly recorded?: DayString;
}

// ---------------------------------------------------------------------------------------------
// Clinician-reported checklist (the app's own Questionnaire)

export type ChecklistAnswer = 'yes' | 'no';

export interface ChecklistResponse {
  readonly source: SourceRef;
  readonly authored?: DayString;
  readonly status: string;
  /** Item id (see `rules/codes/checklist.ts`) to answer; unanswered items are absent. */
  readonly answers: Readonly<Record<string, ChecklistAnswer>>;
  /** Free-text note or value per item, e.g. the reason tonic water was taken. */
  readonly itemSources: Readonly<Record<string, string>>;
}

// ---------------------------------------------------------------------------------------------
// Data status: could the engine look?

/**
 * Whether a source of data could be read in full.
 * - complete: everything the source holds for this patient was read;
 * - truncated: a page cap or a repeating `next` link stopped the reading early;
 * - failed: the server or network failed (reason says how);
 * - not-authorised: 401/403, or the scope was not granted;
 * - unsupported: the server does not offer this resource type (absent from its CapabilityStatement,
 *   or 404 for the type), so it was not queried. Same insufficient-data semantics as `failed`.
 */
export type SourceState = 'complete' | 'truncated' | 'failed' | 'not-authorised' | 'unsupported';

export interface SourceStatus {
  readonly state: SourceState;
  /** A clinician-readable reason when the state is not `complete`. */
  readonly reason?: string;
  /**
   * The query asked only for results on or after this day (a `date=ge` floor). "Complete" then
   * means complete since that day: older results were not asked for, not absent.
   */
  readonly since?: DayString;
}

/**
 * Data source keys. Medications come from four resource types; each lab analyte can come from
 * its own query, so its key is `Observation:<analyte>`; coded observations likewise.
 */
export type SourceKey = string;

export interface PatientRecord {
  readonly patient?: PatientInfo;
  readonly medications: readonly MedicationUse[];
  /** Lab results grouped by analyte id, newest first. */
  readonly labs: Readonly<Record<string, readonly LabResult[]>>;
  /** Coded observations grouped by kind id, newest first. */
  readonly codedObservations: Readonly<Record<string, readonly CodedObservation[]>>;
  readonly conditions: readonly ConditionEntry[];
  /** Point-of-care checklist responses, newest first. */
  readonly checklists: readonly ChecklistResponse[];
  /**
   * What could be read. A key that is absent means "not asked for" and counts as unavailable;
   * `'*'` sets the default for every key (a Bundle export read in full sets `'*': complete`).
   */
  readonly sources: Readonly<Record<SourceKey, SourceStatus>>;
}
