/**
 * `npm run evaluate`: runs the command-line evaluator from its esbuild bundle, building it first
 * when there is none or a source changed since (tools/evaluator-bundle.mjs), so an edited rule is
 * always what runs. The arguments, output and exit status are tools/evaluate.ts's.
 */
import { pathToFileURL } from 'node:url';
import { buildBundle, freshBundle } from './evaluator-bundle.mjs';

const EXIT_INTERNAL = 1;

let bundle = freshBundle();
if (!bundle) {
  try {
    bundle = await buildBundle();
  } catch (err) {
    // A syntax error in a source, or esbuild missing: say which, in a few lines, and stop.
    const errors = err && Array.isArray(err.errors) ? err.errors : [];
    const where = (e) => (e.location ? `${e.location.file}:${e.location.line}: ` : '');
    const detail = errors.length ? errors.slice(0, 5).map((e) => `  ${where(e)}${e.text}`).join('\n') : `  ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`;
    process.stderr.write(`evaluate: could not build the evaluator from its sources (run npm ci if esbuild is missing):\n${detail}\n`);
    process.exit(EXIT_INTERNAL);
  }
}
try {
  await import(pathToFileURL(bundle).href);
} catch (err) {
  // Only a defect while the modules load (a rule definition that does not pass its checks) gets
  // here: the evaluator catches everything else. Its message names code, not patient data.
  process.stderr.write(`evaluate: the evaluator failed to start (${err instanceof Error ? `${err.name}: ${err.message.split('\n')[0]}` : String(err)})\n`);
  process.exit(EXIT_INTERNAL);
}
