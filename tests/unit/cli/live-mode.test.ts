/**
 * Live mode against servers that fail (issue 9, point 3), on loopback stub servers: an unreachable
 * server and a failing one still give a report (exit 0) where everything that needs data is
 * insufficient-data, each query's status is in dataStatus.queries, and the token goes to the
 * server but never into the output; another patient's record exits 3 and prints nothing.
 * The scenario patients against the real sandbox: tests/sandbox/integration/evaluator-live.test.ts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOGUE_IDS } from '../../../rules/catalogue.js';
import type { LiveDependencies } from '../../../src/cli/live-mode.js';
import { runEvaluator, type Environment } from '../../../src/cli/run-evaluator.js';
import { WrongPatientError } from '../../../src/fhir/wrong-patient.js';

const TOKEN = 'stub-token.c2VjcmV0LXRva2Vu-9f8e7d';

async function cli(args: string[], env: Environment = {}, deps: Omit<LiveDependencies, 'token' | 'warn'> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runEvaluator(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) }, env, deps);
  return { code, stdout, stderr };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

async function stubServer(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handle);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir`;
}

/** A loopback port nothing listens on: listen, note the port, close. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const fhirJson = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/fhir+json' });
  res.end(JSON.stringify(body));
};

describe('a server that cannot be reached', () => {
  it('prints a full report (exit 0): every rule insufficient-data, every query failed with the reason', async () => {
    const base = `http://127.0.0.1:${await closedPort()}/fhir`;
    const r = await cli(['--fhir-base', base, '--patient', 'p1', '--as-of', '2026-11-21']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['asOf', 'patient', 'findings', 'dataStatus']);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId).sort()).toEqual([...CATALOGUE_IDS].sort());
    expect(report.findings.filter((f: { outcome: string }) => f.outcome !== 'insufficient-data').map((f: { ruleId: string }) => f.ruleId)).toEqual([]);
    expect(report.patient).toMatchObject({ id: null, ageYears: null, deceased: false });
    expect(report.dataStatus.queries.length).toBeGreaterThan(5);
    for (const q of report.dataStatus.queries) {
      expect(q).toMatchObject({ status: 'failed', reason: 'the server could not be reached', pages: 0 });
      expect(Object.keys(q).sort()).toEqual(expect.arrayContaining(['name', 'resourceType', 'status', 'requests', 'pages']));
    }
    expect(report.dataStatus.sources.Patient).toEqual({ state: 'failed', reason: 'the server could not be reached' });
  });

  it('says so in the text report, under the findings', async () => {
    const base = `http://127.0.0.1:${await closedPort()}/fhir`;
    const r = await cli(['--fhir-base', base, '--patient', 'p1', '--as-of', '2026-11-21', '--format', 'text']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\nFHIR QUERIES \((\d+), \1 not complete\)\n {2}Patient: failed \(the server could not be reached\)\n/);
    expect(r.stdout).toContain('CHECKED, NOT FOUND (0)');
  });
});

describe('a server that fails every request, with a token', () => {
  it('sends the token to the server, reports every query as failed with its HTTP status, and never prints the token (json, --trace, text)', async () => {
    const authorizations = new Set<string>();
    const base = await stubServer((req, res) => {
      authorizations.add(req.headers.authorization ?? '(none)');
      fhirJson(res, 500, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception' }] });
    });
    for (const extra of [[], ['--trace'], ['--format', 'text']]) {
      const r = await cli(['--fhir-base', base, '--patient', 'p1', '--as-of', '2026-11-21', ...extra], { FHIR_BEARER_TOKEN: TOKEN });
      expect(r.code).toBe(0);
      expect(r.stdout).not.toContain(TOKEN);
      expect(r.stderr).not.toContain(TOKEN);
      expect(r.stdout).not.toContain(base); // no URL in the report
      if (!extra.length) {
        const report = JSON.parse(r.stdout);
        for (const q of report.dataStatus.queries) expect(q).toMatchObject({ status: 'failed', httpStatus: 500, reason: 'server error (HTTP 500)' });
        expect(report.findings.every((f: { outcome: string }) => f.outcome === 'insufficient-data')).toBe(true);
      }
    }
    expect([...authorizations]).toEqual([`Bearer ${TOKEN}`]);
  });

  it('sends no Authorization header when FHIR_BEARER_TOKEN is unset or empty', async () => {
    const authorizations = new Set<string>();
    const base = await stubServer((req, res) => {
      authorizations.add(req.headers.authorization ?? '(none)');
      fhirJson(res, 404, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] });
    });
    expect((await cli(['--fhir-base', base, '--patient', 'p1'], { FHIR_BEARER_TOKEN: '' })).code).toBe(0);
    expect((await cli(['--fhir-base', base, '--patient', 'p1'])).code).toBe(0);
    expect([...authorizations]).toEqual(['(none)']);
  });
});

describe('paging links on a second origin of the same EHR', () => {
  /** Server A answers the Condition search's first page with a `next` link to server B. */
  async function twoOrigins() {
    const seenByB: string[] = [];
    const b = await stubServer((req, res) => {
      seenByB.push(req.headers.authorization ?? '(none)');
      fhirJson(res, 200, { resourceType: 'Bundle', type: 'searchset', entry: [{ resource: { resourceType: 'Condition', id: 'c2', subject: { reference: 'Patient/p1' }, clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] }, code: { coding: [{ system: 'http://snomed.info/sct', code: '44054006' }] } } }] });
    });
    const originB = new URL(b).origin;
    const a = await stubServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://stub.invalid');
      if (url.pathname === '/fhir/Patient/p1') return fhirJson(res, 200, { resourceType: 'Patient', id: 'p1', gender: 'female', birthDate: '1950-01-01' });
      if (url.pathname === '/fhir/metadata') return fhirJson(res, 404, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] });
      const next = url.pathname === '/fhir/Condition' ? [{ relation: 'next', url: `${originB}/fhir/Condition?page=2` }] : [];
      return fhirJson(res, 200, { resourceType: 'Bundle', type: 'searchset', link: next, entry: [] });
    });
    return { a, originB, seenByB };
  }

  it('are not followed, so the token stays with the --fhir-base origin: the source is truncated', async () => {
    const { a, seenByB } = await twoOrigins();
    const r = await cli(['--fhir-base', a, '--patient', 'p1', '--as-of', '2026-11-21'], { FHIR_BEARER_TOKEN: TOKEN });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.dataStatus.queries.find((q: { name: string }) => q.name === 'Condition')).toMatchObject({ status: 'truncated', pages: 1 });
    expect(seenByB).toEqual([]);
  });

  it('are followed with the token when that origin is given with --additional-fhir-origin: the source is complete', async () => {
    const { a, originB, seenByB } = await twoOrigins();
    const r = await cli(['--fhir-base', a, '--patient', 'p1', '--as-of', '2026-11-21', '--additional-fhir-origin', originB], { FHIR_BEARER_TOKEN: TOKEN });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.dataStatus.queries.find((q: { name: string }) => q.name === 'Condition')).toMatchObject({ status: 'complete', pages: 2 });
    expect(seenByB).toEqual([`Bearer ${TOKEN}`]);
    expect(r.stdout).not.toContain(TOKEN);
  });
});

