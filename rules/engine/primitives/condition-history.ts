/**
 * Criterion: a Condition on record, current or past (for risk factors where history counts, such
 * as an earlier deep-vein thrombosis for the DVT red flag, knowledge base E1).
 *
 * Unlike `activeConditionIn`, a resolved, inactive or abated Condition counts: it says the event
 * happened. What does not count: a Condition refuted or entered in error (it did not happen), and
 * one whose onset lies after `asOf` (not known then). False only when Conditions were read in full.
 */
import type { ConditionCodeList } from '../../codes/conditions/types.js';
import { describeState } from '../context.js';
import { criterion, result, type Criterion } from '../criterion.js';
import { conditionEvidence, conditionsIn } from './condition.js';

const DID_NOT_HAPPEN = new Set(['refuted', 'entered-in-error']);

export function conditionOnRecord(lists: readonly ConditionCodeList[], what: string): Criterion {
  const label = `condition on record, current or past: ${what}`;
  return criterion(label, (ctx) => {
    const matched = lists.flatMap((l) => conditionsIn(ctx, l));
    const counts = (m: (typeof matched)[number]) =>
      !DID_NOT_HAPPEN.has(m.cond.verificationStatus ?? '') && !(m.cond.onset && m.cond.onset > ctx.asOf);
    const onRecord = matched.filter(counts);
    if (onRecord.length) {
      const evidence = onRecord.map((m) => conditionEvidence(m.cond, m.match, 'trigger', m.active ? `current (${m.reason})` : `past (${m.reason}); history counts`));
      return result('true', label, { evidence, facts: { condition: onRecord[0]!.cond.text ?? onRecord[0]!.cond.codings[0]?.display ?? what } });
    }
    const checked = matched.slice(0, 3).map((m) => conditionEvidence(m.cond, m.match, 'checked', `does not count: ${m.reason}`));
    const status = ctx.source('Condition');
    if (status.state !== 'complete') {
      return result('unknown', label, { evidence: checked, missing: [`conditions ${describeState(status)}, so ${what} cannot be ruled out`] });
    }
    return result('false', label, { evidence: checked });
  });
}
