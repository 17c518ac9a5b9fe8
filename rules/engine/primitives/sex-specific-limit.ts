/**
 * A lab threshold whose default differs by sex (creatine kinase: women 135, men 170 U/L, KB B11).
 *
 * The limit is chosen from `Patient.gender`: `male` takes the male limit, `female` the female one,
 * and anything else (other, unknown, no Patient resource) takes the limit the rule names as
 * `otherwise`, with the reason shown in the evidence note and in the `limitUsed` fact.
 */
import type { EvaluationContext } from '../context.js';
import { criterion, type Criterion } from '../criterion.js';
import type { ThresholdParameter } from '../parameters.js';
import { labThreshold, type LabThresholdOptions } from './lab-threshold.js';

export interface SexSpecificLimits {
  readonly female: ThresholdParameter;
  readonly male: ThresholdParameter;
  /** Which limit applies when sex is not recorded as female or male. */
  readonly otherwise: 'female' | 'male';
}

export function limitForSex(ctx: EvaluationContext, limits: SexSpecificLimits): { limit: ThresholdParameter; why: string } {
  const gender = ctx.record.patient?.gender;
  if (gender === 'female' || gender === 'male') return { limit: limits[gender], why: `${gender} limit` };
  return { limit: limits[limits.otherwise], why: `${limits.otherwise} limit used because sex is ${gender ? `recorded as ${gender}` : 'not recorded'}` };
}

export function labThresholdBySex(o: Omit<LabThresholdOptions, 'limit'> & { readonly limits: SexSpecificLimits }): Criterion {
  const byLimit = {
    female: labThreshold({ ...o, limit: o.limits.female }),
    male: labThreshold({ ...o, limit: o.limits.male }),
  };
  const label = o.what ?? byLimit.female.label;
  return criterion(label, (ctx) => {
    const { limit, why } = limitForSex(ctx, o.limits);
    const r = (limit === o.limits.male ? byLimit.male : byLimit.female).evaluate(ctx);
    return {
      ...r,
      evidence: r.evidence.map((e) => (e.role === 'trigger' || e.role === 'checked' ? { ...e, note: `${e.note ?? ''}${e.note ? '; ' : ''}default limit for this patient ${limit.value} ${limit.unit} (${why})` } : e)),
      facts: { ...r.facts, limitUsed: `${limit.value} ${limit.unit} (${why})` },
    };
  });
}
