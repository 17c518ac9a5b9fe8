/**
 * `npm run bench:cds-hooks`: the CDS Hooks service's patient-view latency, measured from a client's
 * side (HTTP POST to answer), over the 122 Synthea patients of ../shared/data/synthea-r4 loaded into
 * the sandbox with 50 ms of latency added to every FHIR response.
 *
 * 1. With prefetch: the client has already read every prefetch template (as an EHR does before
 *    calling); the service reads nothing itself. Target: p95 under 50 ms.
 * 2. Without prefetch: the request carries `fhirServer` and `fhirAuthorization`, and the service
 *    reads the record itself through the live data layer. Target: one parallel FHIR round, i.e. the
 *    call takes about one FHIR round trip (a single request to the same server, measured alongside)
 *    plus the service's own work.
 * Calls are made one after another (no overlap), alternating the two kinds patient by patient,
 * after a warm-up of WARM_UP patients (both kinds, not timed): a service that has been running
 * answers from compiled code and built code-list indexes, and so is what is measured.
 * Synthea records carry no leg-cramp complaint, and without one the service answers before running
 * the engine; so each patient is first given one (a Condition "Sleep related leg cramps", G47.62, a
 * month before the as-of date, written through the sandbox's FHIR API), and every call measured runs
 * the whole path: data, mappers, all rules, card. The sandbox and this client share one
 * Node process; the service runs as its own process (`npm run cds-hooks`, as deployed), so the
 * sandbox's work and garbage collection are in the service's figures only where it waits on FHIR.
 *
 *   npm run bench:cds-hooks -- [--data DIR] [--latency 50] [--as-of 2021-06-01]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { crampReviewService } from '../cds-hooks/services/cramp-review-service.js';
import { prefetchTemplates } from '../cds-hooks/prefetch/templates.js';
import { loadPatientData } from '../cds-hooks/data/load-patient-data.js';
import { parseHookRequest } from '../cds-hooks/hooks/hook-request.js';
import { fillPrefetch } from '../sandbox/cds-client/prefetch-filler.js';
import { createSandbox } from '../sandbox/server.js';

const { values } = parseArgs({ options: { data: { type: 'string', default: '../shared/data/synthea-r4' }, latency: { type: 'string', default: '50' }, 'as-of': { type: 'string', default: '2021-06-01' } } });
const LATENCY = Number(values.latency);
const AS_OF = values['as-of']!;
const WARM_UP = 20;
const COMPLAINT_DATE = new Date(Date.parse(`${AS_OF}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);

const median = (xs: readonly number[]) => quantile(xs, 0.5);
function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo]! + (s[Math.ceil(i)]! - s[lo]!) * (i - lo);
}
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const value = await f();
  return [performance.now() - t, value];
}

/** The service as its own process; resolves with its base URL once it prints `CDS Hooks: <url>`. */
function startService(): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'cds-hooks/main.ts', '--port', '0', '--as-of', AS_OF], { stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the CDS Hooks service exited (${code})`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^CDS Hooks: (\S+)$/.exec(line);
      if (m) resolve({ child, baseUrl: m[1]! });
    });
  });
}

async function main(): Promise<void> {
  process.stderr.write(`loading ${values.data} into the sandbox (latency ${LATENCY} ms)...\n`);
  const sandbox = await createSandbox({ port: 0, patientsDir: false, data: [values.data!], latencyMs: LATENCY });
  const cds = await startService();
  const url = `${cds.baseUrl}/cds-services/${crampReviewService.id}`;
  const templates = prefetchTemplates(crampReviewService.selection, AS_OF);
  const patients = sandbox.fhir.patients().map((p) => p.id);
  process.stderr.write(`${patients.length} patients; each: fill the prefetch (not timed), then one call with it and one without\n`);

  const withPrefetch: number[] = [];
  const withoutPrefetch: number[] = [];
  const oneRequest: number[] = [];
  let cards = 0;
  const roundCounts = new Map<number, number>();
  // Bodies are serialised before the clock starts: only the service's side is timed.
  const post = (text: string) => fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: text }).then(async (r) => {
    if (!r.ok) throw new Error(`patient-view answered ${r.status}: ${await r.text()}`);
    return (await r.json()) as { cards: unknown[] };
  });
  const prepared: { patientId: string; bodyA: string; bodyB: string; token: { accessToken: string } }[] = [];
  for (const patientId of patients) {
    const writer = sandbox.auth.issueEhrToken({ clientId: 'bench-ehr', scopes: ['patient/Condition.c'], patientId, lifetimeSeconds: 60 });
    const complaint = { resourceType: 'Condition', subject: { reference: `Patient/${patientId}` }, clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] }, code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'G47.62', display: 'Sleep related leg cramps' }] }, onsetDateTime: COMPLAINT_DATE };
    const written = await fetch(`${sandbox.fhirBase}/Condition`, { method: 'POST', headers: { 'Content-Type': 'application/fhir+json', Authorization: `Bearer ${writer.accessToken}` }, body: JSON.stringify(complaint) });
    if (written.status !== 201) throw new Error(`could not add the cramp complaint (${written.status})`);
    const token = sandbox.auth.issueEhrToken({ clientId: 'bench-cds', scopes: ['patient/*.rs'], patientId, lifetimeSeconds: 300 });
    const prefetch = await fillPrefetch(templates, { patientId }, sandbox.fhirBase, token.accessToken);
    const base = { hook: 'patient-view', context: { userId: 'Practitioner/bench', patientId } };
    const bodyA = JSON.stringify({ ...base, hookInstance: randomUUID(), prefetch });
    const bodyB = JSON.stringify({ ...base, hookInstance: randomUUID(), fhirServer: sandbox.fhirBase, fhirAuthorization: { access_token: token.accessToken, token_type: 'Bearer', expires_in: 300, scope: token.scope, subject: 'bench-cds' } });
    prepared.push({ patientId, bodyA, bodyB, token });
  }
  for (const { bodyA, bodyB } of prepared.slice(0, WARM_UP)) {
    await post(bodyA);
    await post(bodyB);
  }
  for (const { patientId, bodyA, bodyB, token } of prepared) {
    const [a, answerA] = await timed(() => post(bodyA));
    const [b, answerB] = await timed(() => post(bodyB));
    if (answerA.cards.length !== answerB.cards.length) process.stderr.write(`warning: prefetch and live gave different card counts for one patient\n`);
    cards += answerA.cards.length;
    const [c] = await timed(() => fetch(`${sandbox.fhirBase}/Patient/${patientId}`, { headers: { Authorization: `Bearer ${token.accessToken}` } }).then((r) => r.text()));
    // Sequential FHIR rounds the live call needed (not timed): the first parallel round, plus further
    // pages of the longest-paged query, plus the Medication follow-up round when there was one.
    const data = await loadPatientData(parseHookRequest(JSON.parse(bodyB), 'patient-view'), { asOf: AS_OF, selection: crampReviewService.selection, withEncounter: true });
    if (data.kind === 'record') {
      const extraPages = Math.max(0, ...data.fetched.queries.map((q) => q.pages - 1));
      const n = 1 + extraPages + ((data.fetched.followUps?.requests ?? 0) > 0 ? 1 : 0);
      roundCounts.set(n, (roundCounts.get(n) ?? 0) + 1);
    }
    withPrefetch.push(a);
    withoutPrefetch.push(b);
    oneRequest.push(c);
  }
  cds.child.removeAllListeners('exit');
  cds.child.kill();
  await sandbox.close();

  const rows = [
    ['patient-view with prefetch', withPrefetch],
    ['patient-view without prefetch (live, fhirServer + token)', withoutPrefetch],
    ['one FHIR request to the same sandbox (one round trip)', oneRequest],
  ] as const;
  console.log(`CDS Hooks patient-view, ${patients.length} Synthea patients each with a cramp complaint, as of ${AS_OF}, sandbox latency ${LATENCY} ms (${cards} cards for ${patients.length} patients)`);
  console.log('');
  console.log('| call | median | p95 |');
  console.log('| --- | --- | --- |');
  for (const [name, xs] of rows) console.log(`| ${name} | ${ms(median(xs))} | ${ms(quantile(xs, 0.95))} |`);
  console.log('');
  const rounds = median(withoutPrefetch) / median(oneRequest);
  console.log(`with prefetch: p95 ${ms(quantile(withPrefetch, 0.95))} (target < 50 ms: ${quantile(withPrefetch, 0.95) < 50 ? 'met' : 'not met'})`);
  console.log(`without prefetch ÷ one round trip (medians): ${rounds.toFixed(2)} (target: about 1, one parallel FHIR round)`);
  console.log(`sequential FHIR rounds per live call: ${[...roundCounts.entries()].sort((x, y) => x[0] - y[0]).map(([n, k]) => `${n} round${n === 1 ? '' : 's'}: ${k} patients`).join('; ')}`);
  console.log(`without prefetch ÷ with prefetch (medians): ${(median(withoutPrefetch) / median(withPrefetch)).toFixed(1)}`);
  console.log(`without prefetch − one round trip (medians): ${ms(median(withoutPrefetch) - median(oneRequest))} of the service's own work and queuing`);
}

void main();
