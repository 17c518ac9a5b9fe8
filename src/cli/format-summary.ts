/**
 * `--summary`: how many patients each rule flagged, found not flagged, found insufficient data
 * for, or errored on, in catalogue order.
 */
import { OUTCOMES, type Outcome } from '../../rules/engine/types.js';
import type { EvaluationReport } from '../evaluation/evaluate-bundle.js';

export type SummaryCounts = Map<string, Record<Outcome, number>>;

export function countOutcomes(reports: readonly EvaluationReport[]): SummaryCounts {
  const counts: SummaryCounts = new Map();
  for (const r of reports) {
    for (const f of r.findings) {
      const row = counts.get(f.ruleId) ?? { flagged: 0, 'not-flagged': 0, 'insufficient-data': 0, error: 0 };
      row[f.outcome] += 1;
      counts.set(f.ruleId, row);
    }
  }
  return counts;
}

export function formatSummary(reports: readonly EvaluationReport[], asOf: string): string {
  const counts = countOutcomes(reports);
  const width = Math.max(4, ...[...counts.keys()].map((k) => k.length));
  const header = ['rule'.padEnd(width), ...OUTCOMES.map((o) => o.padStart(17))].join(' ');
  const lines = [`${reports.length} patient${reports.length === 1 ? '' : 's'}, as of ${asOf}`, header, '-'.repeat(header.length)];
  for (const [rule, row] of counts) lines.push([rule.padEnd(width), ...OUTCOMES.map((o) => String(row[o]).padStart(17))].join(' '));
  return lines.join('\n');
}
