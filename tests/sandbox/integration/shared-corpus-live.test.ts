/**
 * All 122 Synthea patients loaded into the sandbox once and evaluated through the live data layer
 * (a real launch and token per patient): the findings must equal the command-line evaluator's on
 * the same files, rule by rule, with the same triggering resources.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_RULES, evaluate } from '../../../rules/index.js';
import { createSandbox, type Sandbox } from '../../../sandbox/server.js';
import { evaluateBundleJson } from '../../../src/evaluation/evaluate-bundle.js';
import { fetchPatientRecord } from '../../../src/fhir/live/fetch-record.js';
import { launch } from '../compose/support.js';

const DATA = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data', 'synthea-r4');
const AS_OF = '2021-06-01';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await createSandbox({ port: 0, appUrl: 'http://127.0.0.1:5173', patientsDir: false, data: [DATA] });
}, 300_000);
afterAll(async () => {
  await sandbox?.close();
});

const triggers = (f: { evidence: readonly { role: string; resourceType: string; id: string }[] }) =>
  f.evidence.filter((e) => e.role === 'trigger').map((e) => `${e.resourceType}/${e.id}`).sort().join();

describe('Synthea through the live data layer', () => {
  it('gives the same findings as the command-line evaluator for all 122 patients', async () => {
    const files = readdirSync(DATA).filter((f) => f.endsWith('.json')).sort();
    expect(files).toHaveLength(122);
    const mismatches: string[] = [];
    let requests = 0;
    for (const file of files) {
      const fileReport = evaluateBundleJson(JSON.parse(readFileSync(join(DATA, file), 'utf8')), AS_OF);
      const patientId = fileReport.patient.id!;
      const token = await launch(sandbox, patientId);
      const fetched = await fetchPatientRecord({ serverUrl: sandbox.fhirBase, accessToken: token.access_token, patientId, scope: token.scope }, { rules: ALL_RULES, asOf: AS_OF });
      requests += fetched.queries.reduce((n, q) => n + q.requests, 0);
      const incomplete = fetched.queries.filter((q) => q.status.state !== 'complete');
      if (incomplete.length) mismatches.push(`${file}: ${incomplete.map((q) => `${q.query.name} ${q.status.state}`).join(', ')}`);
      const live = evaluate(fetched.record, AS_OF);
      for (const f of fileReport.findings) {
        const l = live.find((x) => x.ruleId === f.ruleId)!;
        if (l.outcome !== f.outcome) mismatches.push(`${file} ${f.ruleId}: live ${l.outcome}, file ${f.outcome}`);
        else if (f.outcome === 'flagged' && triggers(l) !== triggers(f)) mismatches.push(`${file} ${f.ruleId}: triggers ${triggers(l)} vs ${triggers(f)}`);
      }
    }
    console.log(`Synthea through the sandbox: ${files.length} patients, ${requests} FHIR requests, ${mismatches.length} mismatches`);
    expect(mismatches).toEqual([]);
  }, 600_000);
});
