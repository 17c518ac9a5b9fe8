/**
 * The handout as the builder returns it and the print element renders it: plain data, already in
 * one language. The rule ids behind each section and action are kept here for the care team (the
 * preview's "Where this sheet came from" and the chart note), never printed on the patient's sheet.
 */
import type { HandoutSection as SectionId } from '../../rules/codes/handout-sections.js';
import type { Language } from './language.js';
import type { ActionTier, PatientAction } from './patient-actions.js';

export type { SectionId };

/**
 * - `paragraph`, `bullet`: text;
 * - `action`: one red flag's action in the urgent box, with its tier's label in front ("Today:");
 * - `finding`: one finding in one line (the one-page handout), with its heading in front;
 * - `clinic`: the clinic's name and telephone, or blank lines to write them on;
 * - `write-in`: a blank line to write on (an empty plan on the one-page handout).
 */
export type BlockKind = 'paragraph' | 'bullet' | 'action' | 'finding' | 'clinic' | 'write-in';

export interface HandoutBlock {
  /** Stable id of the text (`prevention.fluids`), the same in every language. */
  readonly id: string;
  readonly kind: BlockKind;
  readonly text: string;
  /** Printed in bold before the text: an action's tier ("Today"), a finding's heading. */
  readonly label?: string;
  readonly tier?: ActionTier;
  /** The rules behind this block, when it stands for findings (actions, one-line findings). */
  readonly ruleIds?: readonly string[];
  /** For `clinic` blocks: the labels, and the name and telephone when known (else a line to write on). */
  readonly clinic?: ClinicLine;
}

export interface ClinicLine {
  readonly nameLabel: string;
  readonly phoneLabel: string;
  readonly name?: string;
  readonly phone?: string;
}

/** A table to fill in by hand (the cramp diary): column labels and how many empty rows to print. */
export interface HandoutTable {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly emptyRows: number;
}

/** The parts of a handout: the catalogue's sections, the visit plan, and the one-page findings list. */
export type PartId = SectionId | 'your-plan' | 'what-we-found';

export type SectionRole = 'urgent' | 'plan' | 'found' | 'cause' | 'route' | 'general';

export interface HandoutSectionModel {
  readonly id: PartId;
  readonly role: SectionRole;
  readonly heading: string;
  readonly blocks: readonly HandoutBlock[];
  readonly table?: HandoutTable;
  /** The rules whose findings put this section (or an item in it) on the handout. */
  readonly ruleIds: readonly string[];
  /** False for the urgent-help box, the plan, the one-page findings and the safety routes (pregnancy, children, quinine). */
  readonly optional: boolean;
}

/** A safety suppression that changed this handout, with what decided it (rule ids or code lists). */
export interface AppliedSuppression {
  readonly id: string;
  /** `known`: a fact on the record; `unknown`: it could not be decided, so the cautious wording was used. */
  readonly basis: 'known' | 'unknown';
  readonly sources: readonly string[];
}

/** `full`: every section; `one-page`: the urgent box, the plan, each finding in one line, no general advice. */
export type HandoutLayout = 'full' | 'one-page';

export interface Handout {
  readonly language: Language;
  readonly layout: HandoutLayout;
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
  /** Each red flag's action, as the urgent box words it (for the preview's trace beside the screen's). */
  readonly actions: readonly PatientAction[];
  readonly suppressions: readonly AppliedSuppression[];
}
