/**
 * The shape of a rule and of what evaluating it returns.
 * Outcome semantics are the rule catalogue's (`../shared/knowledge/rule-catalogue.md`).
 */
import type { Criterion, TraceNode } from './criterion.js';
import type { RuleParameter } from './parameters.js';
import type { HandoutSection } from '../codes/handout-sections.js';

export const OUTCOMES = ['flagged', 'not-flagged', 'insufficient-data', 'error'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * Evidence grade for the cause–cramp link, as in the knowledge base section 0:
 * A = systematic review, guideline or large population study; B = observational or small RCTs;
 * C = label lists, expert lists, case reports or only the lay articles.
 * `C-weak` is the catalogue's grade for a link that was looked for and not shown (loop diuretics).
 */
export const GRADES = ['A', 'A/B', 'B', 'B/C', 'C', 'C-weak'] as const;
export type Grade = (typeof GRADES)[number];

/** The rule families, from the id prefix. */
export const FAMILIES = ['redflag', 'med', 'safety', 'lab', 'cond', 'gap'] as const;
export type Family = (typeof FAMILIES)[number];

/** A source from the knowledge base's section 12. */
export interface Citation {
  /** Key as in the knowledge base (S1, S3, S4 ...). */
  readonly key: string;
  readonly text: string;
  readonly url?: string;
}

/** At least one citation: a rule without one does not compile. */
export type Citations = readonly [Citation, ...Citation[]];

/** Verification marker carried with every code and number (knowledge base section 0). */
export type Verification = '✅' | '◐' | '⚠️';

/** Why an evidence item is in the list. */
export type EvidenceRole =
  /** it made the rule fire */
  | 'trigger'
  /** shown beside a trigger as context (e.g. electrolytes beside a loop diuretic) */
  | 'supporting'
  /** it was looked at and did not meet the criterion */
  | 'checked'
  /** it was found but could not be used (stale, unreadable, wrong unit) */
  | 'unusable';

export interface EvidenceItem {
  readonly resourceType: string;
  readonly id: string;
  readonly role: EvidenceRole;
  /** The code that matched, as `system|code` is too long for a reader: just the code. */
  readonly code?: string;
  readonly system?: string;
  readonly display?: string;
  /** Number for quantities, a status or coded answer for the rest. */
  readonly value?: number | string;
  readonly unit?: string;
  readonly date?: string;
  /** Extra facts a reviewer needs: reference range, interpretation, conversion, how a drug matched. */
  readonly note?: string;
}

export interface TraceLine {
  readonly criterion: string;
  readonly result: 'true' | 'false' | 'unknown';
  readonly note?: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly version: string;
  readonly title: string;
  readonly outcome: Outcome;
  readonly redFlag: boolean;
  readonly grade: Grade;
  /** One line, at most 140 characters. */
  readonly summary: string;
  readonly detail: string;
  readonly evidence: readonly EvidenceItem[];
  /** What could not be checked, in words ("no potassium result in the last 3 months; last one 2021-03-04"). */
  readonly missing: readonly string[];
  /**
   * What to ask the patient because the record may be out of date, whatever the outcome: a
   * pregnancy, dehydration or cancer still marked active but too old to count ("whether
   * \"Pregnancy\" (on record since 2019-03-01, still marked active) is still current").
   */
  readonly questions: readonly string[];
  readonly nextStep: string;
  readonly citations: readonly Citation[];
  readonly handoutSections: readonly string[];
  /** How urgent a red flag is when it fires (`emergency`, `same-day`, `urgent`, `prompt`, `routine`). */
  readonly urgency?: Urgency;
  /** How each criterion decided (flatten with `flattenTrace` for display). */
  readonly trace: TraceNode;
  /** Present only when outcome is `error`. */
  readonly error?: string;
}

export type Urgency = 'emergency' | 'same-day' | 'urgent' | 'prompt' | 'routine';

/** What a rule needs to read; used to derive the live query plan and to explain data gaps. */
export type DataNeed =
  | { readonly kind: 'patient' }
  | { readonly kind: 'medications' }
  | { readonly kind: 'conditions' }
  | { readonly kind: 'checklist' }
  | { readonly kind: 'lab'; readonly analyte: string; readonly lookback: string }
  | { readonly kind: 'coded-observation'; readonly observation: string; readonly lookback: string };

export interface RuleTexts {
  /** Summary when the rule fires; may use the evaluation to name the value. At most 140 characters. */
  readonly flagged: string | ((r: RuleSummaryInput) => string);
  readonly notFlagged: string | ((r: RuleSummaryInput) => string);
  readonly insufficient: string | ((r: RuleSummaryInput) => string);
}

export interface RuleSummaryInput {
  readonly evidence: readonly EvidenceItem[];
  readonly missing: readonly string[];
  readonly facts: Readonly<Record<string, string | number | boolean>>;
}

export interface RuleDefinition {
  readonly id: string;
  readonly version: string;
  /** The clinician's name for the finding. */
  readonly title: string;
  readonly family: Family;
  readonly redFlag: boolean;
  readonly grade: Grade;
  /** One or two sentences on what the evidence shows, with source keys. */
  readonly evidenceStatement: string;
  readonly citations: Citations;
  /** The knowledge-base rows this rule implements (A1, B3, E6 ...). */
  readonly knowledgeBaseRows: readonly string[];
  /** Every number a clinician might argue with (thresholds with UCUM units, lookbacks, counts). */
  readonly parameters: Readonly<Record<string, RuleParameter>>;
  readonly needs: readonly DataNeed[];
  readonly criteria: Criterion;
  readonly summary: RuleTexts;
  /** Longer explanation for the clinician. */
  readonly detail: string | ((r: RuleSummaryInput) => string);
  /** The suggested next step or referral; a function lets it depend on what fired (a kidney team for renal PTH). */
  readonly nextStep: string | ((r: RuleSummaryInput) => string);
  /** Handout sections it feeds when flagged; a function lets them depend on what fired. */
  readonly handoutSections: readonly HandoutSection[] | ((r: RuleSummaryInput) => readonly HandoutSection[]);
  /** Red flags only: how urgent. A function lets the urgency depend on what fired. */
  readonly urgency?: Urgency | ((r: RuleSummaryInput) => Urgency);
}

