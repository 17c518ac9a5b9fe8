/**
 * A card's `source`: the knowledge base the decision comes from, with the citations behind it. The
 * label names the sources by their keys (S4, S6 ...); the detail lists them in full (sourcesLine).
 */
import type { Citation } from '../../rules/engine/types.js';
import { escapeMarkdown } from './markdown.js';
import type { Source } from './card.js';

export const SOURCE_LABEL = 'Night leg cramps knowledge base';

export function cardSource(citations: readonly Citation[]): Source {
  const keys = [...new Set(citations.map((c) => c.key))];
  const withUrl = citations.find((c) => c.url);
  return { label: keys.length ? `${SOURCE_LABEL} (${keys.join(', ')})` : SOURCE_LABEL, ...(withUrl?.url ? { url: withUrl.url } : {}) };
}

/** "Sources: S4 US FDA …; S6 MHRA …" as escaped Markdown, each citation once. */
export function sourcesLine(citations: readonly Citation[]): string {
  const seen = new Map<string, Citation>();
  for (const c of citations) if (!seen.has(c.key)) seen.set(c.key, c);
  return `Sources: ${[...seen.values()].map((c) => `${c.key} ${escapeMarkdown(c.text, 300)}`).join('; ')}`;
}
