/**
 * Traceability off the patient's sheet (issue 11 point 5): the chart note names, for the handout
 * last printed, each part as printed with the rule ids behind it, through the note's own input
 * (HandoutState.sections), on the handout's one line; without a printed handout, or without a
 * trace, the note is as before. The trace comes from the same model the sheet printed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handoutTrace } from '../../../src/handout/trace.js';
import { handoutForBundle } from '../../../src/handout/handout-for-bundle.js';
import { buildChartNote } from '../../../src/note/chart-note.js';

const AS_OF = '2026-11-21';
const json = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'sandbox', 'patients', 'quinine-low-platelets.json'), 'utf8'));
const { report, handout } = handoutForBundle(json, AS_OF, 'en');

describe('the handout in the chart note', () => {
  it('names each printed part with the rules behind it, on the handout line', () => {
    const trace = handoutTrace(handout!);
    expect(trace.map((t) => t.id)).toEqual(['urgent-help', 'quinine-warning', 'drug-nifedipine', 'kidney', 'medicines']);
    const note = buildChartNote({ report, review: {}, checklist: {}, handout: { printedIn: ['en'], sections: trace } });
    const line = note.lines.at(-1)!;
    expect(line).toMatch(/^Patient handout: printed in English\. Its parts and the rules behind them: Get help right away \(redflag-quinine-toxicity(, [a-z-]+)*\); About quinine \(redflag-quinine-toxicity, safety-quinine\); Your blood pressure pill \(amlodipine\) \(med-dihydropyridine-ccb\); /);
    expect(note.lines.filter((l) => l.includes('safety-quinine'))).toEqual([line]);
  });

  it('is unchanged without a trace, and says "not printed" before printing', () => {
    expect(buildChartNote({ report, review: {}, checklist: {}, handout: { printedIn: ['es'] } }).lines.at(-1)).toBe('Patient handout: printed in Spanish.');
    expect(buildChartNote({ report, review: {}, checklist: {}, handout: { printedIn: [], sections: handoutTrace(handout!) } }).lines.at(-1)).toBe('Patient handout: not printed.');
  });

  it('traces the one-page handout line by line', () => {
    const onePage = handoutForBundle(json, AS_OF, 'es', { layout: 'one-page' }).handout!;
    expect(handoutTrace(onePage)).toContainEqual({ id: 'what-we-found', heading: 'Sobre la quinina', ruleIds: ['redflag-quinine-toxicity', 'safety-quinine'] });
  });
});
