/**
 * The evaluator's live mode against the sandbox's EHR behaviour profiles (issue 9, points 3–5):
 * what real EHRs do to correct requests. For each, the report either agrees with bundle mode on
 * the same record rule by rule (the data layer read through the behaviour), or names the query
 * that could not be read and changes nothing but to insufficient-data; another patient's record
 * exits 3 and prints nothing of either.
 *
 * `token-without-scope` has no counterpart here: the evaluator gets its token from the
 * environment, not from a token response, and assumes the read scopes were granted.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ehrProfiles, type FaultRule } from '../../../sandbox/faults/index.js';
import { createSandbox, type Sandbox } from '../../../sandbox/server.js';
import { SCENARIO_ANCHOR_DATE } from '../../../sandbox/patients/load-scenarios.js';
import { runEvaluator, type Environment } from '../../../src/cli/run-evaluator.js';
import { launch } from '../compose/support.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const PATIENTS = join(ROOT, 'sandbox', 'patients');
const AS_OF = SCENARIO_ANCHOR_DATE;

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await createSandbox({ port: 0, appUrl: 'http://127.0.0.1:5173', shiftScenarioDates: false });
});
afterAll(async () => {
  await sandbox?.close();
});

interface Query {
  name: string;
  resourceType: string;
  status: string;
  reason?: string;
  pages: number;
}
interface Report {
  patient: { id: string | null; deceased: boolean };
  findings: { ruleId: string; outcome: string; evidence: { resourceType: string; id: string; role: string }[] }[];
  dataStatus: { queries: Query[] };
}

async function evaluate(args: string[], env: Environment = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runEvaluator(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) }, env);
  return { code, stdout, stderr };
}

/** Live mode for one patient with these profile rules switched on for that patient only. */
async function liveWith(patientId: string, rules: readonly FaultRule[], extra: string[] = []) {
  const added = rules.map((r) => sandbox.faults.add(r));
  try {
    const token = (await launch(sandbox, patientId)).access_token;
    const r = await evaluate(['--fhir-base', sandbox.fhirBase, '--patient', patientId, '--as-of', AS_OF, ...extra], { FHIR_BEARER_TOKEN: token });
    expect(r.stdout).not.toContain(token);
    expect(r.stderr).not.toContain(token);
    return r;
  } finally {
    for (const a of added) sandbox.faults.remove(a.id);
  }
}

