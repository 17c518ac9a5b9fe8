/**
 * Criteria on the Patient resource: age.
 */
import { criterion, result, type Criterion } from '../criterion.js';
import type { EvidenceItem } from '../types.js';
import type { EvaluationContext } from '../context.js';

export function patientEvidence(ctx: EvaluationContext, role: EvidenceItem['role']): EvidenceItem[] {
  const p = ctx.record.patient;
  if (!p) return [];
  return [{
    resourceType: p.source.resourceType,
    id: p.source.id,
    role,
    display: 'age',
    ...(ctx.ageYears !== undefined ? { value: ctx.ageYears, unit: 'a' } : {}),
    ...(p.birthDate ? { date: p.birthDate } : {}),
    note: `born ${p.birthDate ?? 'unknown'}`,
  }];
}

export function ageUnder(years: number): Criterion {
  const label = `age under ${years} years`;
  return criterion(label, (ctx) => {
    if (ctx.ageYears === undefined) {
      const status = ctx.source('Patient');
      const why = !ctx.record.patient ? (status.state === 'complete' ? 'no Patient resource' : `Patient ${status.state}`) : 'no birth date recorded';
      return result('unknown', label, { missing: [`age unknown (${why})`] });
    }
    const under = ctx.ageYears < years;
    return result(under ? 'true' : 'false', label, { evidence: patientEvidence(ctx, under ? 'trigger' : 'checked'), facts: { ageYears: ctx.ageYears } });
  });
}
