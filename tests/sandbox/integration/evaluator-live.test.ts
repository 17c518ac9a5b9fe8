/**
 * The command-line evaluator's live mode against the real sandbox (issue 9, point 3), for every
 * scenario patient: the same report shape as bundle mode and the same outcome for every rule as
 * bundle mode on the same bundle, every query complete; the token reaches the server and never
 * the output; the fault scenarios name their failed queries and turn what they hide into
 * insufficient-data, never into a different confident outcome.
 *
 * The scenarios are loaded as written (no date shift) and both modes evaluate as of their anchor
 * day, so the file on disk is exactly what the server holds.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../../sandbox/server.js';
import { loadScenarios, SCENARIO_ANCHOR_DATE, type Scenario } from '../../../sandbox/patients/load-scenarios.js';
import type { FaultRule } from '../../../sandbox/faults/index.js';
import { runEvaluator, type Environment } from '../../../src/cli/run-evaluator.js';
import { launch } from '../compose/support.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const PATIENTS = join(ROOT, 'sandbox', 'patients');
const AS_OF = SCENARIO_ANCHOR_DATE;
const FAULT_SCENARIOS = ['fault-labs-503', 'fault-meds-403', 'fault-conditions-500'];

let sandbox: Sandbox;
let scenarios: Scenario[];

beforeAll(async () => {
  sandbox = await createSandbox({ port: 0, appUrl: 'http://127.0.0.1:5173', shiftScenarioDates: false });
  scenarios = await loadScenarios({ today: AS_OF });
});
afterAll(async () => {
  await sandbox?.close();
});

interface Report {
  asOf: string;
  patient: { id: string | null };
  findings: { ruleId: string; outcome: string }[];
  dataStatus: { queries?: { name: string; status: string; reason?: string }[]; sources: Record<string, { state: string }> };
}

async function evaluate(args: string[], env: Environment = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runEvaluator(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) }, env);
  return { code, stdout, stderr };
}

async function live(patientId: string) {
  const token = (await launch(sandbox, patientId)).access_token;
  const r = await evaluate(['--fhir-base', sandbox.fhirBase, '--patient', patientId, '--as-of', AS_OF], { FHIR_BEARER_TOKEN: token });
  expect(r.code, patientId).toBe(0);
  expect(r.stderr, patientId).toBe('');
  expect(r.stdout).not.toContain(token);
  return JSON.parse(r.stdout) as Report;
}

async function fromFile(file: string) {
  const r = await evaluate(['--as-of', AS_OF, join(PATIENTS, file)]);
  expect(r.code, file).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

/** Without the faults from faults.json, then with them again. */
async function withoutFaults<T>(fn: () => Promise<T>): Promise<T> {
  const saved = sandbox.faults.list();
  sandbox.faults.clear();
  try {
    return await fn();
  } finally {
    for (const { source, applied: _applied, remaining: _remaining, ...rule } of saved) sandbox.faults.add(rule as FaultRule, source);
  }
}

const keysOf = (r: Report) => ({ top: Object.keys(r), finding: [...new Set(r.findings.flatMap((f) => Object.keys(f)))].sort() });

describe('live mode and bundle mode agree rule by rule, for every scenario patient', () => {
  it('has all the scenarios, the fault ones included', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(30);
    expect(scenarios.map((s) => s.patientId)).toEqual(expect.arrayContaining(FAULT_SCENARIOS));
  });

  it('every scenario (faults switched off): same outcome for every rule, same shape, every query complete', async () => {
    const mismatches = await withoutFaults(async () => {
      const found: string[] = [];
      for (const s of scenarios) {
        const [l, b] = [await live(s.patientId), await fromFile(s.file)];
        expect(l.patient.id).toBe(s.patientId);
        expect(l.asOf).toBe(b.asOf);
        expect(keysOf(l).top).toEqual(keysOf(b).top);
        expect(l.findings.map((f) => f.ruleId)).toEqual(b.findings.map((f) => f.ruleId));
        expect(l.dataStatus.queries!.filter((q) => q.status !== 'complete'), s.patientId).toEqual([]);
        for (const f of b.findings) {
          const o = l.findings.find((x) => x.ruleId === f.ruleId)!.outcome;
          if (o !== f.outcome) found.push(`${s.patientId} ${f.ruleId}: live ${o}, bundle ${f.outcome}`);
        }
      }
      return found;
    });
    expect(mismatches).toEqual([]);
  });

  it('the fault scenarios with their faults: the failed queries are named, and every rule that differs from bundle mode is insufficient-data', async () => {
    const expectedFailures: Record<string, RegExp> = {
      'fault-labs-503': /^Observation: /,
      'fault-meds-403': /^MedicationStatement$/,
      'fault-conditions-500': /^Condition$/,
    };
    for (const id of FAULT_SCENARIOS) {
      const s = scenarios.find((x) => x.patientId === id)!;
      const [l, b] = [await live(id), await fromFile(s.file)];
      const failed = l.dataStatus.queries!.filter((q) => q.status !== 'complete');
      expect(failed.length, id).toBeGreaterThan(0);
      for (const q of failed) {
        expect(q.name, id).toMatch(expectedFailures[id]!);
        expect(q.reason, id).toMatch(/HTTP (403|500|503)/);
      }
      const changed = b.findings.filter((f) => l.findings.find((x) => x.ruleId === f.ruleId)!.outcome !== f.outcome);
      expect(changed.length, id).toBeGreaterThan(0);
      for (const f of changed) expect(l.findings.find((x) => x.ruleId === f.ruleId)!.outcome, `${id} ${f.ruleId}`).toBe('insufficient-data');
    }
  });
});

describe('the real command', () => {
  it('npm run --silent evaluate with FHIR_BEARER_TOKEN prints the same report as in process, and never the token', async () => {
    const patientId = 'preg-32wk-low-mg';
    const token = (await launch(sandbox, patientId)).access_token;
    const args = ['run', '--silent', 'evaluate', '--', '--fhir-base', sandbox.fhirBase, '--patient', patientId, '--as-of', AS_OF];
    // Asynchronous: the sandbox answering the command runs in this process.
    const { stdout, stderr } = await promisify(execFile)('npm', args, { cwd: ROOT, env: { ...process.env, FHIR_BEARER_TOKEN: token }, maxBuffer: 64 * 1024 * 1024 });
    expect(stderr).toBe('');
    expect(stdout).not.toContain(token);
    const inProcess = await evaluate(args.slice(4), { FHIR_BEARER_TOKEN: (await launch(sandbox, patientId)).access_token });
    expect(stdout).toBe(inProcess.stdout);
    expect(JSON.parse(stdout).findings.find((f: { ruleId: string }) => f.ruleId === 'lab-low-magnesium').outcome).toBe('flagged');
  });

  it('without a token the sandbox refuses every query: a report where every query is not authorised, exit 0', async () => {
    const r = await evaluate(['--fhir-base', sandbox.fhirBase, '--patient', 'all-clear', '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(new Set(report.dataStatus.queries!.map((q) => q.status))).toEqual(new Set(['not-authorised']));
    expect(report.findings.filter((f) => f.outcome !== 'insufficient-data')).toEqual([]);
  });
});
