/**
 * Is a Condition active on `asOf`? Knowledge base Table C: clinicalStatus active (or recurrence,
 * relapse) and verificationStatus not refuted or entered-in-error. A Condition without a clinical
 * status counts as active unless it has abated (FHIR requires the status unless the record was
 * entered in error, but real exports omit it). An onset after `asOf`, or an abatement on or before
 * it, means it was not active then; an abatement after `asOf` means it still was.
 */
import type { ConditionEntry, DayString } from './record.js';

export interface ConditionActivity {
  readonly active: boolean;
  readonly reason: string;
}

const ACTIVE = new Set(['active', 'recurrence', 'relapse']);
const EXCLUDED_VERIFICATION = new Set(['refuted', 'entered-in-error']);

export function conditionActivity(cond: ConditionEntry, asOf: DayString): ConditionActivity {
  if (cond.verificationStatus && EXCLUDED_VERIFICATION.has(cond.verificationStatus)) {
    return { active: false, reason: `verification ${cond.verificationStatus}` };
  }
  if (cond.onset && cond.onset > asOf) return { active: false, reason: `onset ${cond.onset}, after the as-of date` };
  if (cond.abatement && cond.abatement <= asOf) return { active: false, reason: `abated ${cond.abatement}` };
  // Abated only after the as-of date: it was still active then, whatever its status says today.
  if (cond.abatement && cond.abatement > asOf) return { active: true, reason: `abated ${cond.abatement}, after the as-of date` };
  const verification = cond.verificationStatus ? `, ${cond.verificationStatus}` : '';
  if (cond.clinicalStatus) {
    if (ACTIVE.has(cond.clinicalStatus)) return { active: true, reason: `${cond.clinicalStatus}${verification}` };
    return { active: false, reason: `${cond.clinicalStatus}${verification}` };
  }
  if (cond.abated) return { active: false, reason: 'abated, no clinical status' };
  return { active: true, reason: `no clinical status and no abatement, taken as active${verification}` };
}
