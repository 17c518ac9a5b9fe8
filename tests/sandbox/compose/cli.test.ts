// `npm run sandbox` as a real child process, the way a person or a script starts it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES } from './support';

const ROOT = resolve(import.meta.dirname, '../../..');
const running: ChildProcess[] = [];

interface Started {
  readonly child: ChildProcess;
  readonly lines: string[];
  readonly stderr: () => string;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Spawns in its own process group (detached), so a signal can go to the whole group as Ctrl-C sends it. */
function run(args: readonly string[]): Started {
  const child = spawn('npm', ['run', '--silent', 'sandbox', '--', ...args], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  const lines: string[] = [];
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    const parts = out.split('\n');
    out = parts.pop() ?? '';
    lines.push(...parts);
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  return { child, lines, stderr: () => err, exit };
}

async function waitForLine(started: Started, pattern: RegExp, ms = 60_000): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const line = started.lines.find((l) => pattern.test(l));
    if (line) return line;
    if (Date.now() > deadline || started.child.exitCode !== null) throw new Error(`no line ${pattern}; stdout: ${started.lines.join('\n')}; stderr: ${started.stderr()}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

afterEach(() => {
  // A failed assertion must not leave a sandbox running: end the group each test started.
  for (const child of running.splice(0)) {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
});

describe('npm run sandbox', () => {
  it('prints the two address lines, serves them, and exits 0 on Ctrl-C (SIGINT to the process group)', async () => {
    const started = run(['--port', '0', '--patients', FIXTURES]);
    const fhirLine = await waitForLine(started, /^FHIR base: /);
    const ehrLine = await waitForLine(started, /^EHR: /);
    expect(fhirLine).toMatch(/^FHIR base: http:\/\/127\.0\.0\.1:\d+\/fhir$/);
    expect(ehrLine).toMatch(/^EHR: http:\/\/127\.0\.0\.1:\d+\/ehr$/);
    const fhirBase = fhirLine.slice('FHIR base: '.length);
    expect((await fetch(`${fhirBase}/metadata`)).status).toBe(200);
    expect(await (await fetch(ehrLine.slice('EHR: '.length))).text()).toContain('fx-thiazide-low-mg');
    await waitForLine(started, /Ctrl-C/);
    expect(started.lines.join('\n')).toMatch(/Loaded 3 patients/);

    process.kill(-(started.child.pid ?? 0), 'SIGINT');
    expect(await started.exit).toEqual({ code: 0, signal: null });
    await expect(fetch(`${fhirBase}/metadata`)).rejects.toThrow(); // closed, not just detached
  });

  it('exits 0 on SIGTERM sent to npm alone (a supervisor stopping it)', async () => {
    const started = run(['--port', '0', '--patients', FIXTURES]);
    await waitForLine(started, /^EHR: /);
    started.child.kill('SIGTERM');
    expect(await started.exit).toEqual({ code: 0, signal: null });
  });

  it('says in one line that the port is in use, and exits 1', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const port = (blocker.address() as { port: number }).port;
    try {
      const started = run(['--port', String(port), '--patients', FIXTURES]);
      expect(await started.exit).toEqual({ code: 1, signal: null });
      expect(started.lines).toEqual([]);
      expect(started.stderr()).toBe(`sandbox: port ${port} is already in use on 127.0.0.1; stop the other server or pass --port N (0 picks a free port)\n`);
    } finally {
      await new Promise<void>((done) => blocker.close(() => done()));
    }
  });

  it('refuses an unknown flag in one line with exit 1, and --help exits 0', async () => {
    const bad = run(['--prot', '1']);
    expect(await bad.exit).toEqual({ code: 1, signal: null });
    expect(bad.stderr()).toMatch(/^sandbox: Unknown option '--prot'.*\n$/);
    const help = run(['--help']);
    expect(await help.exit).toEqual({ code: 0, signal: null });
    expect(help.lines[0]).toBe('Usage: npm run sandbox -- [options]');
  });

  it('refuses --host beyond loopback without --public-url, in one line with exit 1', async () => {
    const refused = run(['--host', '0.0.0.0', '--port', '0', '--patients', FIXTURES]);
    expect(await refused.exit).toEqual({ code: 1, signal: null });
    expect(refused.lines).toEqual([]);
    expect(refused.stderr()).toMatch(/^sandbox: --host 0\.0\.0\.0 is not a loopback address: give --public-url [^\n]*\n$/);
  });

  it('prints the public URL in the address lines with --public-url', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const port = (blocker.address() as { port: number }).port;
    await new Promise<void>((done) => blocker.close(() => done()));
    const started = run(['--port', String(port), '--public-url', `http://localhost:${port}`, '--patients', FIXTURES]);
    expect(await waitForLine(started, /^FHIR base: /)).toBe(`FHIR base: http://localhost:${port}/fhir`);
    expect(await waitForLine(started, /^EHR: /)).toBe(`EHR: http://localhost:${port}/ehr`);
    expect((await fetch(`http://localhost:${port}/fhir/metadata`)).status).toBe(200);
    started.child.kill('SIGTERM');
    expect(await started.exit).toEqual({ code: 0, signal: null });
  });
});
