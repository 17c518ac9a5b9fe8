/**
 * The evaluator's main loop, separate from process I/O so tests can drive it: bundle mode (a file
 * or a directory of files) and live mode (a FHIR server).
 */
import { calendarDayOf } from '../../rules/engine/time.js';
import { NotFhirError } from '../fhir/read-bundle.js';
import { WrongPatientError } from '../fhir/wrong-patient.js';
import { evaluateBundleJson, type EvaluationReport } from '../evaluation/evaluate-bundle.js';
import { parseArgs, USAGE, UsageError, type EvaluateArgs, type LiveTarget } from './args.js';
import { formatSummary } from './format-summary.js';
import { formatText } from './format-text.js';
import { evaluateLive, type LiveDependencies } from './live-mode.js';
import { checkTokenUse } from './live-target.js';
import { InputError, listInputs, readJson } from './load-inputs.js';
import { reportJson, reportJsonLine } from './report-json.js';

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** What the evaluator reads from its environment, passed in so tests never see a real token. */
export interface Environment {
  readonly FHIR_BEARER_TOKEN?: string | undefined;
}

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 2;
export const EXIT_WRONG_PATIENT = 3;

/** Today as a calendar date on this machine: the only clock read, and it is outside the engine. */
export function today(): string {
  return calendarDayOf(new Date());
}

const usageError = (out: Output, message: string) => {
  out.stderr(`evaluate: ${message}\n${USAGE.split('\n')[0]}\n`);
  return EXIT_BAD_INPUT;
};

export async function runEvaluator(argv: readonly string[], out: Output, env: Environment = {}, live: Omit<LiveDependencies, 'token' | 'warn'> = {}): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    return usageError(out, err instanceof UsageError ? err.message : 'bad arguments');
  }
  if (args.help) {
    out.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (args.live) return runLive(args, args.live, out, env, live);
  return runFiles(args, out);
}

async function runLive(args: EvaluateArgs, target: LiveTarget, out: Output, env: Environment, deps: Omit<LiveDependencies, 'token' | 'warn'>): Promise<number> {
  // An empty variable is an unset one (`FHIR_BEARER_TOKEN= npm run …`).
  const token = env.FHIR_BEARER_TOKEN || undefined;
  if (token) {
    const refused = checkTokenUse(target.fhirBase, token);
    if (refused) return usageError(out, refused);
  }
  let report;
  try {
    report = await evaluateLive(target, args.asOf ?? today(), { ...deps, ...(token ? { token } : {}), warn: (line) => out.stderr(`evaluate: ${line}\n`) });
  } catch (err) {
    if (!(err instanceof WrongPatientError)) throw err;
    out.stderr(`evaluate: ${err.message}\n`);
    return EXIT_WRONG_PATIENT;
  }
  out.stdout(args.format === 'text' ? `${formatText(report)}\n` : `${JSON.stringify(reportJson(report, { trace: args.trace }), null, 2)}\n`);
  return EXIT_OK;
}

function runFiles(args: EvaluateArgs, out: Output): number {
  const asOf = args.asOf ?? today();
  let inputs;
  try {
    inputs = listInputs(args.paths[0]!);
  } catch (err) {
    out.stderr(`evaluate: ${err instanceof InputError ? err.message : 'cannot read input'}\n`);
    return EXIT_BAD_INPUT;
  }

  // Only --summary needs the reports after they are printed; a sweep keeps none (less to collect).
  const kept: EvaluationReport[] = [];
  let evaluated = 0;
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
    evaluated += 1;
    if (args.summary) kept.push(report);
    else if (args.format === 'text') out.stdout(`${formatText(report)}\n${inputs.directory ? '\n' : ''}`);
    else if (inputs.directory) out.stdout(reportJsonLine(report, { trace: args.trace }));
    else out.stdout(`${JSON.stringify(reportJson(report, { trace: args.trace }), null, 2)}\n`);
  }
  if (args.summary && kept.length) out.stdout(`${formatSummary(kept, asOf)}\n`);
  if (inputs.directory && !evaluated && !failed) {
    out.stderr(`evaluate: no FHIR bundles in ${args.paths[0]}\n`);
    return EXIT_BAD_INPUT;
  }
  return failed ? EXIT_BAD_INPUT : EXIT_OK;
}
