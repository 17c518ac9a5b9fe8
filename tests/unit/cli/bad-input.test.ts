/**
 * Bad input to the evaluator stays a clear error and never hangs (issue 9, point 6): FIFOs,
 * character devices and sockets are refused without being opened for reading; files over the size
 * limit are refused with one line on stderr; a refused file prints nothing on stdout, and in a
 * directory sweep it is skipped with its line while the others are still evaluated (exit 2).
 *
 * Anything that could block (a FIFO) runs in a child process with a time bound, so a regression
 * fails this test instead of hanging the test runner.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, ftruncateSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../../../src/cli/input-limits.js';
import { runEvaluator } from '../../../src/cli/run-evaluator.js';
import { BundleBuilder } from '../../support/fhir-builder.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const LAUNCHER = join(ROOT, 'tools', 'evaluator-launcher.mjs');

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runEvaluator(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

/** The real command in a child process; a hang is killed after two minutes and fails the test. */
function command(args: string[]) {
  return spawnSync(process.execPath, [LAUNCHER, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
}

const bundle = (id: string) => JSON.stringify(new BundleBuilder({ id, gender: 'female', birthDate: '1970-01-01' }).medicationRequest({ text: 'quinine sulfate 324 MG Oral Capsule' }).bundle());

let dir: string;
let socketServer: Server;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'evaluate-bad-input-'));
  execFileSync('mkfifo', [join(dir, 'fifo.json')]);
  // Sparse: one byte over the limit without writing 64 MiB.
  const fd = openSync(join(dir, 'huge.json'), 'w');
  ftruncateSync(fd, MAX_INPUT_BYTES + 1);
  closeSync(fd);
  socketServer = createServer();
  await new Promise<void>((resolve) => socketServer.listen(join(dir, 'socket.json'), resolve));
});
afterAll(async () => {
  await new Promise<void>((resolve) => socketServer.close(() => resolve()));
});

describe('one input that is not a regular file, or too large', () => {
  it('refuses a FIFO without opening it (the command ends, exit 2, one line, nothing on stdout)', () => {
    const r = command(['--as-of', '2026-11-21', join(dir, 'fifo.json')]);
    expect(r.error).toBeUndefined(); // not killed by the time bound
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`evaluate: cannot read ${join(dir, 'fifo.json')}: a FIFO (named pipe), not a regular file\n`);
  });

  it('refuses a character device such as /dev/zero', async () => {
    expect(existsSync('/dev/zero')).toBe(true);
    expect(await cli(['/dev/zero'])).toEqual({ code: 2, stdout: '', stderr: 'evaluate: cannot read /dev/zero: a character device, not a regular file\n' });
  });

  it('refuses a socket', async () => {
    const path = join(dir, 'socket.json');
    expect(await cli([path])).toEqual({ code: 2, stdout: '', stderr: `evaluate: cannot read ${path}: a socket, not a regular file\n` });
  });

  it('refuses a file over 64 MiB before reading it, with one line', async () => {
    const path = join(dir, 'huge.json');
    expect(await cli([path])).toEqual({ code: 2, stdout: '', stderr: `evaluate: cannot read ${path}: 64.0 MiB is over the limit of 64 MiB per input file\n` });
  });

  it('reads a file of exactly the limit (the limit is inclusive) and reports it as not JSON', async () => {
    const path = join(dir, 'limit.json');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, MAX_INPUT_BYTES);
    closeSync(fd);
    const r = await cli([path]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^evaluate: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not JSON \\(`));
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('says the limit in the usage text', async () => {
    expect((await cli(['--help'])).stdout).toContain('regular files of at most 64 MiB');
  });
});

describe('a directory sweep with refused files among good ones', () => {
  it('evaluates the good bundles, gives each refused file one line, prints nothing for it, and exits 2 (real command, so a FIFO cannot hang the runner)', () => {
    const sweep = mkdtempSync(join(tmpdir(), 'evaluate-sweep-'));
    writeFileSync(join(sweep, 'a.json'), bundle('pa'));
    execFileSync('mkfifo', [join(sweep, 'b-fifo.json')]);
    const fd = openSync(join(sweep, 'c-huge.json'), 'w');
    ftruncateSync(fd, MAX_INPUT_BYTES + 1024 * 1024);
    closeSync(fd);
    writeFileSync(join(sweep, 'd.json'), bundle('pd'));
    const r = command(['--as-of', '2026-11-21', sweep]);
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(2);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).patient.id)).toEqual(['pa', 'pd']);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      `evaluate: cannot read ${join(sweep, 'b-fifo.json')}: a FIFO (named pipe), not a regular file`,
      `evaluate: cannot read ${join(sweep, 'c-huge.json')}: 65.0 MiB is over the limit of 64 MiB per input file`,
    ]);
  });
});
