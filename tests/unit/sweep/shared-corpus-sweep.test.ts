/**
 * Sweep: every Synthea patient in ../shared/data/synthea-r4 (data nobody on the project wrote),
 * evaluated as of 2021-06-01 (their data end in early 2021). No rule may end in `error`, every
 * `flagged` finding names its evidence, every catalogue rule appears exactly once, and the counts
 * per rule are printed so a reader sees what the engine makes of real-shaped data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_IDS } from '../../../rules/catalogue.js';
import { formatSummary } from '../../../src/cli/format-summary.js';
import { evaluateBundleJson, type EvaluationReport } from '../../../src/evaluation/evaluate-bundle.js';

const DATA = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data', 'synthea-r4');
const AS_OF = '2021-06-01';

describe('Synthea sweep (122 patients, as of 2021-06-01)', () => {
  const files = readdirSync(DATA).filter((f) => f.endsWith('.json')).sort();
  const reports: EvaluationReport[] = files.map((f) => evaluateBundleJson(JSON.parse(readFileSync(join(DATA, f), 'utf8')), AS_OF));

  it('reads all 122 patients', () => {
    expect(files).toHaveLength(122);
    expect(reports.every((r) => r.patient.id)).toBe(true);
  });

  it('gives every catalogue rule exactly once per patient, red flags first', () => {
    for (const r of reports) {
      expect([...r.findings.map((f) => f.ruleId)].sort()).toEqual([...CATALOGUE_IDS].sort());
      const firstNonRed = r.findings.findIndex((f) => !f.redFlag);
      expect(r.findings.slice(firstNonRed).some((f) => f.redFlag)).toBe(false);
    }
  });

  it('ends no rule in error', () => {
    const errors = reports.flatMap((r) => r.findings.filter((f) => f.outcome === 'error').map((f) => `${r.patient.id} ${f.ruleId}: ${f.error}`));
    expect(errors).toEqual([]);
  });

  it('names at least one trigger for every flagged finding, and what is missing for every insufficient one', () => {
    for (const r of reports) {
      for (const f of r.findings) {
        if (f.outcome === 'flagged') expect(f.evidence.some((e) => e.role === 'trigger'), `${r.patient.id} ${f.ruleId}`).toBe(true);
        if (f.outcome === 'insufficient-data') expect(f.missing.length, `${r.patient.id} ${f.ruleId}`).toBeGreaterThan(0);
        expect(f.summary.length).toBeLessThanOrEqual(140);
      }
    }
  });

  it('prints the counts per rule', () => {
    const table = formatSummary(reports, AS_OF);
    console.log(table);
    expect(table).toContain('122 patients');
  });
});
