/**
 * The scenario patients' expected outcomes (sandbox/patients/expected.json), checked in process the
 * way ../shared/tools/check-evaluator checks them through the command line: `flagged` must be
 * flagged, `insufficient` must be insufficient-data, `notFlagged` must not be flagged, and no rule
 * ends in error.
 *
 * Then the point of shifting: a scenario moved by n days and read n days later gives every rule the
 * same outcome, so the live sandbox shows the same clinical picture whatever today is.
 */
import { describe, expect, it } from 'vitest';
import { shiftDateValue, shiftDates } from '../../../sandbox/patients/shift-dates.js';
import { evaluateBundleJson } from '../../../src/evaluation/evaluate-bundle.js';
import { expected, SCENARIO_ANCHOR_DATE, scenarioFiles } from './scenario-files.js';

const bundles = new Map(scenarioFiles.map((s) => [s.name, s.bundle]));

describe.each(Object.entries(expected))('%s', (name, e) => {
  const report = evaluateBundleJson(bundles.get(name), e.asOf);
  const outcome = (id: string) => report.findings.find((f) => f.ruleId === id)?.outcome;

  it.each(e.flagged)('flags %s', (id) => expect(outcome(id)).toBe('flagged'));
  it.each(e.insufficient)('finds insufficient data for %s', (id) => expect(outcome(id)).toBe('insufficient-data'));
  it.each(e.notFlagged)('does not flag %s', (id) => expect(['not-flagged', 'insufficient-data']).toContain(outcome(id)));
  it('ends no rule in error', () => expect(report.findings.filter((f) => f.outcome === 'error')).toEqual([]));
});

// One day, a month, a year, a leap cycle and more, and backwards: calendar-month lookbacks and leap
// days must not move any scenario across a threshold or a window edge.
const SHIFTS = [1, 29, 365, 1461, 3000, -400];

describe.each(scenarioFiles.map((s) => [s.name, s.bundle] as const))('%s, shifted', (_name, bundle) => {
  const outcomes = (b: unknown, asOf: string) => Object.fromEntries(evaluateBundleJson(b, asOf).findings.map((f) => [f.ruleId, f.outcome]));
  const atAnchor = outcomes(bundle, SCENARIO_ANCHOR_DATE);

  it.each(SHIFTS)('by %i days and read that many days later, gives every rule the same outcome', (days) => {
    expect(outcomes(shiftDates(bundle, days), shiftDateValue(SCENARIO_ANCHOR_DATE, days))).toEqual(atAnchor);
  });
});
