/**
 * The one-line summary of a medication rule that could not decide, naming why when the reason is
 * a question the clinician can answer now: a stale order ("Still taking hydrochlorothiazide?
 * Order from 1974 still marked active; nothing since") or a medication that could not be
 * identified. Otherwise the rule's own words ("Statin use could not be checked").
 */
import type { RuleSummaryInput } from '../types.js';

export function medicationInsufficient(fallback: string): (r: RuleSummaryInput) => string {
  return (r) => {
    if (typeof r.facts.staleDrug === 'string' && typeof r.facts.staleWhy === 'string') {
      return `Still taking ${r.facts.staleDrug}? ${r.facts.staleWhy.charAt(0).toUpperCase()}${r.facts.staleWhy.slice(1)}`;
    }
    if (r.facts.unidentifiedMedication === true) return `${fallback}: a medication on record could not be identified`;
    return fallback;
  };
}
