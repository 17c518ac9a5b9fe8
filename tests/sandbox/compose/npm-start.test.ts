// `npm start` as a newcomer runs it (issue 10, point 10): the four address lines, `--data` passed
// through to the sandbox so extra bundles can be explored, Ctrl-C stopping everything with exit 0.
// It listens on its documented fixed ports (8090, 5173, 8091), so it runs once, in this file only.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const FIXTURES = resolve(import.meta.dirname, 'fixtures');
let child: ChildProcess | undefined;

afterEach(() => {
  if (child?.pid && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

function linesOf(c: ChildProcess): { lines: string[]; until: (pattern: RegExp) => Promise<string>; stderr: () => string } {
  const lines: string[] = [];
  let buffer = '';
  let err = '';
  const waiters: { pattern: RegExp; done: (line: string) => void }[] = [];
  c.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const w of waiters.filter((x) => x.pattern.test(line))) w.done(line);
    }
  });
  c.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  return {
    lines,
    stderr: () => err,
    until: (pattern) =>
      new Promise((done, fail) => {
        const seen = lines.find((l) => pattern.test(l));
        if (seen) return done(seen);
        waiters.push({ pattern, done });
        c.once('exit', () => fail(new Error(`exited before ${pattern}: ${lines.join('\n')} ${err}`)));
      }),
  };
}

describe('npm start', () => {
  it('prints FHIR base, EHR, App and CDS Hooks lines, loads --data bundles beside the scenario patients, and stops on Ctrl-C with exit 0', async () => {
    child = spawn('npm', ['start', '--silent', '--', '--data', resolve(FIXTURES, 'statin.json')], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const exit = new Promise<number | null>((done) => child!.once('exit', (code) => done(code)));
    const out = linesOf(child);
    const cds = await out.until(/^CDS Hooks: /);
    expect(out.lines.slice(0, 4)).toEqual(['FHIR base: http://127.0.0.1:8090/fhir', 'EHR: http://127.0.0.1:8090/ehr', 'App: http://127.0.0.1:5173/', cds]);
    const ehr = await (await fetch('http://127.0.0.1:8090/ehr?q=statin')).text();
    expect(ehr).toMatch(/\d+ of (3[3-9]|[4-9]\d) patients match/);
    process.kill(-(child.pid ?? 0), 'SIGINT');
    expect(await exit).toBe(0);
  });

  it('refuses an unknown flag with one line and exit 1', async () => {
    child = spawn('npm', ['start', '--silent', '--', '--dat', 'x'], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = linesOf(child);
    const code = await new Promise<number | null>((done) => child!.once('exit', (c) => done(c)));
    expect(code).toBe(1);
    expect(out.stderr().trim().split('\n')).toEqual([expect.stringMatching(/^start: .*--dat.*\(npm start -- \[--data DIR \.\.\.\]\)$/)]);
  });
});