describe('another patient\'s record', () => {
  it('exits 3 with one line on stderr and nothing on stdout when the data layer rejects with WrongPatientError', async () => {
    const r = await cli(['--fhir-base', 'https://ehr.example/fhir', '--patient', 'p1', '--format', 'text'], {}, {
      fetchRecord: async () => {
        throw new WrongPatientError();
      },
    });
    expect(r).toEqual({ code: 3, stdout: '', stderr: 'evaluate: The EHR returned another patient\'s record; nothing of either record is shown.\n' });
  });

  it('exits 3 when a real server answers Patient/p1 with Patient p2 (the live data layer checks)', async () => {
    const base = await stubServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://stub.invalid').pathname;
      if (path === '/fhir/Patient/p1') return fhirJson(res, 200, { resourceType: 'Patient', id: 'p2', gender: 'female', birthDate: '1950-01-01', name: [{ family: 'Other' }] });
      if (path === '/fhir/metadata') return fhirJson(res, 404, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] });
      return fhirJson(res, 200, { resourceType: 'Bundle', type: 'searchset', entry: [] });
    });
    const r = await cli(['--fhir-base', base, '--patient', 'p1', '--as-of', '2026-11-21']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).not.toContain('Other');
  });
});

describe('a defect in the data layer', () => {
  it('still prints a report where nothing counts as found (every source failed), exit 0, and says why in one line without the message', async () => {
    const r = await cli(['--fhir-base', 'https://ehr.example/fhir', '--patient', 'p1', '--as-of', '2026-11-21'], {}, {
      fetchRecord: async () => {
        throw new TypeError('cannot read properties of undefined (Jane Doe)');
      },
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('evaluate: the live data layer failed (TypeError); every source is reported as failed\n');
    const report = JSON.parse(r.stdout);
    expect(report.findings.every((f: { outcome: string }) => f.outcome === 'insufficient-data')).toBe(true);
    expect(report.dataStatus.queries).toEqual([]);
    expect(r.stdout).not.toContain('Jane Doe');
  });
});
