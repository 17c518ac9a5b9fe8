/**
 * Where each printed part of a handout came from, for the care team (issue 11 point 5): the
 * chart note's traceability line and the preview's trace, never the patient's sheet. The one-page
 * handout is traced line by line (each finding's line has its own rules); every other part whole.
 */
import type { Handout, PartId } from './model.js';

export interface HandoutTraceEntry {
  readonly id: PartId;
  /** As printed, in the handout's language. */
  readonly heading: string;
  readonly ruleIds: readonly string[];
}

export function handoutTrace(h: Handout): HandoutTraceEntry[] {
  return h.sections.flatMap((s) => {
    const lines = s.blocks.filter((b) => b.kind === 'finding' && b.ruleIds?.length);
    if (lines.length) return lines.map((b) => ({ id: s.id, heading: b.label ?? s.heading, ruleIds: b.ruleIds! }));
    return s.ruleIds.length ? [{ id: s.id, heading: s.heading, ruleIds: s.ruleIds }] : [];
  });
}
