/**
 * One patient's Bundle → the handout the app would print, built by the same steps as the app:
 * the same mappers and engine (src/evaluation/evaluate-bundle.ts), the same safety context, the
 * same builder and suppressions, as if the clinician had marked nothing and entered no frequency.
 * For the command line (`evaluate --handout en|es`). A patient who has died gets no handout, as in
 * the app (rule catalogue, second round).
 */
import { buildReport, type EvaluationReport } from '../evaluation/evaluate-bundle.js';
import { mapBundle } from '../fhir/read-bundle.js';
import { patientDisplay } from '../fhir/patient-display.js';
import { buildHandout } from './build-handout.js';
import type { ClinicContact } from './clinic.js';
import type { Language } from './language.js';
import type { Handout, HandoutLayout } from './model.js';
import { computeSafetyContext } from './safety-context.js';

export interface BundleHandout {
  readonly report: EvaluationReport;
  /** Absent for a patient who has died. */
  readonly handout?: Handout;
}

export interface BundleHandoutOptions {
  readonly layout?: HandoutLayout;
  readonly clinic?: ClinicContact;
}

/** Throws NotFhirError for input that is not a patient Bundle, as the evaluator does. */
export function handoutForBundle(json: unknown, asOf: string, language: Language, options: BundleHandoutOptions = {}): BundleHandout {
  const { record, report: mapping, bundle } = mapBundle(json);
  const report = buildReport(record, mapping, asOf, undefined, bundle.bundleType);
  if (report.patient.deceased) return { report };
  const patient = bundle.set.ofType('Patient').find((p) => !record.patient || p.id === record.patient.source.id);
  const handout = buildHandout({
    findings: report.findings,
    language,
    patientName: patientDisplay(patient)?.name ?? '',
    date: asOf,
    context: computeSafetyContext(record, asOf, report.findings),
    ...(options.layout ? { layout: options.layout } : {}),
    ...(options.clinic ? { clinic: options.clinic } : {}),
  });
  return { report, handout };
}
