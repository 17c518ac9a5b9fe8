/**
 * How handout content is written down: sections of text blocks, each block in every language side
 * by side (so a reviewer can check that the translations say the same thing), with
 * - `advice`: the risky advice topics the block gives (removed whenever a suppression covering
 *   that topic is active: see ../suppressions.ts);
 * - `cautions`: topics the block only warns about (kept; a content test checks that every block
 *   mentioning a risky topic declares it one way or the other);
 * - `when`: a gate; the block is shown only when it holds (replacement wording, items tied to a
 *   finding).
 */
import type { Outcome } from '../../../rules/engine/types.js';
import type { Language, Localised } from '../language.js';
import type { BlockKind, SectionId, SectionRole } from '../model.js';
import type { FactState, SafetyFactName } from '../safety-context.js';

export const ADVICE_TOPICS = [
  /** eating more potassium-rich food */
  'potassium-food',
  /** potassium-based "lite" or salt-free salt */
  'salt-substitute',
  /** drinking more fluid */
  'drink-more',
  /** adding salt */
  'salt',
  /** taking or being given a mineral or vitamin supplement */
  'supplement',
  /** "drink less alcohol" style advice that assumes a non-pregnant adult */
  'adult-habits',
  /** quinine or tonic water (only ever warned about) */
  'quinine',
  /** poking or injuring the skin during a cramp (only ever warned against) */
  'skin-injury',
] as const;
export type AdviceTopic = (typeof ADVICE_TOPICS)[number];

export type SuppressionId = 'potassium-caution' | 'fluid-limit' | 'salt-caution' | 'pregnancy' | 'child';

export type Gate =
  /** A suppression is active; `basis` narrows it to a fact on the record or an undecided one. */
  | { readonly suppression: SuppressionId; readonly basis?: 'known' | 'unknown' }
  | { readonly fact: SafetyFactName; readonly is: FactState }
  /** A (relevant, flagged) finding put this section on the handout, whether or not it is printed. */
  | { readonly section: SectionId }
  | { readonly redFlagFired: boolean }
  /**
   * A finding has this outcome (flagged by default). A flagged finding counts only while the
   * clinician has not marked it "not relevant" (a red flag counts whatever the mark); other outcomes are facts about the record
   * ("magnesium measured and not low") that no mark changes.
   */
  | { readonly finding: string; readonly outcome?: Outcome }
  /** A relevant flagged finding names a drug of one of these medication classes in its evidence (trigger or supporting). */
  | { readonly finding: string; readonly uses: readonly string[] }
  | { readonly all: readonly Gate[] }
  | { readonly any: readonly Gate[] }
  | { readonly not: Gate };

export interface BlockSpec {
  readonly id: string;
  readonly kind?: BlockKind;
  readonly text: Localised;
  /** The text when the section's heading names more than one medicine ("These water pills ..."). */
  readonly textMany?: Localised;
  readonly advice?: readonly AdviceTopic[];
  readonly cautions?: readonly AdviceTopic[];
  readonly when?: Gate;
}

export interface TableSpec {
  readonly caption: Localised;
  readonly columns: readonly Localised[];
  readonly emptyRows: number;
}

/** How a medicine section names the patient's own drugs in its heading ("Your water pill: furosemide"). */
export interface DrugHeading {
  /** Medication classes (rules/codes/medications) whose ingredients the section's findings may name. */
  readonly classes: readonly string[];
  /** The heading before the names, for one drug and for several. */
  readonly one: Localised;
  readonly many: Localised;
}

export interface SectionSpec {
  readonly id: SectionId;
  readonly role: SectionRole;
  /** The heading when no drug of the patient's can be named (or the section names none). */
  readonly heading: Localised;
  readonly drugHeading?: DrugHeading;
  /**
   * The section in one line, for the one-page handout's "What we found" (each block that holds
   * is printed; usually one). Same topics and gates as any block.
   */
  readonly brief?: readonly BlockSpec[];
  readonly blocks: readonly BlockSpec[];
  readonly table?: TableSpec;
  /** A safety section the clinician cannot leave out once it applies (the urgent box, quinine, the routes). */
  readonly required?: boolean;
}

/** Shorthand for a bullet in both languages. */
export const bullet = (id: string, en: string, es: string, more: Omit<BlockSpec, 'id' | 'text' | 'kind'> = {}): BlockSpec => ({ id, kind: 'bullet', text: { en, es }, ...more });

/** Shorthand for a paragraph in both languages. */
export const para = (id: string, en: string, es: string, more: Omit<BlockSpec, 'id' | 'text' | 'kind'> = {}): BlockSpec => ({ id, kind: 'paragraph', text: { en, es }, ...more });

export const both = (en: string, es: string): Localised => ({ en, es });

export type { Language };
