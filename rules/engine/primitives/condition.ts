/**
 * Criterion: an active Condition in one of the given code lists.
 * True with the active Conditions as evidence; false only when Conditions were read in full and
 * none is active (inactive, resolved, refuted or entered-in-error ones are shown as checked).
 */
import type { ConditionCodeList } from '../../codes/conditions/types.js';
import { conditionActivity } from '../condition-activity.js';
import { timeLimitedCurrency } from '../condition-currency.js';
import { matchConditionList, type ConditionMatch } from '../condition-matching.js';
import { describeState, type EvaluationContext } from '../context.js';
import { criterion, result, type Criterion } from '../criterion.js';
import type { ConditionEntry } from '../record.js';
import type { EvidenceItem, EvidenceRole } from '../types.js';

export function describeConditionMatch(m: ConditionMatch): string {
  return m.by === 'text' ? `name "${m.phrase}" in the text` : `${m.by === 'icd10' ? 'ICD-10-CM' : 'SNOMED CT'} ${m.coding.code}`;
}

export function conditionEvidence(cond: ConditionEntry, m: ConditionMatch, role: EvidenceRole, reason: string): EvidenceItem {
  const coding = m.by === 'text' ? cond.codings[0] : m.coding;
  return {
    resourceType: cond.source.resourceType,
    id: cond.source.id,
    role,
    ...(coding?.code ? { code: coding.code, system: coding.system } : {}),
    display: cond.text ?? coding?.display ?? '(no name)',
    value: cond.clinicalStatus ?? 'no clinical status',
    ...(cond.onset ?? cond.recorded ? { date: (cond.onset ?? cond.recorded)! } : {}),
    note: `${reason}; matched by ${describeConditionMatch(m)}`,
  };
}

export interface MatchedCondition {
  readonly cond: ConditionEntry;
  readonly match: ConditionMatch;
  /** Active by status, and (for conditions that end by themselves) started within the list's window. */
  readonly active: boolean;
  readonly reason: string;
  /** Active by status but older than the list's window: set to the day it started. */
  readonly outdatedSince?: string;
}

/** Every Condition in the lists, with whether it is active; computed once per list per patient. */
export function conditionsIn(ctx: EvaluationContext, list: ConditionCodeList): readonly MatchedCondition[] {
  return ctx.memoise(`conditions:${list.id}`, () => {
    const out: MatchedCondition[] = [];
    for (const cond of ctx.record.conditions) {
      const match = matchConditionList(cond, list);
      if (!match) continue;
      const a = conditionActivity(cond, ctx.asOf);
      if (!a.active || !list.currentWithin) {
        out.push({ cond, match, active: a.active, reason: a.reason });
        continue;
      }
      const c = timeLimitedCurrency(cond, list.currentWithin, ctx.asOf, ctx.record.patient?.birthDate);
      if (c.current) out.push({ cond, match, active: true, reason: c.note ? `${a.reason}; ${c.note}` : a.reason });
      else out.push({ cond, match, active: false, reason: `${a.reason}; ${c.note}`, outdatedSince: c.since });
    }
    return out;
  });
}

export function activeConditionIn(lists: readonly ConditionCodeList[], what: string): Criterion {
  const label = `active condition: ${what}`;
  return criterion(label, (ctx) => {
    const matched = lists.flatMap((l) => conditionsIn(ctx, l));
    const active = matched.filter((m) => m.active);
    if (active.length) {
      return result('true', label, { evidence: active.map((m) => conditionEvidence(m.cond, m.match, 'trigger', m.reason)), facts: { condition: active[0]!.cond.text ?? active[0]!.cond.codings[0]?.display ?? what } });
    }
    const outdated = matched.filter((m) => m.outdatedSince);
    const checked = [...outdated, ...matched.filter((m) => !m.outdatedSince)].slice(0, 3).map((m) => conditionEvidence(m.cond, m.match, 'checked', `not active: ${m.reason}`));
    const questions = outdated.map((m) => outdatedQuestion(m));
    const status = ctx.source('Condition');
    if (status.state !== 'complete') {
      return result('unknown', label, { evidence: checked, questions, missing: [`conditions ${describeState(status)}, so ${what} cannot be ruled out`] });
    }
    return result('false', label, { evidence: checked, questions });
  });
}

/** What to ask about a time-limited condition the record never closed. */
export function outdatedQuestion(m: MatchedCondition): string {
  const name = m.cond.text ?? m.cond.codings.find((c) => c.display)?.display ?? 'the condition';
  return `whether ${JSON.stringify(name.slice(0, 80))} (on record since ${m.outdatedSince}, still marked active) is still current`;
}

