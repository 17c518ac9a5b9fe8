/**
 * One patient's Bundle → the evaluator's report: patient, findings, data status. The shape is the
 * command-line evaluator's contract (issue 3): {asOf, patient: {id, ageYears, gender}, findings,
 * dataStatus}. The app builds the same report from live searches.
 */
import { ALL_RULES, evaluate } from '../../rules/index.js';
import type { PatientRecord } from '../../rules/engine/record.js';
import { vitalStatus } from '../../rules/engine/vital-status.js';
import type { Finding, RuleDefinition } from '../../rules/engine/types.js';
import { mapBundle } from '../fhir/read-bundle.js';
import type { MappingReport } from '../fhir/mapping-report.js';

export interface PatientSummary {
  readonly id: string | null;
  /** Age on `asOf`; for a patient who died before it, age at death. */
  readonly ageYears: number | null;
  readonly gender: string | null;
  /** Dead on `asOf` (a death dated after `asOf` means alive then). */
  readonly deceased: boolean;
  /** The day of death, when the record gives one (absent for `deceasedBoolean` alone). */
  readonly deceasedDate?: string;
}

export interface EvaluationReport {
  readonly asOf: string;
  readonly patient: PatientSummary;
  readonly findings: readonly Finding[];
  readonly dataStatus: {
    readonly sources: PatientRecord['sources'];
    readonly read: Record<string, number>;
    readonly kept: Record<string, number>;
    readonly dropped: Record<string, number>;
    readonly bundleType?: string;
  };
}

export function buildReport(record: PatientRecord, report: MappingReport, asOf: string, rules: readonly RuleDefinition[] = ALL_RULES, bundleType?: string): EvaluationReport {
  const findings = evaluate(record, asOf, rules);
  const p = record.patient;
  const vital = vitalStatus(p, asOf);
  return {
    asOf,
    patient: {
      id: p?.source.id ?? null,
      ageYears: vital.ageYears ?? null,
      gender: p?.gender ?? null,
      deceased: vital.deceased,
      ...(vital.deceasedDate ? { deceasedDate: vital.deceasedDate } : {}),
    },
    findings,
    dataStatus: { sources: record.sources, ...report.toJSON(), ...(bundleType ? { bundleType } : {}) },
  };
}

/** Parsed Bundle JSON → report. Throws NotFhirError for input that is not a patient Bundle. */
export function evaluateBundleJson(json: unknown, asOf: string, rules: readonly RuleDefinition[] = ALL_RULES): EvaluationReport {
  const { record, report, bundle } = mapBundle(json);
  return buildReport(record, report, asOf, rules, bundle.bundleType);
}
