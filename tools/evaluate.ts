/**
 * The command-line evaluator: `npm run --silent evaluate -- --as-of 2026-11-21 path/to/bundle.json`.
 * See src/cli/args.ts for the interface. Prints findings to stdout; one-line errors to stderr; exit
 * 0 on success, 2 on bad arguments or unreadable input.
 */
import { runEvaluator } from '../src/cli/run-evaluator.js';

process.exitCode = runEvaluator(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
});
