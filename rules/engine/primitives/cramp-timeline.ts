/**
 * Criterion, for use as supporting evidence only: was the drug first recorded within a window
 * (12 months) before the first recorded cramp complaint?
 *
 * Knowledge base Table A, "Temporal weighting": Garrison 2012 (S3) measured drug starts in the
 * 12 months before cramp treatment began, so a drug that appears first and then cramps follow is
 * a likelier contributor. That is a weight, not a diagnosis: rules wrap this in `withSupport`, so
 * it adds a sentence and the cramp Condition as supporting evidence and never changes an outcome.
 *
 * - First cramp complaint: the earliest onset (else recorded date) of a Condition in the cramp
 *   list (G47.62, R25.2, M62.831, SNOMED 55300003), resolved ones included, refuted and
 *   entered-in-error ones not.
 * - Drug first recorded: the earliest date of any use in the class that was really ordered or
 *   taken (not entered in error, cancelled, draft, not done, declined or not taken; not a
 *   doNotPerform order or a mere proposal), active now or not: a renewal is not a new start.
 * - "Before" is strict: a drug first recorded on the day of the first complaint did not precede it.
 */
import { CRAMP_COMPLAINT } from '../../codes/conditions/cramp.js';
import type { MedicationClass } from '../../codes/medications/types.js';
import type { EvaluationContext } from '../context.js';
import { criterion, result, type Criterion } from '../criterion.js';
import { duration, type DurationParameter } from '../parameters.js';
import type { ConditionEntry, DayString, MedicationUse } from '../record.js';
import { describeDuration, lookbackStart } from '../time.js';
import type { RuleSummaryInput } from '../types.js';
import { conditionEvidence, conditionsIn, type MatchedCondition } from './condition.js';

export const CRAMP_TIMELINE_WINDOW = duration(
  'A drug first recorded within this period before the first recorded cramp complaint is pointed out in the detail (weights the finding; never changes the outcome)',
  'P12M',
  'KB Table A, temporal weighting (Garrison 2012, S3)',
);

export type CrampTimeline = 'drug-first-within-window' | 'drug-first-earlier' | 'same-day' | 'cramps-first';

const NEVER_TAKEN = new Set(['entered-in-error', 'cancelled', 'draft', 'not-done', 'declined', 'not-taken']);
const NOT_ORDERS = new Set(['proposal', 'option']);
const VOIDED_CONDITION = new Set(['refuted', 'entered-in-error']);

function reallyUsed(use: MedicationUse): boolean {
  return !NEVER_TAKEN.has(use.status) && !use.doNotPerform && !(use.intent && NOT_ORDERS.has(use.intent));
}

function firstDrugDate(ctx: EvaluationContext, classes: readonly MedicationClass[]): DayString | undefined {
  let first: DayString | undefined;
  for (const cls of classes) {
    for (const { view } of ctx.medicationsIn(cls)) {
      const d = view.use.date;
      if (d && d <= ctx.asOf && reallyUsed(view.use) && (!first || d < first)) first = d;
    }
  }
  return first;
}

function firstCrampComplaint(ctx: EvaluationContext) {
  let first: { entry: MatchedCondition; date: DayString } | undefined;
  for (const m of conditionsIn(ctx, CRAMP_COMPLAINT)) {
    const date = complaintDate(m.cond);
    if (!date || date > ctx.asOf || (m.cond.verificationStatus && VOIDED_CONDITION.has(m.cond.verificationStatus))) continue;
    if (!first || date < first.date) first = { entry: m, date };
  }
  return first;
}

const complaintDate = (c: ConditionEntry): DayString | undefined => c.onset ?? c.recorded;

export function drugStartedBeforeCramps(classes: readonly MedicationClass[], window: DurationParameter): Criterion {
  const label = `drug first recorded within ${describeDuration(window.iso)} before the first recorded cramp complaint`;
  return criterion(label, (ctx) => {
    const cramp = firstCrampComplaint(ctx);
    const drugDate = firstDrugDate(ctx, classes);
    if (!cramp || !drugDate) {
      return result('unknown', label, { missing: [!cramp ? 'no dated cramp complaint on record' : 'no dated use of the drug on record'] });
    }
    const timeline: CrampTimeline =
      drugDate === cramp.date ? 'same-day'
      : drugDate > cramp.date ? 'cramps-first'
      : drugDate >= lookbackStart(cramp.date, window.iso) ? 'drug-first-within-window'
      : 'drug-first-earlier';
    const within = timeline === 'drug-first-within-window';
    const note = within ? `first recorded cramp complaint; the drug was first recorded ${drugDate}, within ${describeDuration(window.iso)} before` : 'first recorded cramp complaint';
    return result(within ? 'true' : 'false', label, {
      evidence: [conditionEvidence(cramp.entry.cond, cramp.entry.match, within ? 'trigger' : 'checked', note)],
      facts: { crampTimeline: timeline, firstCrampComplaint: cramp.date, drugFirstRecorded: drugDate, crampTimelineWindow: describeDuration(window.iso) },
      note: timeline,
    });
  });
}

/** The sentence a rule's detail adds about the timeline, or '' when there is nothing to say. */
export function describeCrampTimeline(r: RuleSummaryInput): string {
  const { crampTimeline, firstCrampComplaint: cramp, drugFirstRecorded: start, crampTimelineWindow: window, drug } = r.facts;
  const name = String(drug ?? 'the drug');
  switch (crampTimeline) {
    case 'drug-first-within-window':
      return `Timeline: ${name} was first recorded on ${start}, within ${window} before the first recorded cramp complaint (${cramp}). That is the drug-then-cramps sequence Garrison's study measured (S3), so it makes this drug a likelier contributor.`;
    case 'drug-first-earlier':
      return `Timeline: ${name} was first recorded on ${start}, more than ${window} before the first recorded cramp complaint (${cramp}).`;
    case 'same-day':
      return `Timeline: ${name} was first recorded on the day of the first recorded cramp complaint (${cramp}).`;
    case 'cramps-first':
      return `Timeline: the first recorded cramp complaint (${cramp}) came before ${name} was first recorded (${start}).`;
    default:
      return '';
  }
}
