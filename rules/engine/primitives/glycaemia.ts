/**
 * Blood glucose and HbA1c against the ADA's diagnostic cut-offs (knowledge base B5, E9; S15).
 *
 * These are diagnostic thresholds, not reference ranges, so they are fixed numbers: a lab's HbA1c
 * range (often 4.0–5.6 %) would flag prediabetes, and a lab's glucose range is not the
 * hypoglycaemia threshold. Comparisons happen in the result's own unit when the limit is stated
 * in it (3.9 mmol/L is "at or below 3.9 mmol/L" although 3.9 × 18.016 is a hair above 70 mg/dL).
 *
 * - `glucoseAtOrBelow`: the most recent glucose, random or fasting (serum, plasma or blood), at or
 *   below the hypoglycaemia threshold; names level 2 (below 54 mg/dL, 3.0 mmol/L).
 * - `diabetesRange`: any of HbA1c, fasting glucose or random glucose in the diabetes range.
 */
import { ANALYTES, type AnalyteId } from '../../codes/labs.js';
import { criterion, result, type Criterion, type CriterionResult, type TraceNode } from '../criterion.js';
import type { ThresholdParameter } from '../parameters.js';
import { explainMissingAcross, newerUninterpretableAcross, selectAcross, sourceProblems, unusableAcross } from './lab-group.js';
import { labEvidence, resultText, selectLab, type LabSelection } from './lab-selection.js';
import { judge, labThreshold, resultNote, type LabThresholdOptions } from './lab-threshold.js';

/** Fasting first: on the same day, a fasting sample is the better-defined one. */
export const GLUCOSE_ANALYTES = ['glucose-fasting', 'glucose'] as const satisfies readonly AnalyteId[];

export interface HypoglycaemiaOptions {
  /** Level 1: at or below (ADA, 70 mg/dL = 3.9 mmol/L). */
  readonly limit: ThresholdParameter;
  /** Level 2: strictly below (ADA, 54 mg/dL = 3.0 mmol/L). */
  readonly level2: ThresholdParameter;
  readonly lookback: string;
}

/**
 * True when the most recent usable glucose (random or fasting) within the lookback is at or below
 * the limit. Facts: `glucose` (text), `hypoglycaemiaLevel` (1 or 2) when true.
 */
export function glucoseAtOrBelow(o: HypoglycaemiaOptions): Criterion {
  const label = `latest glucose (random or fasting) at or below ${o.limit.value} ${o.limit.unit} within ${o.lookback}`;
  return criterion(label, (ctx): CriterionResult => {
    const group = selectAcross(ctx, GLUCOSE_ANALYTES, o.lookback);
    const r = group.latest;
    if (!r) return result('unknown', label, { evidence: unusableAcross(group.selections), missing: explainMissingAcross(group.selections, o.lookback, 'glucose (random or fasting)') });
    const j = judge(r, '<=', o.limit, false);
    const l2 = judge(r, '<', o.level2, false);
    if (!j || !l2) return result('unknown', label, { evidence: [labEvidence(r, 'unusable', 'unit cannot be compared with the limit')], missing: [`glucose ${resultText(r)} cannot be compared with the limit`] });
    const level = l2.meets ? 2 : 1;
    const facts = { glucose: `${resultText(r)} on ${r.date}`, glucoseKind: ANALYTES[r.analyte as AnalyteId].name };
    if (j.meets) {
      const note = `${resultNote(r, j)}; ADA level ${level} hypoglycaemia${level === 2 ? ` (${l2.reason})` : ''}`;
      return result('true', label, { evidence: [labEvidence(r, 'trigger', note)], facts: { ...facts, hypoglycaemiaLevel: level }, note: j.reason });
    }
    if (group.sourceProblems.length) {
      return result('unknown', label, { evidence: [labEvidence(r, 'checked', resultNote(r, j))], missing: group.sourceProblems.map((p) => `${p}: a newer result may be missing`) });
    }
    const newer = newerUninterpretableAcross(group.selections, r);
    if (newer) return result('unknown', label, { evidence: [labEvidence(r, 'checked', resultNote(r, j)), ...newer.evidence], missing: newer.missing });
    return result('false', label, { evidence: [labEvidence(r, 'checked', resultNote(r, j))], facts, note: j.reason });
  });
}

