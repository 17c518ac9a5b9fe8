/**
 * Combinator: when a criterion is true, record a named fact for the summary ("risk: pregnancy").
 * Lets a rule that fires on any of several reasons say which ones fired, without parsing evidence.
 */
import { criterion, type Criterion } from '../criterion.js';

export function withFact(key: string, value: string, child: Criterion): Criterion {
  return criterion(child.label, (ctx) => {
    const r = child.evaluate(ctx);
    return r.truth === 'true' ? { ...r, facts: { ...r.facts, [key]: value } } : r;
  });
}

/** Values of every fact whose key starts with `prefix`, in the order they were added. */
export function factsWithPrefix(facts: Readonly<Record<string, string | number | boolean>>, prefix: string): string[] {
  return Object.entries(facts)
    .filter(([k]) => k.startsWith(prefix))
    .map(([, v]) => String(v));
}
