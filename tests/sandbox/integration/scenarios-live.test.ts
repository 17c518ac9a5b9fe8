/**
 * The app's real data layer against the real sandbox, for every scenario patient: right record,
 * right statuses, right findings. "Right findings" means the same outcome, for every rule, as the
 * command-line evaluator gives on the same (date-shifted) bundle, and the same triggering
 * resources for every flag. The three fault scenarios fail on purpose and must say so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_RULES, evaluate } from '../../../rules/index.js';
import { createSandbox, type Sandbox } from '../../../sandbox/server.js';
import { loadScenarios, type Scenario } from '../../../sandbox/patients/load-scenarios.js';
import { localToday } from '../../../src/app/launch-flow.js';
import { evaluateBundleJson } from '../../../src/evaluation/evaluate-bundle.js';
import { fetchPatientRecord } from '../../../src/fhir/live/fetch-record.js';
import { launch, tokenForLaunch } from '../compose/support.js';

const FAULT_SCENARIOS = new Set(['fault-labs-503', 'fault-meds-403', 'fault-conditions-500']);
const AS_OF = localToday();

let sandbox: Sandbox;
let scenarios: Scenario[];

beforeAll(async () => {
  sandbox = await createSandbox({ port: 0, appUrl: 'http://127.0.0.1:5173' });
  scenarios = await loadScenarios();
});
afterAll(async () => {
  await sandbox?.close();
});

async function live(patientId: string, options: { pageSize?: number; scope?: string } = {}) {
  const token = options.scope
    ? await tokenForLaunch(sandbox, sandbox.auth.createLaunch({ patientId }).launchId, options.scope)
    : await launch(sandbox, patientId);
  return fetchPatientRecord(
    { serverUrl: sandbox.fhirBase, accessToken: token.access_token, patientId: token.patient, scope: token.scope },
    { rules: ALL_RULES, asOf: AS_OF, sleep: async () => {}, ...(options.pageSize ? { pageSize: options.pageSize } : {}) },
  );
}

/**
 * A rule may still say not-flagged when a source failed if the data that were read settle it: the
 * pregnancy rule's plausibility filter (a man, or a woman over 55) decides from the Patient
 * resource, which was read in full. Its trace says so.
 */
const decidedByPlausibility = (f: { ruleId: string; outcome: string; trace: unknown }) =>
  f.ruleId === 'cond-pregnancy' && f.outcome === 'not-flagged' && JSON.stringify(f.trace).includes('plausibility filter');

const triggersOf = (f: { evidence: readonly { role: string; resourceType: string; id: string }[] }) =>
  f.evidence.filter((e) => e.role === 'trigger').map((e) => `${e.resourceType}/${e.id}`).sort();

