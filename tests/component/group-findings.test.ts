// Pure logic, run here beside the components it orders (tests/unit is the engine's).
import { describe, expect, it } from 'vitest';
import { GRADES } from '../../rules/engine/types.js';
import { groupFindings } from '../../src/review/group-findings.js';
import { classifyMissing } from '../../src/review/missing-reason.js';
import { GRADE_ORDER } from '../../src/review/grade.js';
import { safeHttpUrl } from '../../src/review/safe-url.js';
import { failingReport, findingOf, richReport } from './support/scenarios.js';

describe('groupFindings on real engine output', () => {
  const g = groupFindings(richReport({ 'calf-swelling': 'yes', 'saddle-numbness-bladder-bowel': 'yes' }).findings);

  it('puts fired red flags first, most urgent first', () => {
    expect(g.redFlags.map((f) => [f.ruleId, f.urgency])).toEqual([
      ['redflag-cauda-equina', 'emergency'],
      ['redflag-vte-risk', 'same-day'],
    ]);
  });

  it('groups likely contributors as medications, labs, conditions, strongest evidence first', () => {
    expect(g.contributors.map((c) => [c.key, c.findings.map((f) => `${f.ruleId}:${f.grade}`)])).toEqual([
      ['medications', ['med-potassium-sparing-diuretic:A', 'med-statin:B', 'med-estrogen:B/C', 'med-loop-diuretic:C-weak']],
      ['labs', ['lab-low-magnesium:B', 'lab-low-potassium:B', 'lab-reduced-kidney-function:B']],
      ['conditions', ['cond-varicose-veins:B/C']],
    ]);
  });

  it('keeps every finding exactly once across the parts; the red flags that only wait for a question are named by the questions', () => {
    const asked = [...new Set(g.askDuringVisit.flatMap((q) => q.ruleIds))];
    const all = [...g.redFlags, ...g.contributors.flatMap((c) => c.findings), ...g.checkedClear, ...g.notChecked.map((n) => n.finding)].map((f) => f.ruleId);
    expect([...all, ...asked]).toHaveLength(richReport().findings.length);
    expect(new Set([...all, ...asked]).size).toBe(all.length + asked.length);
    expect(asked.sort()).toEqual(['redflag-limb-ischemia', 'redflag-neuromuscular', 'redflag-seizure']);
  });

  it('never puts insufficient data in "checked and not found"', () => {
    expect(g.checkedClear.every((f) => f.outcome === 'not-flagged')).toBe(true);
    expect(g.notChecked.every((n) => n.finding.outcome === 'insufficient-data' || n.finding.outcome === 'error')).toBe(true);
  });

  it('lists red flags that could not be excluded (for want of data, not only of an answer) first among what could not be checked', () => {
    const redFlags = g.notChecked.filter((n) => n.finding.redFlag).map((n) => n.finding.ruleId);
    // No calcium and no CK on record: data is missing, not only an answer.
    expect(redFlags).toEqual(['redflag-severe-electrolyte', 'redflag-rhabdomyolysis']);
    expect(g.notChecked.slice(0, 2).map((n) => n.finding.ruleId)).toEqual(redFlags);
  });

  it('a gap rule is a data gap and safety-quinine is a medication', () => {
    const gap = { ...findingOf(richReport(), 'gap-diuretic-without-electrolytes'), outcome: 'flagged' as const };
    const quinine = { ...findingOf(richReport(), 'safety-quinine'), outcome: 'flagged' as const };
    expect(groupFindings([gap, quinine]).contributors.map((c) => [c.key, c.findings[0]?.ruleId])).toEqual([
      ['medications', 'safety-quinine'],
      ['data-gaps', 'gap-diuretic-without-electrolytes'],
    ]);
  });

  it('a rule that failed is "could not be checked", with a reason', () => {
    const broken = { ...findingOf(richReport(), 'med-statin'), outcome: 'error' as const, missing: [] };
    expect(groupFindings([broken]).notChecked[0]?.reasons).toEqual([{ kind: 'rule-failed', text: 'the rule failed, so this cause was not checked' }]);
  });
});

describe('missing reasons by kind', () => {
  it('sorts the engine’s words for a failing EHR into failed, partly read, not authorised, lookback and not asked', () => {
    const reasons = groupFindings(failingReport().findings).notChecked.flatMap((n) => n.reasons);
    const kinds = new Set(reasons.map((r) => r.kind));
    expect([...kinds].sort()).toEqual(['no-recent-result', 'not-asked', 'not-authorised', 'partly-read', 'query-failed']);
    expect(reasons.filter((r) => r.kind === 'other')).toEqual([]);
  });

  it.each([
    ['magnesium results not authorised', 'not-authorised'],
    ['conditions could not be read (HTTP 503), so diabetes mellitus cannot be ruled out', 'query-failed'],
    ['medications could not all be read, so a statin cannot be ruled out (MedicationStatement: only partly read (truncated))', 'partly-read'],
    ['medications could not all be read, so a statin cannot be ruled out (MedicationRequest: could not be read (HTTP 500))', 'query-failed'],
    ['potassium results could not be read (not requested)', 'not-requested'],
    ['no usable potassium result in the last 3 months; none on record', 'no-recent-result'],
    ['not asked: saddle numbness, or new bladder or bowel trouble (checklist not completed)', 'not-asked'],
    ['something new the engine says', 'other'],
  ] as const)('%s → %s', (text, kind) => {
    expect(classifyMissing(text).kind).toBe(kind);
  });
});

describe('grades and URLs', () => {
  it('orders every engine grade', () => {
    expect([...GRADE_ORDER].sort()).toEqual([...GRADES].sort());
  });

  it.each([
    ['https://cks.nice.org.uk/topics/leg-cramps/', 'https://cks.nice.org.uk/topics/leg-cramps/'],
    ['http://example.org/a', 'http://example.org/a'],
    ['javascript:alert(1)', undefined],
    [' JavaScript:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['//evil.example/', undefined],
    ['https://user:pass@evil.example/', undefined],
    ['vbscript:msgbox', undefined],
  ])('%s → %s', (raw, expected) => {
    expect(safeHttpUrl(raw)).toBe(expected);
  });
});
