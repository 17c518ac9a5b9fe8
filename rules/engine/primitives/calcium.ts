/**
 * Which calcium to believe, and the albumin correction (knowledge base B2, B10, section 3; S14).
 *
 * About half of serum calcium is bound to albumin, so a low albumin makes a total calcium look
 * low when the physiologically active (ionised) calcium is normal. The engine therefore reads, in
 * this order of preference:
 *  1. a measured ionised calcium (1995-0, 1994-3, 17864-0): the knowledge base says to prefer it,
 *     because the correction is only an estimate. It decides unless a total calcium was drawn more
 *     than `ionisedPreference` after it (then the patient's newer state decides);
 *  2. a corrected calcium the lab reported itself (29265-6), used as it is;
 *  3. a total calcium (17861-6, 2000-8, 49765-1) corrected with an albumin (1751-7) drawn within
 *     `albuminPairing` of it: Ca + 0.8 × (4.0 − albumin g/dL) in mg/dL (◐), or
 *     Ca + 0.02 × (40 − albumin g/L) in mmol/L (⚠️), in the unit the calcium was sent in —
 *     only when the albumin is below 4.0 g/dL (40 g/L): the correction corrects upward only
 *     (rule catalogue, second round), so an albumin of 5.3 g/dL never "corrects" a normal
 *     calcium of 8.85 mg/dL down to 7.82. With albumin below 2.5 g/dL the estimate is unreliable:
 *     the finding says so and asks for an ionised calcium (KB B2);
 *  4. a total calcium with no albumin close in time, or with an albumin at or above 4.0 g/dL,
 *     used as measured, and every note says why.
 * Between 2 and 3/4 the newer result wins; on the same day the lab's own corrected value wins.
 *
 * A corrected value is judged against the total calcium's own reference range (that is how the
 * corrected figure is read in practice), never against the lab's L/H flag: that flag judged the
 * uncorrected number, and the whole point of the correction is that it may be misleading.
 *
 * Windows: calcium results within the rule's lookback (3 months, electrolytes); the albumin may
 * be up to 7 days either side of the calcium, so its own lookback is 3 months and 7 days.
 */
import { ANALYTES, type AnalyteId } from '../../codes/labs.js';
import type { EvaluationContext } from '../context.js';
import { criterion, result, type Criterion, type CriterionResult } from '../criterion.js';
import { count, duration, type ThresholdParameter } from '../parameters.js';
import type { LabResult } from '../record.js';
import { addDuration, daysBetween, lookbackStart } from '../time.js';
import type { EvidenceItem, EvidenceRole } from '../types.js';
import { explainMissingAcross, newerUninterpretableAcross, selectAcross, unusableAcross } from './lab-group.js';
import { labEvidence, resultText, selectLab } from './lab-selection.js';
import { judge, resultNote, type Comparison, type Judgement } from './lab-threshold.js';

export const CALCIUM_ANALYTES = ['calcium-ionised', 'calcium-corrected', 'calcium-total'] as const satisfies readonly AnalyteId[];

export const CALCIUM_PARAMETERS = {
  albuminPairing: duration(
    'An albumin corrects a total calcium when drawn this close to it (before or after). Albumin has a half-life of about three weeks, so outside acute illness it barely moves in a week; a wider gap risks pairing values from different clinical states',
    'P7D',
    'project decision (KB S14 asks for albumin correction without a window)',
  ),
  ionisedPreference: duration(
    'A measured ionised calcium decides unless a total calcium was drawn more than this after it',
    'P7D',
    'project decision (KB section 3: prefer measured ionised calcium)',
  ),
  correctionPerGdl: count('Albumin correction in mg/dL: added per g/dL of albumin below the reference albumin', 0.8, 'KB section 3 (S14)', 'mg/dL per g/dL', '◐'),
  referenceAlbuminGdl: count('Reference albumin of the correction (mg/dL form)', 4.0, 'KB section 3 (S14)', 'g/dL', '◐'),
  correctionPerGl: count('Albumin correction in mmol/L: added per g/L of albumin below the reference albumin', 0.02, 'KB section 3 (S14, SI form)', 'mmol/L per g/L', '⚠️'),
  referenceAlbuminGl: count('Reference albumin of the correction (mmol/L form)', 40, 'KB section 3 (S14, SI form)', 'g/L', '⚠️'),
  correctOnlyBelowGdl: count('Correct total calcium only when albumin is below (40 g/L); at or above it, use the calcium as measured', 4.0, 'rule catalogue, second round', 'g/dL', '✅'),
  unreliableBelowGdl: count('Below this albumin (25 g/L) the corrected calcium is unreliable: measure ionised calcium', 2.5, 'rule catalogue, second round (KB B2)', 'g/dL', '✅'),
} as const;

