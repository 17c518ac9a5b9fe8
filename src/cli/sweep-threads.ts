/**
 * A directory sweep on several threads: the main thread and `threads - 1` worker threads each
 * take the next file in name order, evaluate it with the same code (src/cli/evaluate-file.ts), and
 * the main thread prints the results strictly in file order, so stdout and stderr are byte for
 * byte what one thread prints. Each thread reads and parses its own files; a worker sends back
 * only the text to print.
 *
 * Why, and when: the patients are independent, so with processors to spare a sweep can share
 * them out (`--threads N`). The main thread evaluates too, from the first file on, so the time a
 * worker takes to start is not time lost. But each worker loads the whole evaluator and compiles
 * its hot code again (V8's optimising compiler: about a quarter of a sweep's CPU time), so on two
 * processors, where one thread already has the second one compiling for it, the sweep was no
 * faster and used a fifth to a quarter more CPU time (README, Benchmarks). One thread is the default.
 *
 * A worker runs the evaluator's own entry file (`workerUrl`: tools/evaluate.ts, or its esbuild
 * bundle), which calls serveSweepWorker() when it finds SWEEP_WORKER_ROLE in its workerData.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { evaluateFile, renderReport, type RenderOptions } from './evaluate-file.js';
import type { InputFile } from './load-inputs.js';

export const SWEEP_WORKER_ROLE = 'evaluator-sweep-worker';

/** What every thread needs to evaluate and print a file the same way. */
export interface SweepJob extends RenderOptions {
  readonly asOf: string;
}

/** A file's outcome as the sweep prints it: a report's text, or one line on stderr. */
export type SweepOutcome = { readonly stdout: string } | { readonly skipped: string } | { readonly failed: string };

export function sweepOutcome(file: InputFile, job: SweepJob): SweepOutcome {
  const r = evaluateFile(file, job.asOf, job.directory);
  return 'report' in r ? { stdout: renderReport(r.report, job) } : r;
}

type WorkerMessage = { readonly ready: true } | { readonly index: number; readonly outcome: SweepOutcome };

/** Files a worker is given ahead, so it never waits for the main thread between two files. */
const QUEUED_PER_WORKER = 2;
/**
 * How far ahead of the next file to print any thread may start one: finished reports wait in
 * memory until every earlier one is printed, so this bounds that memory.
 */
const MAX_AHEAD = 32;

/**
 * Evaluate `files` on `threads` threads; `emit` receives each file's outcome in file order.
 * Rejects (after stopping every worker) if a worker fails, which only a defect can cause.
 */
export async function sweepOnThreads(files: readonly InputFile[], job: SweepJob, threads: number, workerUrl: URL, emit: (outcome: SweepOutcome) => void): Promise<void> {
  const done: (SweepOutcome | undefined)[] = [];
  let nextToStart = 0;
  let nextToEmit = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const wakeMain = () => {
    wake?.();
    wake = undefined;
  };

  const claim = (): number | undefined => (nextToStart < files.length && nextToStart - nextToEmit < MAX_AHEAD ? nextToStart++ : undefined);
  const feeders: (() => void)[] = [];
  const feedWorkers = () => {
    for (const feed of feeders) feed();
  };
  const finish = (index: number, outcome: SweepOutcome) => {
    done[index] = outcome;
    while (nextToEmit < files.length && done[nextToEmit]) {
      emit(done[nextToEmit]!);
      done[nextToEmit] = undefined;
      nextToEmit++;
    }
    // Printing lets more files within MAX_AHEAD: a worker left idle by that bound gets some.
    feedWorkers();
  };

  const workers: Worker[] = [];
  for (let w = 1; w < threads; w++) {
    const worker = new Worker(workerUrl, { workerData: { role: SWEEP_WORKER_ROLE, job } });
    let ready = false;
    let queued = 0;
    feeders.push(() => {
      while (ready && queued < QUEUED_PER_WORKER) {
        const index = claim();
        if (index === undefined) return;
        queued++;
        worker.postMessage({ index, file: files[index] });
      }
    });
    worker.on('message', (m: WorkerMessage) => {
      if ('index' in m) {
        queued--;
        finish(m.index, m.outcome);
      } else {
        ready = true;
        feedWorkers();
      }
      wakeMain();
    });
    worker.on('error', (err) => {
      failure ??= err;
      wakeMain();
    });
    worker.on('exit', (code) => {
      if (nextToEmit < files.length) failure ??= new Error(`a sweep worker stopped (exit code ${code})`);
      wakeMain();
    });
    workers.push(worker);
  }

  try {
    while (nextToEmit < files.length && !failure) {
      const index = claim();
      if (index !== undefined) {
        finish(index, sweepOutcome(files[index]!, job));
        // Let the workers' messages in between two files: their results, their requests for more.
        await new Promise((resolve) => setImmediate(resolve));
      } else {
        // Every remaining file is with a worker, or too far ahead of the next one to print.
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  if (failure) throw failure;
}

/** A worker's side: evaluate each file it is sent and send back what to print. */
export function serveSweepWorker(): void {
  if (isMainThread || !parentPort || (workerData as { role?: unknown } | null)?.role !== SWEEP_WORKER_ROLE) return;
  const port = parentPort;
  const { job } = workerData as { job: SweepJob };
  port.on('message', (m: { index: number; file: InputFile }) => {
    port.postMessage({ index: m.index, outcome: sweepOutcome(m.file, job) } satisfies WorkerMessage);
  });
  port.postMessage({ ready: true } satisfies WorkerMessage);
}
