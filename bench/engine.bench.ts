/**
 * `npm run bench:engine`: how fast the engine maps and evaluates a real patient.
 *
 * Reads every Synthea bundle in ../shared/data/synthea-r4 once (file reading and JSON parsing are
 * not timed), then over several rounds times mapping (FHIR → record) plus evaluation (every rule)
 * per patient, on one core, and prints the median and 95th-percentile milliseconds per patient and
 * patients per second. Two regimes:
 * - warm: the medication-resolution memo is shared across patients (a long-running service);
 * - cold: the memo is cleared before each patient (the browser app, one patient per launch).
 * Target (issue 3): median under 2 ms per Synthea patient.
 *
 * `npm run bench:engine` bundles this file with esbuild before running it, as Vite bundles the
 * engine for the app: the TypeScript runner's per-call module indirections are not part of what
 * ships, so they are not measured. Timing is per patient, not per process.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearMedicationResolutionCache } from '../rules/engine/context.js';
import { evaluateBundleJson } from '../src/evaluation/evaluate-bundle.js';

// Run from the project root (npm scripts do): ../shared/data/synthea-r4 unless a directory is given.
const DATA = resolve(process.argv[2] ?? join(process.cwd(), '..', 'shared', 'data', 'synthea-r4'));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const AS_OF = '2021-06-01';

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

const files = readdirSync(DATA).filter((f) => f.endsWith('.json')).sort();
const bundles = files.map((f) => JSON.parse(readFileSync(join(DATA, f), 'utf8')) as unknown);
const resources = bundles.reduce<number>((n, b) => n + ((b as { entry?: unknown[] }).entry?.length ?? 0), 0);

function measure(cold: boolean): { samples: number[]; totalMs: number } {
  const samples: number[] = [];
  let totalMs = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const bundle of bundles) {
      if (cold) clearMedicationResolutionCache();
      const t0 = performance.now();
      evaluateBundleJson(bundle, AS_OF);
      const dt = performance.now() - t0;
      totalMs += dt;
      samples.push(dt);
    }
  }
  return { samples: samples.sort((a, b) => a - b), totalMs };
}

// Warm-up: let the JIT compile the hot paths before anything is timed.
for (const bundle of bundles) evaluateBundleJson(bundle, AS_OF);

console.log(`engine benchmark: ${bundles.length} Synthea patients (${resources} resources), ${ROUNDS} rounds each, as of ${AS_OF}, one core`);
for (const cold of [false, true]) {
  const { samples, totalMs } = measure(cold);
  const median = percentile(samples, 50);
  const p95 = percentile(samples, 95);
  const perSecond = (samples.length / totalMs) * 1000;
  console.log(`${cold ? 'cold' : 'warm'}: median ${median.toFixed(3)} ms/patient, p95 ${p95.toFixed(3)} ms/patient, max ${samples[samples.length - 1]!.toFixed(3)} ms, ${perSecond.toFixed(0)} patients/s`);
}