/** The albumin search reaches one pairing window further back than the calcium lookback. */
export function albuminLookback(calciumLookback: string): string {
  return `${calciumLookback}${CALCIUM_PARAMETERS.albuminPairing.iso.slice(1)}`;
}

export type CalciumBasis = 'ionised' | 'reported-corrected' | 'albumin-corrected' | 'uncorrected';

export interface CalciumReading {
  readonly basis: CalciumBasis;
  /** The calcium Observation as measured. */
  readonly measured: LabResult;
  /** What is judged: the measured result, or a copy carrying the albumin-corrected value. */
  readonly judged: LabResult;
  readonly albumin?: LabResult;
  /** Why a total calcium was not corrected. */
  readonly uncorrectedBecause?: string;
  /** An albumin paired with the calcium but not used, because it was not below 4.0 g/dL. */
  readonly albuminNotApplied?: LabResult;
  /** Why an albumin-corrected value is unreliable (albumin below 2.5 g/dL). */
  readonly unreliable?: string;
  /** Other calcium results in the window that were not used, and why. */
  readonly setAside: readonly { readonly result: LabResult; readonly why: string }[];
}

export interface CalciumLookup {
  readonly reading?: CalciumReading;
  /** When there is no reading: why, in words. */
  readonly missing: readonly string[];
  readonly unusable: readonly EvidenceItem[];
  /** Sources not read in full that could hide a newer or preferred result, or the albumin, in words. */
  readonly incomplete: readonly string[];
}

const round = (x: number) => Math.round(x * 1e6) / 1e6; // strip floating-point noise, nothing clinical

/** The albumin-corrected value in the calcium's own unit family (mg/dL or mmol/L), or undefined. */
export function albuminCorrected(total: LabResult, albumin: LabResult): { value: number; unit: 'mg/dL' | 'mmol/L' } | undefined {
  const alb = albumin.canonical?.value; // g/dL
  const v = total.value;
  if (alb === undefined || !v) return undefined;
  const p = CALCIUM_PARAMETERS;
  if (v.unit === 'mg/dL' || v.unit === 'mg/L') {
    const mgdl = v.unit === 'mg/L' ? v.value / 10 : v.value;
    return { value: round(mgdl + p.correctionPerGdl.value * (p.referenceAlbuminGdl.value - alb)), unit: 'mg/dL' };
  }
  if (v.unit === 'mmol/L' || v.unit === 'mEq/L') {
    const mmol = v.unit === 'mEq/L' ? v.value / 2 : v.value;
    return { value: round(mmol + p.correctionPerGl.value * (p.referenceAlbuminGl.value - alb * 10)), unit: 'mmol/L' };
  }
  return undefined;
}

/** The usable albumin closest in time to `day`, within the pairing window and not after `asOf`. */
function pairedAlbumin(ctx: EvaluationContext, day: string): LabResult | undefined {
  const window = CALCIUM_PARAMETERS.albuminPairing.iso;
  const from = lookbackStart(day, window);
  const to = addDuration(day, window);
  let best: LabResult | undefined;
  for (const a of ctx.record.labs.albumin ?? []) {
    if (!a.usable || !a.date || a.date < from || a.date > to || a.date > ctx.asOf) continue;
    const gap = Math.abs(daysBetween(day, a.date));
    const bestGap = best ? Math.abs(daysBetween(day, best.date!)) : Infinity;
    if (gap < bestGap || (gap === bestGap && a.date > best!.date!)) best = a;
  }
  return best;
}

function totalReading(ctx: EvaluationContext, total: LabResult, lookback: string): { reading: Omit<CalciumReading, 'setAside'>; incomplete?: string } {
  const albumin = pairedAlbumin(ctx, total.date!);
  const p = CALCIUM_PARAMETERS;
  const albuminGdl = albumin?.canonical?.value;
  if (albumin && albuminGdl !== undefined && albuminGdl >= p.correctOnlyBelowGdl.value) {
    const because = `albumin ${resultText(albumin)} of ${albumin.date} is not below 4.0 g/dL (40 g/L): the correction is only applied upward`;
    return { reading: { basis: 'uncorrected', measured: total, judged: total, uncorrectedBecause: because, albuminNotApplied: albumin } };
  }
  const corrected = albumin ? albuminCorrected(total, albumin) : undefined;
  if (albumin && corrected) {
    const judged: LabResult = { ...total, value: corrected, interpretation: [] };
    const unreliable = albuminGdl !== undefined && albuminGdl < p.unreliableBelowGdl.value
      ? `albumin ${resultText(albumin)} is below ${p.unreliableBelowGdl.value} g/dL (25 g/L): the corrected calcium is an unreliable estimate; measure ionised calcium`
      : undefined;
    return { reading: { basis: 'albumin-corrected', measured: total, judged, albumin, ...(unreliable ? { unreliable } : {}) } };
  }
  const albSel = selectLab(ctx, 'albumin', albuminLookback(lookback));
  const because = !albSel.complete
    ? `albumin results ${albSel.sourceProblem ?? 'could not be read'}`
    : `no usable albumin within ${formatDays(CALCIUM_PARAMETERS.albuminPairing.iso)} of it`;
  return {
    reading: { basis: 'uncorrected', measured: total, judged: total, uncorrectedBecause: because },
    ...(!albSel.complete ? { incomplete: `${because}, so the calcium could not be corrected for albumin` } : {}),
  };
}

