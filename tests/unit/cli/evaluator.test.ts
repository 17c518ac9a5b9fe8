/**
 * The command-line evaluator's contract (issue 3, point 5): arguments, output shapes, exit codes
 * and one-line error messages without stack traces.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_IDS } from '../../../rules/catalogue.js';
import { runEvaluator } from '../../../src/cli/run-evaluator.js';
import { BundleBuilder } from '../../support/fhir-builder.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const EXAMPLES = join(ROOT, '..', 'shared', 'examples');

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runEvaluator(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'evaluate-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const bundleText = (id: string) => JSON.stringify(new BundleBuilder({ id, gender: 'female', birthDate: '1970-01-01' }).medicationRequest({ text: 'quinine sulfate 324 MG Oral Capsule' }).bundle());

describe('evaluate (one bundle)', () => {
  it('prints one JSON object with asOf, patient, every catalogue rule once (red flags first) and dataStatus', async () => {
    const { code, stdout, stderr } = await cli(['--as-of', '2026-11-21', join(EXAMPLES, 'e01-spironolactone-low-mg-no-k.json')]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const out = JSON.parse(stdout);
    expect(out.asOf).toBe('2026-11-21');
    expect(out.patient).toEqual({ id: 'e01', ageYears: 75, gender: 'male', deceased: false });
    expect(out.findings.map((f: { ruleId: string }) => f.ruleId).sort()).toEqual([...CATALOGUE_IDS].sort());
    const reds = out.findings.map((f: { redFlag: boolean }) => f.redFlag);
    expect(reds.indexOf(false)).toBe(reds.filter(Boolean).length);
    for (const f of out.findings) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['ruleId', 'version', 'outcome', 'redFlag', 'grade', 'summary', 'evidence', 'missing', 'nextStep', 'citations']));
      expect(['flagged', 'not-flagged', 'insufficient-data', 'error']).toContain(f.outcome);
    }
    expect(out.dataStatus.sources).toEqual({ '*': { state: 'complete' } });
    const mg = out.findings.find((f: { ruleId: string }) => f.ruleId === 'lab-low-magnesium');
    expect(mg.evidence[0]).toMatchObject({ resourceType: 'Observation', id: 'mg', code: '2601-3', value: 0.62, unit: 'mmol/L', date: '2026-11-09' });
  });

  it('uses today when --as-of is not given', async () => {
    const out = JSON.parse((await cli([join(EXAMPLES, 'e04-child.json')])).stdout);
    expect(out.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Math.abs(Date.parse(out.asOf) - Date.now())).toBeLessThan(2 * 86_400_000);
  });

  it('prints a readable text report with --format text', async () => {
    const { code, stdout } = await cli(['--as-of', '2026-11-21', '--format', 'text', join(EXAMPLES, 'e03-quinine-normal-platelets.json')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Patient e03 · female · 82 years · as of 2026-11-21/);
    expect(stdout).toContain('LIKELY CONTRIBUTORS');
    expect(stdout).toMatch(/safety-quinine \[grade A\]/);
    expect(stdout).toContain('COULD NOT CHECK');
  });

  it('adds each criterion trace only with --trace', async () => {
    const plain = JSON.parse((await cli(['--as-of', '2026-11-21', join(EXAMPLES, 'e04-child.json')])).stdout);
    expect(plain.findings[0].trace).toBeUndefined();
    const traced = JSON.parse((await cli(['--as-of', '2026-11-21', '--trace', join(EXAMPLES, 'e04-child.json')])).stdout);
    expect(traced.findings[0].trace.length).toBeGreaterThan(0);
  });
});

describe('evaluate (a directory)', () => {
  it('prints one JSON object per line (NDJSON), in file-name order, skipping JSON that is not FHIR', async () => {
    const dir = tempDir({ 'b.json': bundleText('pb'), 'a.json': bundleText('pa'), 'expected.json': '{"x":1}', 'notes.txt': 'hi' });
    const { code, stdout, stderr } = await cli(['--as-of', '2026-11-21', dir]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).patient.id)).toEqual(['pa', 'pb']);
    expect(stderr).toBe(`evaluate: skipped ${join(dir, 'expected.json')}: not a FHIR resource: no resourceType\n`);
  });

  it('prints a table of outcomes per rule with --summary', async () => {
    const dir = tempDir({ 'a.json': bundleText('pa'), 'b.json': bundleText('pb') });
    const { code, stdout } = await cli(['--as-of', '2026-11-21', '--summary', dir]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^2 patients, as of 2026-11-21\nrule +flagged +not-flagged +insufficient-data +error\n/);
    expect(stdout).toMatch(/\nsafety-quinine +2 +0 +0 +0\n/);
  });

  it('reports an unreadable bundle, carries on with the rest, and exits 2', async () => {
    const dir = tempDir({ 'a.json': bundleText('pa'), 'broken.json': '{"resourceType": "Bundle",' });
    const { code, stdout, stderr } = await cli(['--as-of', '2026-11-21', dir]);
    expect(code).toBe(2);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^evaluate: .*broken\.json: not JSON \(/);
  });
});

describe('evaluate (bad arguments and input)', () => {
  it.each([
    [['--as-of', '2026-13-01', 'x.json'], /--as-of must be a calendar date YYYY-MM-DD, got "2026-13-01"/],
    [['--as-of'], /--as-of needs a value/],
    [['--format', 'xml', 'x.json'], /--format must be json or text/],
    [['--frobnicate', 'x.json'], /unknown option --frobnicate/],
    [[], /give a bundle file or a directory/],
    [['a.json', 'b.json'], /give one bundle file or one directory, not 2 paths/],
    [['/nonexistent/file.json'], /cannot read \/nonexistent\/file.json: no such file or directory/],
  ])('exits 2 with a one-line message for %j', async (args, message) => {
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('says when a file is not FHIR, or not a Bundle', async () => {
    const dir = tempDir({ 'patient.json': '{"resourceType":"Patient","id":"x"}', 'list.json': '[1,2,3]' });
    expect(await cli([join(dir, 'patient.json')])).toMatchObject({ code: 2, stderr: expect.stringContaining('not a FHIR Bundle: resourceType is "Patient"') });
    expect(await cli([join(dir, 'list.json')])).toMatchObject({ code: 2, stderr: expect.stringContaining('not a FHIR resource: the file is not a JSON object') });
  });

  it('prints usage with --help and exits 0', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: npm run --silent evaluate -- [options] <bundle.json | directory>');
  });
});

describe('npm run --silent evaluate (the real command)', () => {
  it('writes only the JSON to stdout and exits 0', async () => {
    const stdout = execFileSync('npm', ['run', '--silent', 'evaluate', '--', '--as-of', '2026-11-21', join(EXAMPLES, 'e02-pregnancy-condition.json')], { cwd: ROOT, encoding: 'utf8' });
    const out = JSON.parse(stdout);
    expect(out.findings.find((f: { ruleId: string }) => f.ruleId === 'cond-pregnancy').outcome).toBe('flagged');
  });

  it('exits 2 with one line on stderr for a missing file', async () => {
    const r = spawnSync('npm', ['run', '--silent', 'evaluate', '--', 'no-such-file.json'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter((l) => l.startsWith('evaluate:'))).toEqual(['evaluate: cannot read no-such-file.json: no such file or directory']);
  });
});

describe('text format and hostile text', () => {
  it('makes bidirectional overrides and control characters visible instead of letting them reorder the line', async () => {
    const { visible } = await import('../../../src/cli/format-text.js');
    expect(visible('Varicose \u202esgel htob\u202c ok\u0007')).toBe('Varicose \\u{202e}sgel htob\\u{202c} ok\\u{7}');
    expect(visible('plain <b>text</b>')).toBe('plain <b>text</b>');
  });
});