export interface DiabetesRangeOptions {
  readonly hba1c: ThresholdParameter;
  readonly fasting: ThresholdParameter;
  readonly random: ThresholdParameter;
  /** Prediabetes lower limits: not flagged, only named when a value falls between them and diabetes. */
  readonly prediabetes: { readonly hba1c: ThresholdParameter; readonly fasting: ThresholdParameter };
  readonly lookback: string;
}

/**
 * True when the latest HbA1c, fasting glucose or random glucose within the lookback is at or above
 * its diabetes cut-off. False when at least one of them was usable, none is in the diabetes range,
 * and every source was read in full: any one of the three is a measurement of glycaemia, so a
 * missing second test is not "could not look". Unknown when none was usable, or a source failed.
 * Facts: `checked` lists the measurements read, `prediabetes` those in the prediabetes range,
 * `inRange` those in the diabetes range, `<analyte>` the value of each.
 */
export function diabetesRange(o: DiabetesRangeOptions): Criterion {
  const parts: readonly LabThresholdOptions[] = [
    { analyte: 'hba1c', op: '>=', limit: o.hba1c, lookback: o.lookback, useLabRange: false },
    { analyte: 'glucose-fasting', op: '>=', limit: o.fasting, lookback: o.lookback, useLabRange: false },
    { analyte: 'glucose', op: '>=', limit: o.random, lookback: o.lookback, useLabRange: false },
  ];
  const criteria = parts.map((p) => labThreshold(p));
  const label = `HbA1c, fasting glucose or random glucose in the diabetes range within ${o.lookback}`;
  return criterion(label, (ctx): CriterionResult => {
    const results = criteria.map((c) => c.evaluate(ctx));
    const selections = parts.map((p) => selectLab(ctx, p.analyte, p.lookback));
    const trace: TraceNode = { criterion: label, result: 'unknown', children: results.map((r) => r.trace) };
    const met = results.filter((r) => r.truth === 'true');
    const facts = Object.assign({}, ...results.map((r) => r.facts)) as Record<string, string>;
    if (met.length) {
      const names = parts.filter((_, i) => results[i]!.truth === 'true').map((p) => ANALYTES[p.analyte].name);
      return { truth: 'true', evidence: met.flatMap((r) => r.evidence), missing: [], facts: { ...facts, inRange: names.join(', ') }, trace: retitle(trace, 'true') };
    }
    const checked = results.filter((r) => r.truth === 'false');
    const failed = selections.filter((s) => !s.complete);
    const evidence = results.flatMap((r) => r.evidence);
    if (checked.length && failed.length === 0) {
      const names = parts.filter((_, i) => results[i]!.truth === 'false').map((p) => ANALYTES[p.analyte].name);
      const pre = prediabetic(selections, o);
      return { truth: 'false', evidence, missing: [], facts: { ...facts, checked: names.join(', '), ...(pre.length ? { prediabetes: pre.join(', ') } : {}) }, trace: retitle(trace, 'false') };
    }
    // A normal value was found but a source failed: only the failed sources are missing (they could
    // hide a diabetes-range value); with nothing usable, every measure's reason is listed.
    const missing = checked.length ? sourceProblems(failed) : [...new Set(results.flatMap((r) => r.missing))];
    return { truth: 'unknown', evidence, missing, facts, trace };
  });
}

function retitle(trace: TraceNode, truth: 'true' | 'false'): TraceNode {
  return { ...trace, result: truth };
}

/** Names of the latest HbA1c / fasting glucose at or above the prediabetes limit (ADA: 5.7 %, 100 mg/dL). */
function prediabetic(selections: readonly LabSelection[], o: DiabetesRangeOptions): string[] {
  const limits: Partial<Record<AnalyteId, ThresholdParameter>> = { hba1c: o.prediabetes.hba1c, 'glucose-fasting': o.prediabetes.fasting };
  return selections.flatMap((sel) => {
    const limit = limits[sel.analyte];
    const j = limit && sel.latest ? judge(sel.latest, '>=', limit, false) : undefined;
    return j?.meets ? [`${ANALYTES[sel.analyte].name} ${resultText(sel.latest!)}`] : [];
  });
}

