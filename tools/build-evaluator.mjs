/**
 * `npm ci` / `npm install` (the `prepare` script): build the command-line evaluator's bundle now,
 * so the first `npm run evaluate` starts fast. Never fails the install: should the build fail
 * (a source being edited), the launcher builds on first use and reports the problem then.
 */
import { buildBundle, freshBundle } from './evaluator-bundle.mjs';

try {
  if (!freshBundle()) await buildBundle();
} catch (err) {
  process.stderr.write(`prepare: the evaluator was not built now (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); npm run evaluate will build it\n`);
}
