/**
 * Pregnancy and the postpartum period (knowledge base section 10.4; rule catalogue "Postpartum").
 *
 * Pregnant if any of: the latest pregnancy-status Observation (82810-3) within 10 months says
 * pregnant; an active pregnancy Condition; an estimated delivery date in the future, within 40
 * weeks. Plausibility filter: Patient.gender female or unknown, age 12–55; outside it, pregnancy
 * data are shown as checked and ignored. Gestational age = 280 days − (EDD − asOf), or from a
 * gestational-age Observation carried forward to `asOf`.
 *
 * Postpartum: an EDD, or a delivery or puerperium Condition, within the last 42 days.
 */
import { POSTPARTUM, PREGNANCY } from '../../codes/conditions/pregnancy.js';
import { PREGNANT_ANSWERS } from '../../codes/observations.js';
import type { EvaluationContext } from '../context.js';
import { criterion, result, type Criterion, type CriterionResult } from '../criterion.js';
import type { CodedObservation } from '../record.js';
import { addDuration, daysBetween, lookbackStart, withinLookback } from '../time.js';
import type { EvidenceItem } from '../types.js';
import { conditionEvidence, conditionsIn, outdatedQuestion } from './condition.js';

export const PREGNANCY_PARAMETERS = {
  statusLookback: 'P10M',
  eddHorizon: 'P40W',
  postpartumWindow: 'P42D',
  minAge: 12,
  maxAge: 55,
  thirdTrimesterWeeks: 28,
} as const;

function obsEvidence(o: CodedObservation, role: EvidenceItem['role'], note: string): EvidenceItem {
  const valueCoding = o.valueCodings[0];
  return {
    resourceType: o.source.resourceType,
    id: o.source.id,
    role,
    code: o.code.code,
    system: o.code.system,
    display: o.code.display ?? o.kind,
    value: o.valueDate ?? valueCoding?.display ?? valueCoding?.code ?? o.valueText ?? (o.valueQuantity ? o.valueQuantity.value : 'no value'),
    ...(o.valueQuantity ? { unit: o.valueQuantity.unit } : {}),
    ...(o.date ? { date: o.date } : {}),
    note,
  };
}

const isPregnantAnswer = (o: CodedObservation) =>
  o.valueCodings.some((c) => PREGNANT_ANSWERS.some((a) => a.code === c.code && (c.system === a.system || !c.system)));

function usableObservations(ctx: EvaluationContext, kind: string): readonly CodedObservation[] {
  return (ctx.record.codedObservations[kind] ?? []).filter((o) => o.usable && o.date && o.date <= ctx.asOf);
}

/** Latest EDD known on `asOf` (by when it was recorded). */
function latestEdd(ctx: EvaluationContext): CodedObservation | undefined {
  return usableObservations(ctx, 'edd').find((o) => o.valueDate);
}

/** Gestational age in whole weeks on `asOf`, from the EDD or a gestational-age Observation. */
function gestationalWeeks(ctx: EvaluationContext): number | undefined {
  const edd = latestEdd(ctx);
  if (edd?.valueDate && edd.valueDate > ctx.asOf) return Math.floor((280 - daysBetween(ctx.asOf, edd.valueDate)) / 7);
  const ga = usableObservations(ctx, 'gestational-age').find((o) => o.valueQuantity && withinLookback(o.date, ctx.asOf, PREGNANCY_PARAMETERS.statusLookback));
  if (!ga?.valueQuantity || !ga.date) return undefined;
  const weeksAtObs = ga.valueQuantity.unit === 'd' ? ga.valueQuantity.value / 7 : ga.valueQuantity.value;
  return Math.floor(weeksAtObs + daysBetween(ga.date, ctx.asOf) / 7);
}

function plausibility(ctx: EvaluationContext): string | undefined {
  const gender = ctx.record.patient?.gender ?? 'unknown';
  if (gender !== 'female' && gender !== 'unknown') return `Patient.gender is ${gender}`;
  const age = ctx.ageYears;
  if (age !== undefined && (age < PREGNANCY_PARAMETERS.minAge || age > PREGNANCY_PARAMETERS.maxAge)) return `age ${age} is outside 12–55`;
  return undefined;
}

