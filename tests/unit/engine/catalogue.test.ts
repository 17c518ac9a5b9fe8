/**
 * The rule set against the rule catalogue: every id exactly once, one file per rule named by its
 * id, and every rule carrying what the architecture's "A rule" section lists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_IDS } from '../../../rules/catalogue.js';
import { HANDOUT_SECTIONS } from '../../../rules/codes/handout-sections.js';
import { SOURCES } from '../../../rules/codes/sources.js';
import { ALL_RULES } from '../../../rules/index.js';
import { RULES_BY_FILE } from '../../../rules/definitions/index.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const CATALOGUE_MD = readFileSync(join(ROOT, '..', 'shared', 'knowledge', 'rule-catalogue.md'), 'utf8');

/** Ids as the catalogue document writes them: the first cell of each rule table row. */
const documentedIds = [...CATALOGUE_MD.matchAll(/^\| ((?:med|safety|lab|cond|redflag|gap)-[a-z0-9-]+) \|/gm)].map((m) => m[1]);

describe('rule catalogue', () => {
  it('lists the same ids, in the same order, as ../shared/knowledge/rule-catalogue.md', () => {
    expect(documentedIds.length).toBeGreaterThan(60);
    expect([...CATALOGUE_IDS]).toEqual(documentedIds);
  });

  it('has exactly one rule per catalogue id, and no rule outside the catalogue', () => {
    expect(ALL_RULES.map((r) => r.id)).toEqual([...CATALOGUE_IDS]);
    const ids = RULES_BY_FILE.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...CATALOGUE_IDS].sort());
  });

  it('keeps one file per rule under rules/definitions/, named by its id', () => {
    const files = readdirSync(join(ROOT, 'rules', 'definitions')).filter((f) => /^(med|lab|cond|redflag|safety|gap)-.*\.ts$/.test(f));
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...CATALOGUE_IDS].sort());
    for (const f of files) {
      const text = readFileSync(join(ROOT, 'rules', 'definitions', f), 'utf8');
      expect(text, f).toContain(`id: '${f.replace(/\.ts$/, '')}'`);
    }
  });
});

describe.each(ALL_RULES.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  it('cites at least one knowledge-base source, each one known', () => {
    expect(rule.citations.length).toBeGreaterThan(0);
    for (const c of rule.citations) expect(SOURCES).toHaveProperty(c.key);
  });

  it('has a version, a clinician title, a grade, an evidence statement, a next step and knowledge-base rows', () => {
    expect(rule.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(rule.title.length).toBeGreaterThan(3);
    expect(['A', 'A/B', 'B', 'B/C', 'C', 'C-weak']).toContain(rule.grade);
    expect(rule.evidenceStatement.length).toBeGreaterThan(20);
    const nextStep = typeof rule.nextStep === 'string' ? rule.nextStep : rule.nextStep({ evidence: [], missing: [], facts: {} });
    expect(nextStep.length).toBeGreaterThan(10);
    expect(rule.knowledgeBaseRows.length).toBeGreaterThan(0);
  });

  it('gives every threshold a UCUM unit and a marker, and every lookback an ISO 8601 duration', () => {
    for (const [name, p] of Object.entries(rule.parameters)) {
      if (p.kind === 'threshold') {
        expect(p.unit, name).toMatch(/\S/);
        expect(['✅', '◐', '⚠️'], name).toContain(p.marker);
      }
      if (p.kind === 'duration') expect(p.iso, name).toMatch(/^P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/);
    }
  });

  it('feeds only known handout sections', () => {
    if (typeof rule.handoutSections === 'function') return; // checked on evaluated findings in the sweep
    for (const s of rule.handoutSections) expect(HANDOUT_SECTIONS).toContain(s);
  });

  it('keeps fixed summaries to one line of at most 140 characters', () => {
    for (const s of Object.values(rule.summary)) if (typeof s === 'string') expect(s.length).toBeLessThanOrEqual(140);
  });

  it('is a red flag exactly when its id says so, and red flags carry an urgency', () => {
    expect(rule.redFlag).toBe(rule.id.startsWith('redflag-'));
    if (rule.redFlag) expect(rule.urgency).toBeDefined();
  });
});