async function liveReport(patientId: string, rules: readonly FaultRule[], extra: string[] = []): Promise<Report> {
  const r = await liveWith(patientId, rules, extra);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

async function bundleReport(patientId: string): Promise<Report> {
  const r = await evaluate(['--as-of', AS_OF, join(PATIENTS, `${patientId}.json`)]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

/** Rules whose outcome differs between the two reports, as "ruleId: live ← bundle". */
function differences(live: Report, bundle: Report): { ruleId: string; live: string; bundle: string }[] {
  return bundle.findings
    .map((f) => ({ ruleId: f.ruleId, live: live.findings.find((x) => x.ruleId === f.ruleId)!.outcome, bundle: f.outcome }))
    .filter((d) => d.live !== d.bundle);
}

/** Rules whose evidence (resource, id and role) differs between two reports. */
function evidenceDifferences(live: Report, bundle: Report): string[] {
  const refs = (f: Report['findings'][number]) => f.evidence.map((e) => `${e.role} ${e.resourceType}/${e.id}`).sort().join(', ');
  return bundle.findings.filter((f) => refs(f) !== refs(live.findings.find((x) => x.ruleId === f.ruleId)!)).map((f) => f.ruleId);
}

const incomplete = (r: Report) => r.dataStatus.queries.filter((q) => q.status !== 'complete');

describe('profiles the data layer reads through: the same outcome as bundle mode for every rule, the same evidence as without the profile', () => {
  it.each([
    ['ignore-include (medications named only by reference, no displays)', 'dialysis-furosemide-iron', (id: string) => [ehrProfiles.ignoreInclude({ patientId: id })]],
    ['ignore-count (one entry per page)', 'multimorbid-older-woman', (id: string) => [ehrProfiles.ignoreCount({ patientId: id })]],
    ['active-only-unless-status (MedicationRequest)', 'varicose-stopped-errors', (id: string) => [ehrProfiles.activeOnlyUnlessStatus({ patientId: id })]],
    ['require-category-or-code (Observation)', 'chlorthalidone-stale-labs', (id: string) => [ehrProfiles.requireCategoryOrCode({ patientId: id })]],
    ['all of these at once', 'quinine-low-platelets', (id: string) => [ehrProfiles.ignoreInclude({ patientId: id }), ehrProfiles.ignoreCount({ patientId: id }), ehrProfiles.activeOnlyUnlessStatus({ patientId: id }), ehrProfiles.requireCategoryOrCode({ patientId: id })]],
  ])('%s', async (_name, patientId, rules) => {
    const live = await liveReport(patientId, rules(patientId));
    expect(incomplete(live)).toEqual([]);
    expect(differences(live, await bundleReport(patientId))).toEqual([]);
    // The same evidence as live mode without the profile (bundle mode may show more context, such
    // as results older than a search's date floor, which live mode does not ask for).
    expect(evidenceDifferences(live, await liveReport(patientId, []))).toEqual([]);
  });

  it('ignore-count really pages: some query read more than one page', async () => {
    const live = await liveReport('multimorbid-older-woman', [ehrProfiles.ignoreCount({ patientId: 'multimorbid-older-woman' })]);
    expect(Math.max(...live.dataStatus.queries.map((q) => q.pages))).toBeGreaterThan(1);
  });
});

describe('profiles that hide data: the query is named, and outcomes change only to insufficient-data', () => {
  it('operation-outcome-in-searchset on Condition: the Condition query failed, nothing reads as "no condition"', async () => {
    const id = 'multimorbid-older-woman';
    const live = await liveReport(id, [ehrProfiles.operationOutcomeInSearchset({ patientId: id, resourceType: 'Condition' })]);
    expect(incomplete(live).map((q) => `${q.name}: ${q.status}`)).toEqual(['Condition: failed']);
    const diffs = differences(live, await bundleReport(id));
    expect(diffs.length).toBeGreaterThan(0);
    expect(diffs.filter((d) => d.live !== 'insufficient-data')).toEqual([]);
  });

  it('unsupported-type MedicationStatement: reported unsupported with its reason; the statements-only patient\'s drugs are not "absent"', async () => {
    const id = 'copd-statements-only';
    const live = await liveReport(id, [ehrProfiles.unsupportedType('MedicationStatement', { patientId: id })]);
    const statements = live.dataStatus.queries.find((q) => q.resourceType === 'MedicationStatement')!;
    expect(statements.status).toBe('unsupported');
    expect(statements.reason).toMatch(/MedicationStatement/);
    const diffs = differences(live, await bundleReport(id));
    expect(diffs.length).toBeGreaterThan(0);
    expect(diffs.filter((d) => d.live !== 'insufficient-data')).toEqual([]);
  });

  it('second-origin-next: without --additional-fhir-origin the token stays home and paged sources are truncated; with it, the same outcomes as bundle mode', async () => {
    const id = 'multimorbid-older-woman';
    const rules = [ehrProfiles.ignoreCount({ patientId: id }), ehrProfiles.secondOriginNext({ patientId: id })];
    const bundle = await bundleReport(id);

    const refused = await liveReport(id, rules);
    expect(incomplete(refused).length).toBeGreaterThan(0);
    for (const q of incomplete(refused)) expect(q, q.name).toMatchObject({ status: 'truncated', pages: 1 });
    expect(differences(refused, bundle).filter((d) => d.live !== 'insufficient-data')).toEqual([]);

    const secondOrigin = `http://localhost:${new URL(sandbox.fhirBase).port}`;
    const followed = await liveReport(id, rules, ['--additional-fhir-origin', secondOrigin]);
    expect(incomplete(followed)).toEqual([]);
    expect(differences(followed, bundle)).toEqual([]);
  });
});

describe('wrong-patient: Patient/<id> answers with someone else', () => {
  it('exits 3 with one line on stderr, nothing on stdout (in process)', async () => {
    const r = await liveWith('all-clear', [ehrProfiles.wrongPatient({ patientId: 'all-clear', otherPatientId: 'statin-high-ck' })]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('evaluate: The EHR returned another patient\'s record; nothing of either record is shown.\n');
  });

  it('exits 3 from the real command too, with the decoy patient', async () => {
    const added = sandbox.faults.add(ehrProfiles.wrongPatient({ patientId: 'all-clear' }));
    try {
      const token = (await launch(sandbox, 'all-clear')).access_token;
      const run = promisify(execFile)('npm', ['run', '--silent', 'evaluate', '--', '--fhir-base', sandbox.fhirBase, '--patient', 'all-clear', '--as-of', AS_OF], { cwd: ROOT, env: { ...process.env, FHIR_BEARER_TOKEN: token } });
      const failure = await run.then(() => undefined, (err: { code: number; stdout: string; stderr: string }) => err);
      expect(failure).toMatchObject({ code: 3, stdout: '' });
      expect(failure!.stderr.trim().split('\n')).toEqual(['evaluate: The EHR returned another patient\'s record; nothing of either record is shown.']);
    } finally {
      sandbox.faults.remove(added.id);
    }
  });
});
