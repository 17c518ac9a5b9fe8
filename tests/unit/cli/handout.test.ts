/**
 * `evaluate --handout en|es` (issue 11 point 6): the handout's text from the command line, built by
 * the app's own builder and suppressions as if nothing were marked; one handout per file of a
 * directory under a line naming it; the same exit codes and stderr lines as the report mode; the
 * report mode unchanged without the flag; the real command (the built launcher) prints the same.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEvaluator } from '../../../src/cli/run-evaluator.js';
import { BundleBuilder } from '../../support/fhir-builder.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const PATIENTS = join(ROOT, 'sandbox', 'patients');

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runEvaluator(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const RULE_ID = /\b(med|lab|cond|redflag|safety|gap)-[a-z]+(-[a-z]+)*\b/;

describe('evaluate --handout, one bundle', () => {
  it('prints the handout: title, name and date, the urgent box first with the red flag’s action, no rule ids', async () => {
    const { code, stdout, stderr } = await cli(['--handout', 'en', '--as-of', '2026-11-21', join(PATIENTS, 'quinine-low-platelets.json')]);
    expect([code, stderr]).toEqual([0, '']);
    const lines = stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual(['# Leg cramps at night: what to know and what to do', 'For: Ruth Ellen Abernathy · Date: November 21, 2026']);
    expect(lines.find((l) => l.startsWith('## '))).toBe('## [!] Get help right away');
    expect(stdout).toContain('- Today: Stop taking quinine now. Your blood test shows it may be harming your blood. Get a new blood test today.');
    expect(stdout).toContain('Your clinic: ________________________  Phone: ________________________');
    expect(stdout).toMatch(/\| Date \| Time \| Which leg \| How long \| How bad \(0 to 10\) \| Did it wake you\? \|/);
    expect(stdout).not.toMatch(RULE_ID);
    expect(stdout).not.toContain('======== ');
  });

  it('in Spanish', async () => {
    const { code, stdout } = await cli(['--handout', 'es', '--as-of', '2026-11-21', join(PATIENTS, 'quinine-low-platelets.json')]);
    expect(code).toBe(0);
    expect(stdout).toContain('## [!] Busque ayuda de inmediato');
    expect(stdout).toContain('- Hoy: Deje de tomar la quinina ahora mismo.');
  });

  it('--one-page: the urgent box, a plan to write on, one line per finding', async () => {
    const { stdout } = await cli(['--handout', 'en', '--one-page', '--as-of', '2026-11-21', join(PATIENTS, 'multimorbid-older-woman.json')]);
    expect(stdout.split('\n').filter((l) => l.startsWith('## '))).toEqual(['## [!] Get help right away', '## Your plan', '## What we found']);
    expect(stdout).toContain('Do not stop or change a medicine on your own.\n- Your water pill (spironolactone): Linked to night cramps.');
    expect(stdout).toContain('- Your water pill (furosemide): Only weakly linked to cramps.\n');
  });

  it('--trace adds where each part came from, for the care team, after the handout', async () => {
    const { stdout } = await cli(['--handout', 'en', '--trace', '--as-of', '2026-11-21', join(PATIENTS, 'quinine-low-platelets.json')]);
    const [sheet, trace] = stdout.split('Where this handout came from (for the care team; not printed):');
    expect(sheet).not.toMatch(RULE_ID);
    expect(trace).toContain('- quinine-warning ← redflag-quinine-toxicity, safety-quinine');
    expect(trace).toContain('- urgent box, today: quinine-low-platelets ← redflag-quinine-toxicity');
  });

  it('says there is no handout for a patient who has died', async () => {
    const { code, stdout } = await cli(['--handout', 'en', '--as-of', '2026-11-21', join(PATIENTS, 'deceased-old-orders.json')]);
    expect(code).toBe(0);
    expect(stdout).toBe('No handout: this record belongs to a patient who has died (the app offers none).\n');
  });

  it('prints a hostile name as one plain line: no terminal escapes, no bidirectional overrides', async () => {
    const bundle = new BundleBuilder({ id: 'p1', gender: 'female', birthDate: '1970-01-01' }).bundle() as { entry: { resource: Record<string, unknown> }[] };
    bundle.entry[0]!.resource.name = [{ text: 'Ana\u001b[31m RED\u001b[0m\u202Eevil\nSecond line' }];
    const dir = mkdtempSync(join(tmpdir(), 'handout-'));
    writeFileSync(join(dir, 'p1.json'), JSON.stringify(bundle));
    const { stdout } = await cli(['--handout', 'en', '--as-of', '2026-11-21', join(dir, 'p1.json')]);
    const who = stdout.split('\n')[1]!;
    expect(who).toMatch(/^For: Ana \[31m RED \[0m evil Second line · Date: November 21, 2026$/);
    expect(stdout).not.toMatch(/[\u001b\u202e]/);
  });
});

describe('evaluate --handout, a directory', () => {
  it('prints one handout per bundle under a line naming its file, in file order; other JSON is skipped with a note', async () => {
    const { code, stdout, stderr } = await cli(['--handout', 'en', '--as-of', '2026-11-21', PATIENTS]);
    expect(code).toBe(0);
    const heads = stdout.split('\n').filter((l) => l.startsWith('======== '));
    expect(heads).toHaveLength(32);
    expect(heads[0]).toBe(`======== ${join(PATIENTS, 'all-clear.json')} ========`);
    // Each handout starts right under its line; one blank line between handouts.
    const parts = stdout.split(/\n?======== .* ========\n/).slice(1);
    expect(parts).toHaveLength(32);
    expect(parts.filter((p) => p.startsWith('# Leg cramps at night'))).toHaveLength(31);
    expect(parts.filter((p) => p.startsWith('No handout: this record belongs to a patient who has died'))).toHaveLength(1);
    expect(stderr.split('\n').filter(Boolean).sort()).toEqual([`evaluate: skipped ${join(PATIENTS, 'expected.json')}: not a FHIR resource: no resourceType`, `evaluate: skipped ${join(PATIENTS, 'faults.json')}: not a FHIR resource: no resourceType`].sort());
  });

  it('reports a file it cannot read and goes on, exit 2, as the report mode does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'handout-'));
    writeFileSync(join(dir, 'a.json'), readFileSync(join(PATIENTS, 'all-clear.json')));
    writeFileSync(join(dir, 'b.json'), '{ not json');
    const { code, stdout, stderr } = await cli(['--handout', 'es', '--as-of', '2026-11-21', dir]);
    expect(code).toBe(2);
    expect(stdout.match(/^======== /gm)).toHaveLength(1);
    expect(stderr).toMatch(/^evaluate: .*b\.json: not JSON/);
  });
});

describe('evaluate --handout, arguments', () => {
  it.each([
    [['--handout', 'fr', 'x.json'], '--handout must be en or es, got "fr"'],
    [['--handout', 'en', '--summary', 'x'], '--summary counts outcomes'],
    [['--handout', 'en', '--format', 'json', 'x'], '--format is for the report'],
    [['--handout', 'en', '--threads', '2', 'x'], 'leave out --threads'],
    [['--handout', 'en', '--fhir-base', 'http://127.0.0.1:1/fhir', '--patient', 'p1'], '--handout reads bundles'],
    [['--one-page', 'x.json'], '--one-page is for the handout'],
    [['--handout', 'en'], 'give a bundle file or a directory'],
  ])('%j is refused with one line and exit 2', async (args, message) => {
    const { code, stdout, stderr } = await cli(args);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr.split('\n')[0]).toContain(message);
  });

  it('leaves the report mode as it was without the flag', async () => {
    const { stdout } = await cli(['--as-of', '2026-11-21', join(PATIENTS, 'all-clear.json')]);
    expect(Object.keys(JSON.parse(stdout))).toEqual(['asOf', 'patient', 'findings', 'dataStatus']);
  });
});

describe('the real command', () => {
  it('npm run --silent evaluate -- --handout es prints what the function prints', async () => {
    const file = join(PATIENTS, 'hctz-severe-hypokalaemia.json');
    const run = spawnSync('npm', ['run', '--silent', 'evaluate', '--', '--handout', 'es', '--as-of', '2026-11-21', file], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe((await cli(['--handout', 'es', '--as-of', '2026-11-21', file])).stdout);
  });
});
