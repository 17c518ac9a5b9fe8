/**
 * The shared example bundles (../shared/examples) with the outcomes the evaluator must give: the
 * same comparison ../shared/tools/check-evaluator makes, run in process.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateBundleJson } from '../../../src/evaluation/evaluate-bundle.js';

const DIR = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'examples');
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<string, { asOf: string; flagged: string[]; notFlagged: string[]; insufficient: string[] }>;

describe.each(Object.entries(expected))('%s', (name, e) => {
  const report = evaluateBundleJson(JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')), e.asOf);
  const outcome = (id: string) => report.findings.find((f) => f.ruleId === id)?.outcome;

  it.each(e.flagged)('flags %s', (id) => expect(outcome(id)).toBe('flagged'));
  it.each(e.insufficient)('finds insufficient data for %s', (id) => expect(outcome(id)).toBe('insufficient-data'));
  it.each(e.notFlagged)('does not flag %s', (id) => expect(['not-flagged', 'insufficient-data']).toContain(outcome(id)));
  it('ends no rule in error', () => expect(report.findings.filter((f) => f.outcome === 'error')).toEqual([]));
});