function formatDays(iso: string): string {
  return iso.replace(/^P(\d+)D$/, '$1 days');
}

export function findCalcium(ctx: EvaluationContext, lookback: string): CalciumLookup {
  return ctx.memoise(`calcium:${lookback}`, () => {
    const group = selectAcross(ctx, CALCIUM_ANALYTES, lookback);
    const [ionSel, corrSel, totSel] = group.selections;
    const ionised = ionSel!.latest;
    const reported = corrSel!.latest;
    const total = totSel!.latest;
    const incomplete: string[] = group.sourceProblems.map((p) => `${p}: a newer or preferred calcium result may be missing`);

    // The total-calcium side: the newer of a lab-corrected and a measured total; same day → the lab's own.
    const totalSide = reported && (!total || (reported.date ?? '') >= (total.date ?? '')) ? reported : total;
    const setAside: { result: LabResult; why: string }[] = [];
    if (reported && total && totalSide === reported) setAside.push({ result: total, why: 'not used: the lab reported an albumin-corrected calcium for the same or a later day' });
    if (reported && total && totalSide === total) setAside.push({ result: reported, why: `not used: a newer total calcium (${total.date}) was corrected instead` });

    const ionisedDecides = ionised && (!totalSide || (totalSide.date ?? '') <= addDuration(ionised.date!, CALCIUM_PARAMETERS.ionisedPreference.iso));
    let reading: CalciumReading | undefined;
    if (ionised && ionisedDecides) {
      if (totalSide) setAside.push({ result: totalSide, why: 'not used: a measured ionised calcium is preferred to a total or corrected one' });
      reading = { basis: 'ionised', measured: ionised, judged: ionised, setAside };
    } else if (totalSide) {
      if (ionised) setAside.push({ result: ionised, why: `not used: a total calcium was drawn more than ${formatDays(CALCIUM_PARAMETERS.ionisedPreference.iso)} after it` });
      if (totalSide === reported) reading = { basis: 'reported-corrected', measured: reported, judged: reported, setAside };
      else {
        const t = totalReading(ctx, totalSide, lookback);
        if (t.incomplete) incomplete.push(t.incomplete);
        reading = { ...t.reading, setAside };
      }
    }
    if (!reading) return { missing: explainMissingAcross(group.selections, lookback, 'calcium (total, albumin-corrected or ionised)'), unusable: unusableAcross(group.selections), incomplete };
    return { reading, missing: [], unusable: [], incomplete };
  });
}

/** The limits a calcium reading is judged against: one for total/corrected calcium, one for ionised. */
export interface CalciumLimits {
  readonly total: ThresholdParameter;
  readonly ionised: ThresholdParameter;
}

export function judgeCalcium(reading: CalciumReading, op: Comparison, limits: CalciumLimits, useLabRange: boolean): Judgement | undefined {
  return judge(reading.judged, op, reading.basis === 'ionised' ? limits.ionised : limits.total, useLabRange);
}

/** "albumin-corrected 8.1 mg/dL (measured 7.3 mg/dL, albumin 3.0 g/dL)" and the like, without the date. */
export function describeReading(reading: CalciumReading): string {
  const { measured, judged, albumin } = reading;
  switch (reading.basis) {
    case 'ionised':
      return `ionised calcium ${resultText(measured)}`;
    case 'reported-corrected':
      return `corrected calcium ${resultText(measured)} (corrected by the lab)`;
    case 'albumin-corrected':
      return `albumin-corrected calcium ${resultText(judged)} (measured ${resultText(measured)}, albumin ${resultText(albumin!)})`;
    case 'uncorrected':
      return reading.albuminNotApplied
        ? `calcium ${resultText(measured)} (albumin ${resultText(reading.albuminNotApplied)}: not corrected, only a low albumin is corrected for)`
        : `calcium ${resultText(measured)} (not corrected for albumin)`;
  }
}

