/**
 * `npm run bench:evaluator`: how fast the command-line evaluator starts and sweeps, as whole
 * processes, with medians of several runs and ratios taken pair by pair (A B A B …, so a drift in
 * the shared machine's speed hits both sides of a ratio alike).
 *
 * (a) Start-up on a tiny bundle against `node -e 0`: the built evaluator (what `npm run evaluate`
 *     runs, without npm's own start-up), `npm run --silent evaluate`, and the TypeScript sources run
 *     directly (what `npm run evaluate` ran before it was built).
 * (b) Per-data cost of a directory sweep of ../shared/data/synthea-r4 (NDJSON to /dev/null) against
 *     plain readFileSync + JSON.parse of the same files (bench/read-parse.mjs), each net of its own
 *     start-up: the evaluator's on the tiny bundle, read-parse's on an empty directory.
 *     Target (issue 9): at most 1.5×. The evaluator is measured as it runs by default (one thread,
 *     like the baseline) and with `--threads 2` (the main thread and a worker): each worker loads
 *     the evaluator and compiles its hot code again, so CPU time grows whatever wall-clock time does.
 *
 * Wall-clock seconds, and CPU seconds of the child (user + system, from /proc/self/stat's cutime
 * and cstime: 10 ms resolution). `BENCH_RUNS=n` changes the number of runs (default 9 and 5).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const DATA = resolve(process.argv[2] ?? join(ROOT, '..', 'shared', 'data', 'synthea-r4'));
const RUNS = Number(process.env.BENCH_RUNS ?? 0);
const LAUNCHER = join(ROOT, 'tools', 'evaluator-launcher.mjs');
const NODE = process.execPath;

interface Sample {
  readonly wall: number;
  readonly cpu: number;
}

/** Children's CPU time so far, in seconds (Linux /proc; 0 elsewhere). */
function childCpu(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // Fields after "comm": cutime and cstime are the 14th and 15th (0-based 13, 14), in clock ticks.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return 0;
  }
}

function once(command: readonly string[]): Sample {
  const cpu0 = childCpu();
  const t0 = performance.now();
  const r = spawnSync(command[0]!, command.slice(1), { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${command.join(' ')} exited ${r.status}: ${r.stderr.split('\n')[0]}`);
  return { wall, cpu: childCpu() - cpu0 };
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Every command run `runs` times, in turn, after one warm-up round. */
function alternate(commands: Record<string, readonly string[]>, runs: number): Record<string, Sample[]> {
  const out: Record<string, Sample[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (const command of Object.values(commands)) once(command);
  for (let i = 0; i < runs; i++) for (const [name, command] of Object.entries(commands)) out[name]!.push(once(command));
  return out;
}

const pairRatio = (a: readonly Sample[], b: readonly Sample[], key: keyof Sample) => median(a.map((s, i) => s[key] / b[i]![key]));
const f3 = (x: number) => x.toFixed(3);
const f2 = (x: number) => x.toFixed(2);

// A tiny bundle: one Patient, one Observation.
const tinyDir = mkdtempSync(join(tmpdir(), 'bench-evaluator-'));
const tiny = join(tinyDir, 'tiny.json');
writeFileSync(tiny, JSON.stringify({
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    { fullUrl: 'urn:uuid:p', resource: { resourceType: 'Patient', id: 'p', gender: 'female', birthDate: '1960-01-01' } },
    { fullUrl: 'urn:uuid:o', resource: { resourceType: 'Observation', id: 'o', status: 'final', subject: { reference: 'Patient/p' }, code: { coding: [{ system: 'http://loinc.org', code: '2601-3' }] }, effectiveDateTime: '2026-11-01', valueQuantity: { value: 0.6, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' } } },
  ],
}));
const emptyDir = mkdtempSync(join(tmpdir(), 'bench-empty-'));

// Make sure the built evaluator is current before timing it (a rebuild is not start-up).
once([NODE, LAUNCHER, '--help']);

const startRuns = RUNS || 9;
const start = alternate({
  'node -e 0': [NODE, '-e', '0'],
  'evaluator (built)': [NODE, LAUNCHER, '--as-of', '2026-11-21', tiny],
  'npm run --silent evaluate': ['npm', 'run', '--silent', 'evaluate', '--', '--as-of', '2026-11-21', tiny],
}, startRuns);
const fromSources = alternate({ 'evaluator from sources (tsx)': [NODE, '--import', 'tsx', join(ROOT, 'tools', 'evaluate.ts'), '--as-of', '2026-11-21', tiny], 'node -e 0': [NODE, '-e', '0'] }, Math.min(startRuns, 3));

console.log(`(a) start-up on a tiny bundle, ${startRuns} runs each (sources: 3), alternating; medians`);
console.log(`  ${'command'.padEnd(32)} ${'wall s'.padStart(8)} ${'cpu s'.padStart(8)} ${'wall ÷ node -e 0'.padStart(18)}`);
const row = (name: string, s: Sample[], base: Sample[]) => console.log(`  ${name.padEnd(32)} ${f3(median(s.map((x) => x.wall))).padStart(8)} ${f2(median(s.map((x) => x.cpu))).padStart(8)} ${`${f2(pairRatio(s, base, 'wall'))}×`.padStart(18)}`);
for (const name of Object.keys(start)) row(name, start[name]!, start['node -e 0']!);
row('evaluator from sources (tsx)', fromSources['evaluator from sources (tsx)']!, fromSources['node -e 0']!);

const files = readdirSync(DATA).filter((n) => n.toLowerCase().endsWith('.json'));
const bytes = files.reduce((n, f) => n + statSync(join(DATA, f)).size, 0);
const sweepRuns = RUNS || 5;
const sweep = alternate({
  'read-parse start-up': [NODE, join(ROOT, 'bench', 'read-parse.mjs'), emptyDir],
  'read-parse': [NODE, join(ROOT, 'bench', 'read-parse.mjs'), DATA],
  'evaluator start-up': [NODE, LAUNCHER, '--as-of', '2021-06-01', tiny],
  'evaluator sweep': [NODE, LAUNCHER, '--as-of', '2021-06-01', DATA],
  'evaluator sweep, 2 threads': [NODE, LAUNCHER, '--threads', '2', '--as-of', '2021-06-01', DATA],
}, sweepRuns);

console.log(`\n(b) directory sweep of ${files.length} files (${(bytes / 1e6).toFixed(1)} MB) in ${DATA}, ${sweepRuns} runs each, alternating; medians`);
const net = (name: string, startup: string, key: keyof Sample) => sweep[name]!.map((s, i) => s[key] - sweep[startup]![i]![key]);
for (const key of ['wall', 'cpu'] as const) {
  const base = net('read-parse', 'read-parse start-up', key);
  console.log(`  ${key.padEnd(4)} readFileSync + JSON.parse ${f3(median(sweep['read-parse']!.map((s) => s[key])))} s, net ${f3(median(base))} s`);
  for (const name of ['evaluator sweep', 'evaluator sweep, 2 threads']) {
    const ev = net(name, 'evaluator start-up', key);
    const ratio = median(ev.map((x, i) => x / base[i]!));
    console.log(`       ${name.padEnd(28)} ${f3(median(sweep[name]!.map((s) => s[key])))} s, net ${f3(median(ev))} s;  per-data ratio ${f2(ratio)}× (target ≤ 1.5×)`);
  }
}
