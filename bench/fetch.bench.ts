/**
 * `npm run bench:fetch`: the live data layer against the sandbox with 50 ms of added latency on
 * every FHIR request. For each scenario patient (a real SMART launch and token each), prints the
 * number of FHIR requests, the number of sequential round trips (every query is sent at once, so
 * this is the longest chain of pages and retries of any one query), and the time from token to
 * engine results. Target (issue 4): every query in one parallel round, plus paging: about two
 * round trips in all.
 *
 *   npm run bench:fetch -- [--latency 50] [--rounds 3]
 *   npm run bench:fetch -- --data ../shared/data/synthea-r4 --as-of 2021-06-01 --rounds 1   (every Synthea patient too)
 */
import { createHash, randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ALL_RULES, evaluate } from '../rules/index.js';
import { createSandbox, type Sandbox } from '../sandbox/server.js';
import { loadScenarios } from '../sandbox/patients/load-scenarios.js';
import { localToday } from '../src/app/launch-flow.js';
import { fetchPatientRecord } from '../src/fhir/live/fetch-record.js';

const { values } = parseArgs({ options: { latency: { type: 'string', default: '50' }, rounds: { type: 'string', default: '3' }, data: { type: 'string', multiple: true }, 'as-of': { type: 'string' } } });
const LATENCY = Number(values.latency);
const ROUNDS = Number(values.rounds);
const APP = 'http://127.0.0.1:5173';

/** A real launch: authorize with PKCE S256, then the token endpoint (as the app does through fhirclient). */
async function token(sandbox: Sandbox, patientId: string): Promise<{ access_token: string; scope: string }> {
  const { launchId } = sandbox.auth.createLaunch({ patientId });
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const authorize = await fetch(
    `${sandbox.auth.endpoints.authorize}?${new URLSearchParams({
      response_type: 'code', client_id: sandbox.clientId, redirect_uri: `${APP}/`, state, aud: sandbox.fhirBase, launch: launchId,
      scope: 'launch openid fhirUser patient/*.rs', code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256',
    })}`,
    { redirect: 'manual' },
  );
  const code = new URL(authorize.headers.get('location')!).searchParams.get('code')!;
  const response = await fetch(sandbox.auth.endpoints.token, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: `${APP}/`, client_id: sandbox.clientId, code_verifier: verifier }),
  });
  return (await response.json()) as { access_token: string; scope: string };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const sandbox = await createSandbox({ port: 0, appUrl: APP, latencyMs: LATENCY, ...(values.data ? { data: values.data } : {}) });
try {
  const asOf = values['as-of'] ?? localToday();
  const scenarioIds = (await loadScenarios()).map((s) => s.patientId).filter((id) => !id.startsWith('fault-'));
  // With --data, every loaded patient (the scenario patients and, e.g., the Synthea ones).
  const ids = values.data ? sandbox.fhir.patients().map((p) => p.id).filter((id) => !id.startsWith('fault-')) : scenarioIds;
  const scenarios = ids.map((patientId) => ({ patientId }));
  console.log(`fetch benchmark: ${scenarios.length} patients, ${LATENCY} ms added latency per FHIR request, ${ROUNDS} rounds, as of ${asOf}`);
  console.log(`${'patient'.padEnd(40)} requests  round trips  token→results ms (median)`);
  const allTimes: number[] = [];
  const allTrips: number[] = [];
  for (const s of scenarios) {
    const times: number[] = [];
    let requests = 0;
    let trips = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const t = await token(sandbox, s.patientId);
      const started = performance.now();
      const fetched = await fetchPatientRecord({ serverUrl: sandbox.fhirBase, accessToken: t.access_token, patientId: s.patientId, scope: t.scope }, { rules: ALL_RULES, asOf });
      evaluate(fetched.record, asOf);
      times.push(performance.now() - started);
      requests = fetched.queries.reduce((n, q) => n + q.requests, 0);
      trips = Math.max(...fetched.queries.map((q) => q.requests));
    }
    allTimes.push(median(times));
    allTrips.push(trips);
    console.log(`${s.patientId.padEnd(40)} ${String(requests).padStart(8)}  ${String(trips).padStart(11)}  ${median(times).toFixed(0).padStart(16)}`);
  }
  console.log(`median over patients: ${median(allTimes).toFixed(0)} ms from token to engine results, ${median(allTrips)} sequential round trip(s), max ${Math.max(...allTrips)}`);
} finally {
  await sandbox.close();
}
