/**
 * A directory sweep on several threads (src/cli/sweep-threads.ts) prints exactly what one thread
 * prints: the same stdout and stderr, byte for byte and in file order, and the same exit status,
 * whatever order the threads finish in. Run through the real command (`npm run evaluate` runs the
 * built evaluator, whose worker threads run the same bundle).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../../src/cli/args.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SCENARIOS = join(ROOT, 'sandbox', 'patients');
const SYNTHEA = join(ROOT, '..', 'shared', 'data', 'synthea-r4');

function evaluate(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'tools', 'evaluator-launcher.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A directory where files of very different sizes alternate with files that are skipped (JSON
 * that is not FHIR, a bundle with two patients) or fail (not JSON), so threads finish
 * out of order and the messages on stderr must still come in file order.
 */
function mixedDirectory(): string {
  const dir = mkdtempSync(join(tmpdir(), 'evaluate-threads-'));
  const scenarios = readdirSync(SCENARIOS).filter((n) => n.endsWith('.json')).sort();
  const synthea = readdirSync(SYNTHEA).filter((n) => n.endsWith('.json')).sort().slice(0, 12);
  scenarios.forEach((name, i) => copyFileSync(join(SCENARIOS, name), join(dir, `${String(i).padStart(3, '0')}-scenario-${name}`)));
  synthea.forEach((name, i) => copyFileSync(join(SYNTHEA, name), join(dir, `${String(i * 3 + 1).padStart(3, '0')}-synthea.json`)));
  writeFileSync(join(dir, '005-broken.json'), '{"resourceType": "Bundle",');
  writeFileSync(join(dir, '017-not-fhir.json'), '{"expected": []}');
  writeFileSync(join(dir, '029-two-patients.json'), JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: { resourceType: 'Patient', id: 'a' } }, { resource: { resourceType: 'Patient', id: 'b' } }] }));
  return dir;
}

describe('a sweep on several threads prints what one thread prints', () => {
  it('on the 122 Synthea patients, as NDJSON', () => {
    const one = evaluate(['--threads', '1', '--as-of', '2021-06-01', SYNTHEA]);
    expect(one.status).toBe(0);
    expect(one.stdout.split('\n')).toHaveLength(123);
    for (const threads of ['2', '3']) {
      const many = evaluate(['--threads', threads, '--as-of', '2021-06-01', SYNTHEA]);
      expect(many.status).toBe(0);
      expect(many.stderr).toBe(one.stderr);
      expect(many.stdout === one.stdout).toBe(true);
    }
  });

  it('with skipped and failing files among them, in JSON and in text: same stdout, same stderr in the same order, exit 2', () => {
    const dir = mixedDirectory();
    for (const format of ['json', 'text']) {
      const one = evaluate(['--threads', '1', '--format', format, '--as-of', '2026-11-21', dir]);
      expect(one.status).toBe(2);
      const lines = one.stderr.trim().split('\n');
      expect(lines.findIndex((l) => l.includes('005-broken.json: not JSON'))).toBeLessThan(lines.findIndex((l) => l.includes('skipped') && l.includes('017-not-fhir.json')));
      expect(lines.some((l) => l.includes('029-two-patients.json') && l.includes('2 patients'))).toBe(true);
      for (const threads of ['2', '4']) {
        const many = evaluate(['--threads', threads, '--format', format, '--as-of', '2026-11-21', dir]);
        expect(many.status).toBe(2);
        expect(many.stderr).toBe(one.stderr);
        expect(many.stdout === one.stdout).toBe(true);
      }
    }
  });

  it('on the scenario patients (one thread by default), with the same exit status', () => {
    const byDefault = evaluate(['--as-of', '2026-11-21', SCENARIOS]);
    expect(byDefault.status).toBe(0);
    expect(evaluate(['--threads', '2', '--as-of', '2026-11-21', SCENARIOS])).toEqual(byDefault);
  });
});

describe('--threads', () => {
  it('takes a whole number from 1 to 64, for a directory sweep', () => {
    expect(parseArgs(['--threads', '3', 'dir']).threads).toBe(3);
    expect(parseArgs(['--threads=1', 'dir']).threads).toBe(1);
    expect(parseArgs(['dir']).threads).toBeUndefined();
    for (const bad of ['0', '65', '1.5', '-2', 'two', '']) expect(() => parseArgs(['--threads', bad, 'dir'])).toThrow(UsageError);
  });

  it('is refused in live mode, which evaluates one patient', () => {
    expect(() => parseArgs(['--fhir-base', 'https://ehr.example/fhir', '--patient', 'p1', '--threads', '2'])).toThrow(/--threads .* live mode evaluates one patient/);
  });
});
