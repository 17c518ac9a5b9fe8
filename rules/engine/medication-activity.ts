/**
 * Is a medication use active on `asOf`? The rule catalogue's decision, verbatim:
 * status `active` (or `on-hold`), or a MedicationDispense or MedicationAdministration within the
 * last 90 days, or a MedicationStatement `active`/`intended` (or `completed` with an effective
 * period ending within 90 days). `stopped`, `cancelled`, `entered-in-error`, `draft` and
 * `completed` requests without a recent dispense do not count.
 *
 * Two further refusals, because the resource says the drug is not being taken: a request with
 * `doNotPerform`, and a request whose intent is only a `proposal` or an `option`.
 */
import type { DayString, MedicationUse } from './record.js';
import { withinLookback } from './time.js';

export const RECENT_USE_WINDOW = 'P90D';

export interface Activity {
  readonly active: boolean;
  /** Why, in words, for the evidence note ("active order", "dispensed 2026-10-02, within 90 days"). */
  readonly reason: string;
}

const NOT_TAKEN_INTENTS = new Set(['proposal', 'option']);
const DISPENSE_NOT_GIVEN = new Set(['cancelled', 'entered-in-error', 'declined', 'preparation']);
const ADMINISTRATION_NOT_GIVEN = new Set(['not-done', 'entered-in-error']);

function notAfter(date: DayString | undefined, asOf: DayString): boolean {
  return !date || date <= asOf;
}

export function medicationActivity(med: MedicationUse, asOf: DayString): Activity {
  switch (med.kind) {
    case 'request': {
      if (med.doNotPerform) return { active: false, reason: 'an order not to give it (doNotPerform)' };
      if (med.intent && NOT_TAKEN_INTENTS.has(med.intent)) return { active: false, reason: `only a ${med.intent}, not an order` };
      if ((med.status === 'active' || med.status === 'on-hold') && notAfter(med.date, asOf)) {
        return { active: true, reason: `${med.status === 'active' ? 'active order' : 'order on hold'}${med.date ? '' : ', undated'}` };
      }
      return { active: false, reason: `order ${med.status || 'without status'}` };
    }
    case 'statement': {
      if (['active', 'intended', 'on-hold'].includes(med.status) && notAfter(med.date, asOf)) {
        return { active: true, reason: `reported ${med.status === 'active' ? 'as taken' : med.status}${med.date || med.asserted ? '' : ', undated'}` };
      }
      if (med.status === 'completed') {
        const end = med.periodEnd ?? med.date;
        if (withinLookback(end, asOf, RECENT_USE_WINDOW)) return { active: true, reason: `completed ${end}, within 90 days` };
        return { active: false, reason: end ? `completed ${end}, over 90 days ago` : 'completed, no end date' };
      }
      return { active: false, reason: `statement ${med.status || 'without status'}` };
    }
    case 'dispense': {
      if (DISPENSE_NOT_GIVEN.has(med.status)) return { active: false, reason: `dispense ${med.status}` };
      if (withinLookback(med.date, asOf, RECENT_USE_WINDOW)) return { active: true, reason: `dispensed ${med.date}, within 90 days` };
      return { active: false, reason: med.date ? `dispensed ${med.date}, over 90 days ago` : 'dispense without a date' };
    }
    case 'administration': {
      if (ADMINISTRATION_NOT_GIVEN.has(med.status)) return { active: false, reason: `administration ${med.status}` };
      if (withinLookback(med.date, asOf, RECENT_USE_WINDOW)) return { active: true, reason: `given ${med.date}, within 90 days` };
      return { active: false, reason: med.date ? `given ${med.date}, over 90 days ago` : 'administration without a date' };
    }
  }
}
