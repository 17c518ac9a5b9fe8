/**
 * The baseline of `npm run bench:evaluator`: read and parse every *.json file of a directory, in
 * name order, as the evaluator's directory sweep does, and nothing else. Plain JavaScript, so its
 * start-up is Node's own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let entries = 0;
for (const name of readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.json')).sort()) {
  const json = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  entries += Array.isArray(json.entry) ? json.entry.length : 0;
}
// Something is done with the result, so no step can be skipped.
process.stdout.write(`${entries}\n`);