function formula(reading: CalciumReading): string {
  const p = CALCIUM_PARAMETERS;
  return reading.judged.value?.unit === 'mmol/L'
    ? `Ca + ${p.correctionPerGl.value} × (${p.referenceAlbuminGl.value} − albumin g/L)`
    : `Ca + ${p.correctionPerGdl.value} × (${p.referenceAlbuminGdl.value} − albumin g/dL)`;
}

/** Evidence: the calcium (its note carries the corrected value and the judgement), the albumin used, and what was set aside. */
export function calciumEvidence(reading: CalciumReading, j: Judgement, role: EvidenceRole): EvidenceItem[] {
  const { measured, albumin } = reading;
  const judged = resultNote(reading.judged, j);
  const note =
    reading.basis === 'albumin-corrected'
      ? `albumin-corrected ${resultText(reading.judged)} = ${formula(reading)} with albumin ${resultText(albumin!)} of ${albumin!.date}; ${judged}${reading.unreliable ? `; ${reading.unreliable}` : ''}`
      : reading.basis === 'uncorrected'
        ? `not corrected for albumin (${reading.uncorrectedBecause}); ${judged}`
        : reading.basis === 'ionised'
          ? `measured ionised calcium (preferred to a corrected total); ${judged}`
          : `corrected for albumin by the lab; ${judged}`;
  const items = [labEvidence(measured, role, note)];
  if (albumin) items.push(labEvidence(albumin, role, `albumin used to correct the calcium of ${measured.date}${reading.unreliable ? ' (below 2.5 g/dL: estimate unreliable)' : ''}`));
  if (reading.albuminNotApplied) items.push(labEvidence(reading.albuminNotApplied, 'checked', `not below 4.0 g/dL: the calcium of ${measured.date} is used as measured (the correction is only applied upward)`));
  for (const s of reading.setAside) items.push(labEvidence(s.result, 'checked', s.why));
  return items;
}

export function calciumFacts(reading: CalciumReading): Record<string, string | number> {
  return {
    calcium: `${describeReading(reading)} on ${reading.measured.date}`,
    calciumBasis: reading.basis,
    ...(reading.unreliable ? { calciumUnreliable: reading.unreliable } : {}),
    ...(reading.albuminNotApplied ? { albuminNotApplied: `${resultText(reading.albuminNotApplied)}` } : {}),
    ...(reading.judged.value ? { calciumValue: reading.judged.value.value, calciumUnit: reading.judged.value.unit } : {}),
  };
}

export interface CalciumThresholdOptions {
  readonly op: Comparison;
  readonly limits: CalciumLimits;
  readonly lookback: string;
  readonly useLabRange: boolean;
  /** Words for the trace: "calcium (corrected or ionised) below the lower limit". */
  readonly what: string;
}

/** Criterion: the calcium reading (ionised, lab-corrected, albumin-corrected or uncorrected) against a limit. */
export function calciumThreshold(o: CalciumThresholdOptions): Criterion {
  return criterion(o.what, (ctx): CriterionResult => {
    const found = findCalcium(ctx, o.lookback);
    const reading = found.reading;
    if (!reading) return result('unknown', o.what, { evidence: [...found.unusable], missing: found.missing });
    const j = judgeCalcium(reading, o.op, o.limits, o.useLabRange);
    if (!j) {
      return result('unknown', o.what, {
        evidence: [labEvidence(reading.measured, 'unusable', 'unit cannot be compared with the limit')],
        missing: [`${ANALYTES[reading.measured.analyte as AnalyteId].name} ${resultText(reading.measured)} cannot be compared with the limit`],
      });
    }
    const facts = calciumFacts(reading);
    if (j.meets) return result('true', o.what, { evidence: calciumEvidence(reading, j, 'trigger'), facts, note: j.reason });
    if (found.incomplete.length) {
      return result('unknown', o.what, { evidence: calciumEvidence(reading, j, 'checked'), missing: [...found.incomplete] });
    }
    const newer = newerUninterpretableAcross(CALCIUM_ANALYTES.map((a) => selectLab(ctx, a, o.lookback)), reading.measured);
    if (newer) return result('unknown', o.what, { evidence: [...calciumEvidence(reading, j, 'checked'), ...newer.evidence], missing: newer.missing });
    return result('false', o.what, { evidence: calciumEvidence(reading, j, 'checked'), facts, note: j.reason });
  });
}
