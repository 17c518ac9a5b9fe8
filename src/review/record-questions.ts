/**
 * What to ask because the record may be out of date (rule catalogue, second round): orders still
 * marked active with no sign of use in 15 months, and pregnancies, bouts of dehydration or cancers
 * still marked active long after they would have ended. The engine words each as "whether ...";
 * here each becomes one line to ask, once, however many rules raised it, with the rule ids behind it.
 *
 * Stale orders come from `missing` (the rule could not decide without the answer); old conditions
 * from `questions` (the rule decided without them, but the record should be put right).
 */
import type { Finding } from '../../rules/engine/types.js';

export interface RecordQuestion {
  /** "Ask whether the patient still takes hydrochlorothiazide (order from 1974 still marked active; nothing since)." */
  readonly text: string;
  readonly ruleIds: readonly string[];
}

const STALE = /^whether the patient still takes /;

function asQuestion(whether: string): string {
  return `Ask ${whether}${/[.?]$/.test(whether) ? '' : '.'}`;
}

export function recordQuestions(findings: readonly Finding[]): RecordQuestion[] {
  const byText = new Map<string, string[]>();
  const add = (whether: string, ruleId: string) => {
    const text = asQuestion(whether);
    const ids = byText.get(text) ?? [];
    if (!ids.includes(ruleId)) ids.push(ruleId);
    byText.set(text, ids);
  };
  for (const f of findings) {
    if (f.outcome === 'insufficient-data') for (const m of f.missing) if (STALE.test(m)) add(m, f.ruleId);
    for (const q of f.questions ?? []) add(q, f.ruleId);
  }
  return [...byText].map(([text, ruleIds]) => ({ text, ruleIds }));
}
