/**
 * Is a time-limited Condition still current? (Rule catalogue, second round: "Conditions that end
 * by themselves".)
 *
 * Records leave pregnancies, bouts of dehydration and cancers "active" for years. For a code list
 * with a `currentWithin` window, an active Condition counts only when the day it started is within
 * the window. The day that counts is the onset (`onsetDateTime`, `onsetPeriod.start`, or
 * `onsetAge` converted with the birth date); `recordedDate` only when there is no onset, because a
 * record migrated into a new EHR gets a new recorded date for an old problem. A Condition with no
 * date at all counts, marked "undated": no date is not evidence that it ended.
 */
import type { TimeLimit } from '../codes/conditions/types.js';
import type { ConditionEntry, DayString } from './record.js';
import { addDuration, describeDuration, lookbackStart, toDay } from './time.js';

export interface ConditionStart {
  readonly day?: DayString;
  readonly basis: 'onset' | 'onset age' | 'recorded date' | 'none';
}

/** The day a Condition started, as the decision reads it. */
export function conditionStart(cond: ConditionEntry, birthDate: string | undefined): ConditionStart {
  if (cond.onset) return { day: cond.onset, basis: 'onset' };
  if (cond.onsetAge) {
    const born = toDay(birthDate);
    if (born) return { day: addDuration(born, ageAsDuration(cond.onsetAge)), basis: 'onset age' };
  }
  if (cond.recorded) return { day: cond.recorded, basis: 'recorded date' };
  return { basis: 'none' };
}

/** An age as an ISO duration: whole years, months and weeks by the calendar, the rest in days. */
function ageAsDuration(age: NonNullable<ConditionEntry['onsetAge']>): string {
  const whole = Math.floor(age.value);
  const letter = { a: 'Y', mo: 'M', wk: 'W', d: 'D' }[age.unit];
  if (whole === age.value) return `P${whole}${letter}`;
  const daysPer = { a: 365.25, mo: 30.44, wk: 7, d: 1 }[age.unit];
  return `P${Math.round(age.value * daysPer)}D`;
}

export type Currency =
  | { readonly current: true; readonly note?: string }
  | { readonly current: false; readonly note: string; readonly since: DayString };

/** Whether an active Condition of a time-limited kind still counts on `asOf`. */
export function timeLimitedCurrency(cond: ConditionEntry, limit: TimeLimit, asOf: DayString, birthDate: string | undefined): Currency {
  const start = conditionStart(cond, birthDate);
  if (!start.day) return { current: true, note: 'undated' };
  if (start.day >= lookbackStart(asOf, limit.iso)) return { current: true, note: `${start.basis} ${start.day}, within ${describeDuration(limit.iso)}` };
  return {
    current: false,
    since: start.day,
    note: `${start.basis} ${start.day} is more than ${describeDuration(limit.iso)} before; not counted: ${limit.why} and the record was never closed`,
  };
}