export interface PatientHypoglycaemiaOptions extends HypoglycaemiaOptions {
  /** Without diabetes: glucose strictly below this counts (Endocrine Society, 55 mg/dL; S41). */
  readonly withoutDiabetes: ThresholdParameter;
  /** True when the ADA levels apply: diabetes known or treated (see diabetes-context.ts). */
  readonly diabetes: Criterion;
}

/**
 * True when the most recent usable glucose (random or fasting) within the lookback is low for this
 * patient (rule catalogue, second round: "Hypoglycaemia outside diabetes"): at or below the ADA
 * level-1 limit in someone with diabetes or on a glucose-lowering medicine; below 55 mg/dL in
 * anyone (compared after converting: 3.05 mmol/L is 54.9 mg/dL). A value between the two is
 * not-flagged without diabetes and insufficient-data when diabetes could not be ruled out.
 * Facts: `glucose`, `glucoseKind`, `hypoglycaemiaLevel` (1 or 2), `diabetesContext`
 * ('yes' | 'no' | 'unknown'), `withoutDiabetes` (true when the 55 mg/dL limit decided).
 */
export function glucoseLowForPatient(o: PatientHypoglycaemiaOptions): Criterion {
  const label = `latest glucose low for this patient: at or below ${o.limit.value} ${o.limit.unit} with diabetes, below ${o.withoutDiabetes.value} ${o.withoutDiabetes.unit} without`;
  const adaLevels = glucoseAtOrBelow(o);
  return criterion(label, (ctx): CriterionResult => {
    const ada = adaLevels.evaluate(ctx);
    if (ada.truth !== 'true') return { ...ada, trace: { criterion: label, result: ada.truth, children: [ada.trace] } };
    const r = selectAcross(ctx, GLUCOSE_ANALYTES, o.lookback).latest!;
    const below55 = judge(r, '<', o.withoutDiabetes, false);
    const dm = o.diabetes.evaluate(ctx);
    const trace: TraceNode = { criterion: label, result: 'unknown', children: [ada.trace, dm.trace] };
    const context = dm.truth === 'true' ? 'yes' : dm.truth === 'false' ? 'no' : 'unknown';
    const supporting = dm.evidence.filter((e) => e.role === 'trigger').map((e) => ({ ...e, role: 'supporting' as const }));
    if (dm.truth === 'true') {
      return { ...ada, evidence: [...ada.evidence, ...supporting], facts: { ...ada.facts, diabetesContext: context }, trace: { ...trace, result: 'true' } };
    }
    if (below55?.meets) {
      const lab = ada.evidence.map((e) => ({ ...e, note: `${below55.reason}: hypoglycaemia to evaluate even without diabetes (Endocrine Society, S41)` }));
      return { ...ada, evidence: lab, facts: { ...ada.facts, diabetesContext: context, withoutDiabetes: true }, trace: { ...trace, result: 'true' } };
    }
    const why = `${resultText(r)} is at or below ${o.limit.value} ${o.limit.unit} but not below ${o.withoutDiabetes.value} ${o.withoutDiabetes.unit}`;
    const checked = ada.evidence.map((e) => ({ ...e, role: 'checked' as const, note: `${why}: the ADA levels are for people with diabetes (S15b); without it, only below ${o.withoutDiabetes.value} ${o.withoutDiabetes.unit} counts (S41)` }));
    const facts = { ...ada.facts, diabetesContext: context };
    if (dm.truth === 'false') return { truth: 'false', evidence: [...checked, ...dm.evidence], missing: [], facts, trace: { ...trace, result: 'false' } };
    return {
      truth: 'unknown',
      evidence: [...checked, ...dm.evidence],
      missing: [`whether the patient has diabetes or takes a glucose-lowering medicine: glucose ${why}, which counts as low only then`, ...dm.missing],
      facts,
      trace,
    };
  });
}
