/**
 * The handout as the builder returns it and the print element renders it: plain data, already in
 * one language, with the rule ids behind each section for the traceability footer.
 */
import type { HandoutSection as SectionId } from '../../rules/codes/handout-sections.js';
import type { Language } from './language.js';

export type { SectionId };

export type BlockKind = 'paragraph' | 'bullet';

export interface HandoutBlock {
  /** Stable id of the text (`prevention.fluids`), the same in every language. */
  readonly id: string;
  readonly kind: BlockKind;
  readonly text: string;
}

/** A table to fill in by hand (the cramp diary): column labels and how many empty rows to print. */
export interface HandoutTable {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly emptyRows: number;
}

export type SectionRole = 'urgent' | 'cause' | 'route' | 'general';

export interface HandoutSectionModel {
  readonly id: SectionId;
  readonly role: SectionRole;
  readonly heading: string;
  readonly blocks: readonly HandoutBlock[];
  readonly table?: HandoutTable;
  /** The rules whose findings put this section (or an item in it) on the handout. */
  readonly ruleIds: readonly string[];
  /** False for the urgent-help box and for the safety routes (pregnancy, children, quinine). */
  readonly optional: boolean;
}

/** A safety suppression that changed this handout, with what decided it (rule ids or code lists). */
export interface AppliedSuppression {
  readonly id: string;
  /** `known`: a fact on the record; `unknown`: it could not be decided, so the cautious wording was used. */
  readonly basis: 'known' | 'unknown';
  readonly sources: readonly string[];
}

export interface HandoutFooter {
  readonly heading: string;
  readonly madeOn: string;
  readonly generalLabel: string;
  readonly safetyLabel: string;
  /** Said beside a suppression applied because a fact could not be decided. */
  readonly safetyUnknownLabel: string;
}

export interface Handout {
  readonly language: Language;
  readonly title: string;
  readonly patientLabel: string;
  readonly patientName: string;
  readonly dateLabel: string;
  /** The visit day, `YYYY-MM-DD`, and the same in words in the handout's language. */
  readonly date: string;
  readonly dateText: string;
  readonly intro: readonly HandoutBlock[];
  readonly sections: readonly HandoutSectionModel[];
  /** Optional sections the clinician left out (not printed), for the preview's checkboxes. */
  readonly leftOut: readonly { readonly id: SectionId; readonly heading: string }[];
  readonly redFlagFired: boolean;
  readonly suppressions: readonly AppliedSuppression[];
  readonly footer: HandoutFooter;
}
