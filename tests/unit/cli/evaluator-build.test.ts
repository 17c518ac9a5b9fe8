/**
 * `npm run evaluate` runs an esbuild bundle of the evaluator (issue 9, point 7): the same output,
 * byte for byte, as the TypeScript sources run directly, and never a stale bundle: a changed,
 * removed or freshly written source means a rebuild; a touched but unchanged one does not.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundle, freshBundle } from '../../../tools/evaluator-bundle.mjs';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SYNTHEA = join(ROOT, '..', 'shared', 'data', 'synthea-r4');

interface Target {
  root: string;
  entry: string;
  outDir: string;
  buildInputs: string[];
}

const HOUR_AGO = new Date(Date.now() - 3_600_000);

/** A tiny project: main.ts prints what dep.ts exports. Files dated an hour ago (not "racy"). */
function miniProject(): Target {
  const root = mkdtempSync(join(tmpdir(), 'evaluator-bundle-'));
  writeFileSync(join(root, 'main.ts'), "import { word } from './dep.ts';\nconst n: number = 1;\nconsole.log(word, n);\n");
  writeFileSync(join(root, 'dep.ts'), "export const word: string = 'one';\n");
  writeFileSync(join(root, 'settings.json'), '{}\n');
  for (const f of ['main.ts', 'dep.ts', 'settings.json']) utimesSync(join(root, f), HOUR_AGO, HOUR_AGO);
  return { root, entry: 'main.ts', outDir: join(root, 'out'), buildInputs: ['settings.json'] };
}

const run = (bundle: string) => execFileSync(process.execPath, [bundle], { encoding: 'utf8' });

describe('the bundle is rebuilt exactly when its sources change', () => {
  it('is fresh after a build and runs the sources', async () => {
    const t = miniProject();
    expect(freshBundle(t)).toBeUndefined();
    const bundle: string = await buildBundle(t);
    expect(freshBundle(t)).toBe(bundle);
    expect(run(bundle)).toBe('one 1\n');
  });

  it('a touched file with the same content stays fresh (the hash decides)', async () => {
    const t = miniProject();
    const bundle: string = await buildBundle(t);
    const now = new Date();
    utimesSync(join(t.root, 'dep.ts'), now, now);
    expect(freshBundle(t)).toBe(bundle);
  });

  it('an edit of the same size is stale, and the rebuild runs the new code', async () => {
    const t = miniProject();
    await buildBundle(t);
    writeFileSync(join(t.root, 'dep.ts'), "export const word: string = 'two';\n");
    utimesSync(join(t.root, 'dep.ts'), HOUR_AGO, new Date(HOUR_AGO.getTime() + 1000));
    expect(freshBundle(t)).toBeUndefined();
    expect(run(await buildBundle(t))).toBe('two 1\n');
  });

  it('a removed source, a changed build input, or a removed bundle is stale', async () => {
    const t = miniProject();
    const bundle: string = await buildBundle(t);
    writeFileSync(join(t.root, 'settings.json'), '{"x":1}\n');
    expect(freshBundle(t)).toBeUndefined();
    const again: string = await buildBundle(t);
    rmSync(again);
    expect(freshBundle(t)).toBeUndefined();
    await buildBundle(t);
    rmSync(join(t.root, 'dep.ts'));
    expect(freshBundle(t)).toBeUndefined();
    expect(bundle).toMatch(/bundle-[0-9a-f]{16}\.mjs$/);
  });

  it('a source written just before the build cannot be trusted to be what esbuild read: rebuilt at the next launch', async () => {
    const t = miniProject();
    const now = new Date();
    utimesSync(join(t.root, 'dep.ts'), now, now);
    await buildBundle(t);
    expect(freshBundle(t)).toBeUndefined();
    const stamp = JSON.parse(readFileSync(join(t.outDir, 'stamp.json'), 'utf8'));
    expect(stamp.inputs['dep.ts'].sha256).toBeNull();
    expect(stamp.inputs['main.ts'].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lists every file the evaluator is built from, the engine and the build itself included', () => {
    const stampPath = join(ROOT, 'node_modules', '.cache', 'evaluator', 'stamp.json');
    // The launcher builds on first use; --help is enough to make sure a stamp exists.
    execFileSync(process.execPath, [join(ROOT, 'tools', 'evaluator-launcher.mjs'), '--help'], { cwd: ROOT });
    expect(statSync(stampPath).isFile()).toBe(true);
    const inputs = Object.keys(JSON.parse(readFileSync(stampPath, 'utf8')).inputs);
    expect(inputs).toEqual(expect.arrayContaining(['tools/evaluate.ts', 'src/cli/run-evaluator.ts', 'rules/engine/evaluate.ts', 'tools/evaluator-bundle.mjs', 'package.json', 'tsconfig.json', 'node_modules/esbuild/package.json']));
  });
});

describe('the built evaluator prints exactly what the sources print', () => {
  const options = { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 } as const;
  const result = (r: SpawnSyncReturns<string>) => ({ status: r.status, stdout: r.stdout, stderr: r.stderr });
  const fromSources = (args: string[]) => result(spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'tools', 'evaluate.ts'), ...args], options));
  const built = (args: string[]) => result(spawnSync('npm', ['run', '--silent', 'evaluate', '--', ...args], options));

  it.each([
    ['the scenario patients as NDJSON', ['--as-of', '2026-11-21', join(ROOT, 'sandbox', 'patients')]],
    ['the scenario patients as text', ['--as-of', '2026-11-21', '--format', 'text', join(ROOT, 'sandbox', 'patients')]],
    ['one scenario patient, indented JSON with the trace', ['--as-of', '2026-11-21', '--trace', join(ROOT, 'sandbox', 'patients', 'multimorbid-older-woman.json')]],
    ['the 122 Synthea patients as NDJSON', ['--as-of', '2021-06-01', SYNTHEA]],
  ])('%s', (_name, args) => {
    const expected = fromSources(args);
    expect(expected.status).toBe(0);
    expect(expected.stdout.length).toBeGreaterThan(1000);
    const actual = built(args);
    expect(actual.status).toBe(0);
    expect(actual.stderr).toBe(expected.stderr);
    expect(actual.stdout === expected.stdout).toBe(true);
  });
});