/** Evidence of pregnancy on `asOf`, before the plausibility filter. */
function pregnancySignals(ctx: EvaluationContext): EvidenceItem[] {
  const out: EvidenceItem[] = [];
  const status = usableObservations(ctx, 'pregnancy-status')[0];
  if (status && withinLookback(status.date, ctx.asOf, PREGNANCY_PARAMETERS.statusLookback) && isPregnantAnswer(status)) {
    out.push(obsEvidence(status, 'trigger', 'latest pregnancy status within 10 months: pregnant'));
  }
  for (const m of conditionsIn(ctx, PREGNANCY)) if (m.active) out.push(conditionEvidence(m.cond, m.match, 'trigger', m.reason));
  const edd = latestEdd(ctx);
  if (edd?.valueDate && edd.valueDate > ctx.asOf && edd.valueDate <= addDuration(ctx.asOf, PREGNANCY_PARAMETERS.eddHorizon)) {
    out.push(obsEvidence(edd, 'trigger', `estimated delivery date ${edd.valueDate} is within the next 40 weeks`));
  }
  return out;
}

export function pregnant(): Criterion {
  const label = 'pregnant (condition, pregnancy-status observation or future EDD), plausible for sex and age';
  return criterion(label, (ctx): CriterionResult => {
    const signals = pregnancySignals(ctx);
    const implausible = plausibility(ctx);
    if (implausible) {
      return result('false', label, { evidence: signals.map((e) => ({ ...e, role: 'checked' as const, note: `${e.note}; ignored: ${implausible}` })), note: `plausibility filter: ${implausible}` });
    }
    // Pregnancy Conditions still marked active but started over 10 months ago: not counted, shown
    // as checked with why, and asked about (rule catalogue, second round).
    const outdated = conditionsIn(ctx, PREGNANCY).filter((m) => m.outdatedSince);
    const outdatedEvidence = outdated.map((m) => conditionEvidence(m.cond, m.match, 'checked', `not counted: ${m.reason}`));
    const questions = outdated.map(outdatedQuestion);
    if (signals.length) {
      const weeks = gestationalWeeks(ctx);
      const facts: Record<string, number | boolean> = {};
      if (weeks !== undefined && weeks >= 0 && weeks <= 45) {
        facts.gestationalWeeks = weeks;
        facts.thirdTrimester = weeks >= PREGNANCY_PARAMETERS.thirdTrimesterWeeks;
      }
      return result('true', label, { evidence: signals, facts });
    }
    const incomplete = ctx.incompleteSources(['Condition', 'Observation:pregnancy-status', 'Observation:edd']);
    if (incomplete.length) return result('unknown', label, { evidence: outdatedEvidence, questions, missing: [`pregnancy data could not all be read (${incomplete.join('; ')})`] });
    return result('false', label, { evidence: outdatedEvidence, questions });
  });
}

export function postpartum(): Criterion {
  const label = 'postpartum (EDD or delivery within the last 42 days)';
  return criterion(label, (ctx) => {
    if (plausibility(ctx)) return result('false', label, { note: plausibility(ctx) });
    const evidence: EvidenceItem[] = [];
    const edd = latestEdd(ctx);
    if (edd?.valueDate && edd.valueDate <= ctx.asOf && withinLookback(edd.valueDate, ctx.asOf, PREGNANCY_PARAMETERS.postpartumWindow)) {
      evidence.push(obsEvidence(edd, 'trigger', `estimated delivery date ${edd.valueDate} was within the last 42 days`));
    }
    const since = lookbackStart(ctx.asOf, PREGNANCY_PARAMETERS.postpartumWindow);
    for (const m of conditionsIn(ctx, POSTPARTUM)) {
      const day = m.cond.onset ?? m.cond.recorded;
      if (day && day >= since && day <= ctx.asOf && m.cond.verificationStatus !== 'entered-in-error' && m.cond.verificationStatus !== 'refuted') {
        evidence.push(conditionEvidence(m.cond, m.match, 'trigger', `recorded ${day}, within the last 42 days`));
      }
    }
    if (evidence.length) return result('true', label, { evidence });
    const incomplete = ctx.incompleteSources(['Condition', 'Observation:edd']);
    if (incomplete.length) return result('unknown', label, { missing: [`postpartum data could not all be read (${incomplete.join('; ')})`] });
    return result('false', label);
  });
}
