/**
 * One input file of a bundle-mode run: read, evaluate, and what the evaluator prints for it. The
 * same steps whether the file is evaluated in the main thread or in a sweep worker
 * (src/cli/sweep-threads.ts), so the output cannot depend on where it ran.
 */
import { NotFhirError } from '../fhir/read-bundle.js';
import { evaluateBundleJson, type EvaluationReport } from '../evaluation/evaluate-bundle.js';
import type { Format } from './args.js';
import { formatText } from './format-text.js';
import { InputError, readJson, type InputFile } from './load-inputs.js';
import { reportJson, reportJsonLine } from './report-json.js';

/** What became of one file: a report, or the one line for stderr saying why there is none. */
export type FileEvaluation =
  | { readonly report: EvaluationReport }
  /** JSON in a directory that is not a FHIR bundle (an expected-results file): noted, not an error. */
  | { readonly skipped: string }
  | { readonly failed: string };

export function evaluateFile(file: InputFile, asOf: string, directory: boolean): FileEvaluation {
  try {
    return { report: evaluateBundleJson(readJson(file), asOf) };
  } catch (err) {
    if (err instanceof NotFhirError && directory) return { skipped: `evaluate: skipped ${file.path}: ${err.message}\n` };
    const message = err instanceof InputError ? err.message : err instanceof NotFhirError ? `${file.path}: ${err.message}` : `${file.path}: could not be evaluated (${err instanceof Error ? err.message : 'unknown error'})`;
    return { failed: `evaluate: ${message}\n` };
  }
}

export interface RenderOptions {
  readonly format: Format;
  readonly trace: boolean;
  /** A directory prints NDJSON (one line per report) or text reports separated by a blank line. */
  readonly directory: boolean;
}

/** The report as printed on stdout. */
export function renderReport(report: EvaluationReport, options: RenderOptions): string {
  if (options.format === 'text') return `${formatText(report)}\n${options.directory ? '\n' : ''}`;
  if (options.directory) return reportJsonLine(report, { trace: options.trace });
  return `${JSON.stringify(reportJson(report, { trace: options.trace }), null, 2)}\n`;
}
