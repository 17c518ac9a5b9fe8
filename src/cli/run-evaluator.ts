/**
 * The evaluator's main loop, separate from process I/O so tests can drive it.
 */
import { calendarDayOf } from '../../rules/engine/time.js';
import { NotFhirError } from '../fhir/read-bundle.js';
import { evaluateBundleJson, type EvaluationReport } from '../evaluation/evaluate-bundle.js';
import { parseArgs, USAGE, UsageError } from './args.js';
import { formatSummary } from './format-summary.js';
import { formatText } from './format-text.js';
import { InputError, listInputs, readJson } from './load-inputs.js';
import { reportJson } from './report-json.js';

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 2;

/** Today as a calendar date on this machine: the only clock read, and it is outside the engine. */
export function today(): string {
  return calendarDayOf(new Date());
}

export function runEvaluator(argv: readonly string[], out: Output): number {
  let args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    out.stderr(`evaluate: ${err instanceof UsageError ? err.message : 'bad arguments'}\n${USAGE.split('\n')[0]}\n`);
    return EXIT_BAD_INPUT;
  }
  if (args.help) {
    out.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  const asOf = args.asOf ?? today();
  let inputs;
  try {
    inputs = listInputs(args.paths[0]!);
  } catch (err) {
    out.stderr(`evaluate: ${err instanceof InputError ? err.message : 'cannot read input'}\n`);
    return EXIT_BAD_INPUT;
  }

  const reports: EvaluationReport[] = [];
  let failed = false;
  for (const file of inputs.files) {
    let report: EvaluationReport;
    try {
      report = evaluateBundleJson(readJson(file), asOf);
    } catch (err) {
      if (err instanceof NotFhirError && inputs.directory) {
        // A directory may hold other JSON (an expected-results file): skip it, say so, carry on.
        out.stderr(`evaluate: skipped ${file.path}: ${err.message}\n`);
        continue;
      }
      failed = true;
      const message = err instanceof InputError ? err.message : err instanceof NotFhirError ? `${file.path}: ${err.message}` : `${file.path}: could not be evaluated (${err instanceof Error ? err.message : 'unknown error'})`;
      out.stderr(`evaluate: ${message}\n`);
      continue;
    }
    reports.push(report);
    if (args.summary) continue;
    if (args.format === 'text') out.stdout(`${formatText(report)}\n${inputs.directory ? '\n' : ''}`);
    else out.stdout(`${JSON.stringify(reportJson(report, { trace: args.trace }), null, inputs.directory ? undefined : 2)}\n`);
  }
  if (args.summary && reports.length) out.stdout(`${formatSummary(reports, asOf)}\n`);
  if (inputs.directory && !reports.length && !failed) {
    out.stderr(`evaluate: no FHIR bundles in ${args.paths[0]}\n`);
    return EXIT_BAD_INPUT;
  }
  return failed ? EXIT_BAD_INPUT : EXIT_OK;
}
