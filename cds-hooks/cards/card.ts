/**
 * The card shapes of CDS Hooks 2.0 (https://cds-hooks.hl7.org/2.0/#card-attributes), and the
 * rules every card here follows: a `uuid` on every card and suggestion (feedback refers to them), a
 * summary of fewer than 140 characters on one line, `selectionBehavior` whenever there are
 * suggestions, a `display` on every override reason. Optional fields are left out, never null or empty.
 */
import { randomUUID } from 'node:crypto';
import { clampSummary } from '../../rules/engine/evaluate.js';

export type Indicator = 'info' | 'warning' | 'critical';

export interface Coding {
  readonly system: string;
  readonly code: string;
  readonly display: string;
}

export interface Action {
  readonly type: 'create' | 'update' | 'delete';
  readonly description: string;
  readonly resource?: Readonly<Record<string, unknown>>;
  readonly resourceId?: string;
}

export interface Suggestion {
  readonly label: string;
  readonly uuid: string;
  readonly isRecommended?: boolean;
  readonly actions: readonly Action[];
}

export interface Link {
  readonly label: string;
  readonly url: string;
  readonly type: 'absolute' | 'smart';
  readonly appContext?: string;
}

export interface Source {
  readonly label: string;
  readonly url?: string;
  readonly topic?: Coding;
}

export interface Card {
  readonly uuid: string;
  readonly summary: string;
  readonly detail?: string;
  readonly indicator: Indicator;
  readonly source: Source;
  readonly suggestions?: readonly Suggestion[];
  readonly selectionBehavior?: 'at-most-one' | 'any';
  readonly overrideReasons?: readonly Coding[];
  readonly links?: readonly Link[];
}

/** The spec says "<140-character": 139 at most. */
export const CARD_SUMMARY_MAX = 139;

export function cardSummary(text: string): string {
  const one = clampSummary(text);
  return one.length <= CARD_SUMMARY_MAX ? one : `${one.slice(0, CARD_SUMMARY_MAX - 1).trimEnd()}…`;
}

export interface CardInput {
  readonly summary: string;
  readonly detail?: string;
  readonly indicator: Indicator;
  readonly source: Source;
  readonly suggestions?: readonly Omit<Suggestion, 'uuid'>[];
  readonly selectionBehavior?: 'at-most-one' | 'any';
  readonly overrideReasons?: readonly Coding[];
  readonly links?: readonly Link[];
}

export function makeCard(input: CardInput): Card {
  const suggestions = (input.suggestions ?? []).map((s) => ({ ...s, uuid: randomUUID() }));
  return {
    uuid: randomUUID(),
    summary: cardSummary(input.summary),
    ...(input.detail ? { detail: input.detail } : {}),
    indicator: input.indicator,
    source: input.source,
    ...(suggestions.length ? { suggestions, selectionBehavior: input.selectionBehavior ?? 'at-most-one' } : {}),
    ...(input.overrideReasons?.length ? { overrideReasons: input.overrideReasons } : {}),
    ...(input.links?.length ? { links: input.links } : {}),
  };
}
