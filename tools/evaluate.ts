/**
 * The command-line evaluator: `npm run --silent evaluate -- --as-of 2026-11-21 path/to/bundle.json`
 * or, live, `npm run --silent evaluate -- --fhir-base <URL> --patient <id>` with the token, if any,
 * in FHIR_BEARER_TOKEN. See src/cli/args.ts for the interface. Prints findings to stdout; one-line
 * errors to stderr; exit 0 when a report is printed, 2 on bad arguments or unreadable input, 3
 * when a server returned another patient's record.
 *
 * `npm run evaluate` runs this file as an esbuild bundle (tools/evaluator-launcher.mjs), rebuilt
 * whenever a source it was built from has changed. A directory sweep's worker threads run this
 * same file (or bundle), so they evaluate with exactly the code the main thread runs.
 */
import { isMainThread } from 'node:worker_threads';
import { runEvaluator } from '../src/cli/run-evaluator.js';
import { serveSweepWorker } from '../src/cli/sweep-threads.js';

const EXIT_INTERNAL = 1;

if (!isMainThread) {
  // A directory sweep's worker thread runs this same file (src/cli/sweep-threads.ts).
  serveSweepWorker();
} else {
  // A reader that stops early (`| head`) closes the pipe: stop quietly, as other command-line tools do.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });

  // Run as the TypeScript sources (node --import tsx), a worker could not load this file: Node 20
  // does not carry the loader into worker threads. The sources then sweep on this thread alone.
  const sweep = import.meta.url.endsWith('.ts') ? undefined : { workerUrl: new URL(import.meta.url) };
  try {
    process.exitCode = await runEvaluator(process.argv.slice(2), {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
    }, { FHIR_BEARER_TOKEN: process.env.FHIR_BEARER_TOKEN }, {}, sweep);
  } catch (err) {
    // A defect, not an input problem: one line, no stack trace (it could quote patient data).
    process.stderr.write(`evaluate: internal error (${err instanceof Error ? err.name : 'unknown'})\n`);
    process.exitCode = EXIT_INTERNAL;
  }
}
