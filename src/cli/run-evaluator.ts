/**
 * The evaluator's main loop, separate from process I/O so tests can drive it: bundle mode (a file
 * or a directory of files) and live mode (a FHIR server).
 */
import { calendarDayOf } from '../../rules/engine/time.js';
import { WrongPatientError } from '../fhir/wrong-patient.js';
import type { EvaluationReport } from '../evaluation/evaluate-bundle.js';
import { parseArgs, USAGE, UsageError, type EvaluateArgs, type LiveTarget } from './args.js';
import { evaluateFile, renderReport } from './evaluate-file.js';
import { formatSummary } from './format-summary.js';
import { formatText } from './format-text.js';
import { runHandouts } from './handout-mode.js';
import { evaluateLive, type LiveDependencies } from './live-mode.js';
import { checkTokenUse } from './live-target.js';
import { InputError, listInputs } from './load-inputs.js';
import { reportJson } from './report-json.js';
import { sweepOnThreads } from './sweep-threads.js';

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

/** How a directory sweep may use worker threads: they run `workerUrl`, the evaluator's entry file. */
export interface SweepOptions {
  readonly workerUrl: URL;
}

/**
 * `sweep` lets a directory sweep use worker threads (tools/evaluate.ts passes itself); without it,
 * as in the tests that call this function, every file is evaluated in this thread.
 */
export async function runEvaluator(argv: readonly string[], out: Output, env: Environment = {}, live: Omit<LiveDependencies, 'token' | 'warn'> = {}, sweep?: SweepOptions): Promise<number> {
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
  if (args.handout) return runHandouts(args.paths[0]!, args.asOf ?? today(), args.handout, args.trace, out);
  return runFiles(args, out, sweep);
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

/** Threads for a sweep: as many as `--threads` asks (no more than files), only in the built evaluator. */
function sweepThreads(args: EvaluateArgs, files: number, sweep: SweepOptions | undefined): number {
  if (!sweep || args.summary || !args.threads) return 1;
  return Math.min(args.threads, files);
}

async function runFiles(args: EvaluateArgs, out: Output, sweep: SweepOptions | undefined): Promise<number> {
  const asOf = args.asOf ?? today();
  let inputs;
  try {
    inputs = listInputs(args.paths[0]!);
  } catch (err) {
    out.stderr(`evaluate: ${err instanceof InputError ? err.message : 'cannot read input'}\n`);
    return EXIT_BAD_INPUT;
  }

  let evaluated = 0;
  let failed = false;
  // A directory may hold other JSON (an expected-results file): it is skipped with a note, not an error.
  const tally = (r: { skipped: string } | { failed: string }) => {
    if ('failed' in r) failed = true;
    out.stderr('failed' in r ? r.failed : r.skipped);
  };
  const job = { asOf, format: args.format, trace: args.trace, directory: inputs.directory };
  const threads = sweepThreads(args, inputs.files.length, sweep);
  if (threads > 1) {
    await sweepOnThreads(inputs.files, job, threads, sweep!.workerUrl, (outcome) => {
      if (!('stdout' in outcome)) return tally(outcome);
      evaluated += 1;
      out.stdout(outcome.stdout);
    });
  } else {
    // Only --summary needs the reports after they are printed; a sweep keeps none (less to collect).
    const kept: EvaluationReport[] = [];
    for (const file of inputs.files) {
      const r = evaluateFile(file, asOf, inputs.directory);
      if (!('report' in r)) {
        tally(r);
        continue;
      }
      evaluated += 1;
      if (args.summary) kept.push(r.report);
      else out.stdout(renderReport(r.report, job));
    }
    if (args.summary && kept.length) out.stdout(`${formatSummary(kept, asOf)}\n`);
  }
  if (inputs.directory && !evaluated && !failed) {
    out.stderr(`evaluate: no FHIR bundles in ${args.paths[0]}\n`);
    return EXIT_BAD_INPUT;
  }
  return failed ? EXIT_BAD_INPUT : EXIT_OK;
}