describe('every scenario patient through the live data layer', () => {
  it('has the scenarios loaded', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(25);
  });

  it('gives, for every non-fault scenario, the evaluator’s outcome for every rule and the same triggers', async () => {
    const mismatches: string[] = [];
    for (const s of scenarios.filter((x) => !FAULT_SCENARIOS.has(x.patientId))) {
      const fetched = await live(s.patientId);
      expect(fetched.queries.map((q) => `${q.query.name}:${q.status.state}`).filter((x) => !x.endsWith(':complete')), s.patientId).toEqual([]);
      const liveFindings = evaluate(fetched.record, AS_OF);
      const fileFindings = evaluateBundleJson(s.bundle, AS_OF).findings;
      for (const f of fileFindings) {
        const l = liveFindings.find((x) => x.ruleId === f.ruleId)!;
        if (l.outcome !== f.outcome) mismatches.push(`${s.patientId} ${f.ruleId}: live ${l.outcome}, file ${f.outcome}`);
        else if (f.outcome === 'flagged' && triggersOf(l).join() !== triggersOf(f).join()) mismatches.push(`${s.patientId} ${f.ruleId}: triggers differ`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('the fault scenarios say what failed, and nothing they need turns into not-flagged', () => {
  it('fault-labs-503: every lab source failed after retries; every lab rule is insufficient-data', async () => {
    const fetched = await live('fault-labs-503');
    for (const q of fetched.queries.filter((x) => x.query.resourceType === 'Observation')) {
      expect(q.status.state, q.query.name).toBe('failed');
      expect(q.status.reason).toMatch(/busy \(HTTP 503/);
    }
    const findings = evaluate(fetched.record, AS_OF);
    for (const f of findings.filter((x) => x.ruleId.startsWith('lab-'))) expect(f.outcome, f.ruleId).toBe('insufficient-data');
    expect(findings.find((f) => f.ruleId === 'med-loop-diuretic')!.outcome).toBe('flagged');
  });

  it('fault-meds-403: the statements are not authorised; no medication rule says not-flagged', async () => {
    const fetched = await live('fault-meds-403');
    expect(fetched.record.sources.MedicationStatement).toEqual({ state: 'not-authorised', reason: 'the server refused access (HTTP 403)' });
    const meds = evaluate(fetched.record, AS_OF).filter((f) => f.ruleId.startsWith('med-'));
    for (const f of meds) expect(f.outcome, f.ruleId).not.toBe('not-flagged');
    // Acebutolol is an order (read); the estradiol patch and cimetidine are statements (refused).
    expect(meds.find((f) => f.ruleId === 'med-isa-beta-blocker')!.outcome).toBe('flagged');
    expect(meds.find((f) => f.ruleId === 'med-estrogen')!.outcome).toBe('insufficient-data');
    expect(meds.find((f) => f.ruleId === 'med-cimetidine')!.outcome).toBe('insufficient-data');
  });

  it('fault-conditions-500: conditions failed; every condition rule is insufficient-data', async () => {
    const fetched = await live('fault-conditions-500');
    expect(fetched.record.sources.Condition).toEqual({ state: 'failed', reason: 'server error (HTTP 500)' });
    for (const f of evaluate(fetched.record, AS_OF).filter((x) => x.ruleId.startsWith('cond-') && !decidedByPlausibility(x))) expect(f.outcome, f.ruleId).toBe('insufficient-data');
  });
});

describe('faults switched per request', () => {
  const PATIENT = 'multimorbid-older-woman';

  it('follows paging to the end with small pages and gets the same findings', async () => {
    const whole = evaluate((await live(PATIENT)).record, AS_OF);
    const paged = await live(PATIENT, { pageSize: 2 });
    expect(Math.max(...paged.queries.map((q) => q.pages))).toBeGreaterThan(1);
    expect(paged.queries.every((q) => q.status.state === 'complete')).toBe(true);
    expect(evaluate(paged.record, AS_OF).map((f) => f.outcome)).toEqual(whole.map((f) => f.outcome));
  });

  it('a repeating next link ends as truncated, and the affected rules cannot say not-flagged', async () => {
    const id = sandbox.faults.add({ patientId: PATIENT, resourceType: 'Condition', effect: { type: 'repeat-next' } });
    try {
      const fetched = await live(PATIENT, { pageSize: 2 });
      expect(fetched.record.sources.Condition).toEqual({ state: 'truncated', reason: 'the server repeated a page link; stopped to avoid a loop' });
      for (const f of evaluate(fetched.record, AS_OF).filter((x) => x.ruleId.startsWith('cond-') && !decidedByPlausibility(x))) expect(f.outcome, f.ruleId).not.toBe('not-flagged');
    } finally {
      sandbox.faults.remove(id.id);
    }
  });

  it('a next link to another origin is not followed (the token stays home) and reads as truncated', async () => {
    const id = sandbox.faults.add({ patientId: PATIENT, resourceType: 'Condition', effect: { type: 'foreign-next', origin: 'http://attacker.invalid' } });
    try {
      const fetched = await live(PATIENT, { pageSize: 2 });
      expect(fetched.record.sources.Condition!.state).toBe('truncated');
      expect(fetched.record.sources.Condition!.reason).toMatch(/another site/);
    } finally {
      sandbox.faults.remove(id.id);
    }
  });

  it('429 twice then normal: retried after Retry-After, complete, same findings', async () => {
    const id = sandbox.faults.add({ patientId: PATIENT, resourceType: 'Condition', effect: { type: 'error', status: 429, retryAfterSeconds: 1 }, times: 2 });
    try {
      const fetched = await live(PATIENT);
      const q = fetched.queries.find((x) => x.query.name === 'Condition')!;
      expect(q.status).toEqual({ state: 'complete' });
      expect(q.requests).toBe(3);
    } finally {
      sandbox.faults.remove(id.id);
    }
  });

  it('a token that expires mid-session: later pages are refused, the source is truncated with the reason', async () => {
    const id = sandbox.faults.add({ patientId: PATIENT, resourceType: 'Observation', effect: { type: 'latency', ms: 700 } });
    try {
      const token = await launch(sandbox, PATIENT, 2);
      const fetched = await fetchPatientRecord({ serverUrl: sandbox.fhirBase, accessToken: token.access_token, patientId: PATIENT, scope: token.scope }, { rules: ALL_RULES, asOf: AS_OF, pageSize: 1 });
      const refused = fetched.queries.filter((q) => q.status.reason?.includes('HTTP 401'));
      expect(refused.length).toBeGreaterThan(0);
      for (const q of refused) expect(['truncated', 'not-authorised']).toContain(q.status.state);
    } finally {
      sandbox.faults.remove(id.id);
    }
  });

  it('a forbidden query only for one patient and resource type', async () => {
    const id = sandbox.faults.add({ patientId: PATIENT, resourceType: 'MedicationRequest', effect: { type: 'forbid' } });
    try {
      const fetched = await live(PATIENT);
      expect(fetched.record.sources.MedicationRequest!.state).toBe('not-authorised');
      expect(fetched.record.sources.Condition!.state).toBe('complete');
      const other = await live('all-clear');
      expect(other.record.sources.MedicationRequest!.state).toBe('complete');
    } finally {
      sandbox.faults.remove(id.id);
    }
  });

  it('a scope that was not granted is not asked and reads as not authorised', async () => {
    const fetched = await live(PATIENT, { scope: 'launch openid fhirUser patient/Patient.rs patient/Observation.rs patient/MedicationRequest.rs' });
    expect(fetched.record.sources.Condition).toEqual({ state: 'not-authorised', reason: 'scope patient/Condition.rs was not granted' });
    for (const f of evaluate(fetched.record, AS_OF).filter((x) => x.ruleId.startsWith('cond-') && !decidedByPlausibility(x))) expect(f.outcome, f.ruleId).toBe('insufficient-data');
  });
});
