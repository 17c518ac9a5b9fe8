/**
 * Criterion: active cancer as the Wells score defines it, for redflag-vte-risk (rule catalogue,
 * second round: "Conditions that end by themselves"; S42): a cancer Condition whose onset (or
 * recorded date) is within the last 6 months, or anticancer treatment (the neurotoxic
 * chemotherapy list, any other antineoplastic, endocrine cancer therapy) in use within 6 months.
 *
 * An older cancer still marked active does not fire: it is shown as checked, "cancer on record
 * since 2006: ask whether it is still being treated", and asked about. Treatment counts when it
 * is in use now (active and not stale) or dated within the window (an administration, a
 * dispense, a completed cycle's order); an order cancelled, entered in error, not given or only
 * proposed does not.
 */
import { ACTIVE_CANCER } from '../../codes/conditions/other.js';
import { ANTICANCER_TREATMENT } from '../../codes/medications/anticancer.js';
import { NEUROTOXIC_CHEMOTHERAPY } from '../../codes/medications/neurotoxic-chemotherapy.js';
import { MEDICATION_SOURCES, describeState, type EvaluationContext, type MedicationView } from '../context.js';
import { criterion, result, type Criterion } from '../criterion.js';
import { lookbackStart } from '../time.js';
import type { EvidenceItem } from '../types.js';
import { conditionEvidence, conditionsIn, type MatchedCondition } from './condition.js';
import { describeBasis, medicationEvidence } from './medication.js';

export const ACTIVE_CANCER_WINDOW = 'P6M';

const NOT_TREATMENT = new Set(['cancelled', 'entered-in-error', 'draft', 'not-done', 'declined', 'preparation']);
const NOT_ORDERS = new Set(['proposal', 'option']);

function treatmentWithin(view: MedicationView, since: string, asOf: string): string | undefined {
  const { use, activity, stale } = view;
  if (use.doNotPerform || NOT_TREATMENT.has(use.status) || (use.intent && NOT_ORDERS.has(use.intent))) return undefined;
  if (activity.active && !stale) return `in use (${activity.reason})`;
  const day = use.periodEnd ?? use.date;
  return day && day >= since && day <= asOf ? `given or ordered ${day}, within 6 months` : undefined;
}

function oldCancerNote(m: MatchedCondition): string {
  return `cancer on record since ${m.outdatedSince}: ask whether it is still being treated (not counted as active cancer: no treatment and no diagnosis within 6 months)`;
}

export function activeCancer(): Criterion {
  const label = 'active cancer (Wells): cancer diagnosed, or anticancer treatment, within 6 months';
  return criterion(label, (ctx: EvaluationContext) => {
    const since = lookbackStart(ctx.asOf, ACTIVE_CANCER_WINDOW);
    const cancers = conditionsIn(ctx, ACTIVE_CANCER);
    const evidence: EvidenceItem[] = cancers.filter((m) => m.active).map((m) => conditionEvidence(m.cond, m.match, 'trigger', m.reason));
    const seen = new Set<string>();
    for (const cls of [NEUROTOXIC_CHEMOTHERAPY, ANTICANCER_TREATMENT]) {
      for (const { view, match } of ctx.medicationsIn(cls)) {
        const key = `${view.use.source.resourceType}/${view.use.source.id}`;
        if (seen.has(key)) continue;
        const why = treatmentWithin(view, since, ctx.asOf);
        if (!why) continue;
        seen.add(key);
        const item = medicationEvidence(view, match.basis, 'trigger', match.ingredient);
        evidence.push({ ...item, note: `anticancer treatment ${why}; ${match.ingredient ? `${match.ingredient}, ` : ''}matched by ${describeBasis(match.basis)}` });
      }
    }
    const old = cancers.filter((m) => m.outdatedSince);
    const questions = old.map((m) => `whether the cancer on record since ${m.outdatedSince} (${JSON.stringify((m.cond.text ?? m.cond.codings.find((c) => c.display)?.display ?? 'cancer').slice(0, 80))}) is still being treated`);
    if (evidence.length) return result('true', label, { evidence, questions, facts: { cancer: 'active cancer' } });
    const checked = old.slice(0, 3).map((m) => conditionEvidence(m.cond, m.match, 'checked', oldCancerNote(m)));
    const incomplete = ['Condition', ...MEDICATION_SOURCES].filter((k) => ctx.source(k).state !== 'complete');
    if (incomplete.length) {
      return result('unknown', label, { evidence: checked, questions, missing: [`active cancer cannot be ruled out: ${incomplete.map((k) => `${k} ${describeState(ctx.source(k))}`).join('; ')}`] });
    }
    return result('false', label, { evidence: checked, questions });
  });
}
