/**
 * `npm run bench:sweep-phases`: where one directory sweep's time goes, phase by phase, in one cold
 * process like a real `npm run evaluate -- <directory>` (the JIT starts cold: that is what a sweep
 * pays). Each phase is the evaluator's own code, called in the order the evaluator calls it:
 *   read     the file's text (readFileSync)
 *   parse    JSON.parse
 *   map      FHIR → the normalised record (mapBundle)
 *   rules    every rule on the record, and the report around the findings (buildReport)
 *   json     the NDJSON line (reportJsonLine)
 *   write    writing it (to /dev/null unless BENCH_OUT names a file)
 * Prints each phase's total over the sweep, median of BENCH_RUNS processes (default 5), in
 * wall-clock seconds or, with BENCH_CLOCK=cpu, the process's CPU seconds. The
 * totals of this process are close to, not the same as, `npm run bench:evaluator`'s whole-process
 * figures (that also counts start-up and the garbage collector's threads).
 *
 * Bundled with esbuild before it runs, as the evaluator is (package.json).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { reportJsonLine } from '../src/cli/report-json.js';
import { buildReport } from '../src/evaluation/evaluate-bundle.js';
import { mapBundle } from '../src/fhir/read-bundle.js';

const PHASES = ['read', 'parse', 'map', 'rules', 'json', 'write'] as const;
type Phase = (typeof PHASES)[number];

const DATA = resolve(process.argv[2] ?? join(process.cwd(), '..', 'shared', 'data', 'synthea-r4'));
const AS_OF = '2021-06-01';

/** One sweep in this process: seconds per phase, as one line of JSON for the parent. */
function sweepOnce(): Record<Phase, number> {
  const totals: Record<Phase, number> = { read: 0, parse: 0, map: 0, rules: 0, json: 0, write: 0 };
  const out = openSync(process.env.BENCH_OUT ?? '/dev/null', 'w');
  // CPU time of this process (all its threads, the garbage collector's too) when BENCH_CLOCK=cpu:
  // steadier than wall-clock time on a machine other work shares.
  const clock = process.env.BENCH_CLOCK === 'cpu' ? () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; } : () => performance.now();
  let t = clock();
  const lap = (phase: Phase) => {
    const now = clock();
    totals[phase] += now - t;
    t = now;
  };
  for (const name of readdirSync(DATA).filter((n) => n.toLowerCase().endsWith('.json')).sort()) {
    t = clock();
    const text = readFileSync(join(DATA, name), 'utf8');
    lap('read');
    const json = JSON.parse(text) as unknown;
    lap('parse');
    const { record, report, bundle } = mapBundle(json);
    lap('map');
    const evaluated = buildReport(record, report, AS_OF, undefined, bundle.bundleType);
    lap('rules');
    const line = reportJsonLine(evaluated, { trace: false });
    lap('json');
    writeSync(out, line);
    lap('write');
  }
  closeSync(out);
  return Object.fromEntries(PHASES.map((p) => [p, totals[p] / 1000])) as Record<Phase, number>;
}

if (process.env.BENCH_CHILD) {
  process.stdout.write(`${JSON.stringify(sweepOnce())}\n`);
} else {
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const samples: Record<Phase, number>[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, [process.argv[1]!, DATA], { env: { ...process.env, BENCH_CHILD: '1' }, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`child exited ${r.status}: ${r.stderr.split('\n')[0]}`);
    samples.push(JSON.parse(r.stdout) as Record<Phase, number>);
  }
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };
  console.log(`one sweep of ${DATA} as of ${AS_OF}, in a fresh process each time; median of ${runs} processes, ${process.env.BENCH_CLOCK === 'cpu' ? 'CPU' : 'wall-clock'} seconds`);
  let total = 0;
  for (const p of PHASES) {
    const m = median(samples.map((s) => s[p]));
    total += m;
    console.log(`  ${p.padEnd(6)} ${m.toFixed(3)}`);
  }
  console.log(`  ${'sum'.padEnd(6)} ${total.toFixed(3)}  (read + parse is the baseline's own work)`);
}
