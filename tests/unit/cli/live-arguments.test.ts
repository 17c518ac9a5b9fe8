/**
 * Live mode's arguments (issue 9, point 3): every bad combination exits 2 with one line and the
 * usage line, before any request; no message repeats a URL (it could hold a credential) or the token.
 */
import { describe, expect, it } from 'vitest';
import { checkFhirBase, checkTokenUse, isLoopbackHost } from '../../../src/cli/live-target.js';
import { runEvaluator, type Environment } from '../../../src/cli/run-evaluator.js';

const TOKEN = 'eyJhbGciOiJub25lIn0.c2VjcmV0LXRva2VuLWZvci10ZXN0cw.sig-123';

async function cli(args: string[], env: Environment = {}) {
  let stdout = '';
  let stderr = '';
  // A fetch that fails the test if any request is made: argument errors come before the network.
  const fetch = (() => {
    throw new Error('no request may be sent for bad arguments');
  }) as unknown as typeof globalThis.fetch;
  const code = await runEvaluator(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) }, env, { fetch });
  return { code, stdout, stderr };
}

const USAGE_LINE = 'Usage: npm run --silent evaluate -- [options] <bundle.json | directory>';

describe('live mode: bad arguments exit 2 with one line and the usage line', () => {
  it.each([
    [['--fhir-base', 'ftp://ehr.example/fhir', '--patient', 'p1'], '--fhir-base must be an absolute http:// or https:// URL'],
    [['--fhir-base', '/fhir', '--patient', 'p1'], '--fhir-base must be an absolute http:// or https:// URL'],
    [['--fhir-base', 'ehr.example/fhir', '--patient', 'p1'], '--fhir-base must be an absolute http:// or https:// URL'],
    [['--fhir-base', 'https://alice:s3cret@ehr.example/fhir', '--patient', 'p1'], '--fhir-base must not contain a user name or password (use FHIR_BEARER_TOKEN for the token)'],
    [['--fhir-base', 'https://ehr.example/fhir#x', '--patient', 'p1'], '--fhir-base must not contain a fragment (#…)'],
    [['--fhir-base', 'https://ehr.example/fhir?access_token=s3cret', '--patient', 'p1'], '--fhir-base must not contain a query (?…)'],
    [['--fhir-base', 'https://ehr.example/fhir', '--patient', '../Observation'], '--patient must be a FHIR id: 1 to 64 of A-Z a-z 0-9 - .'],
    [['--fhir-base', 'https://ehr.example/fhir', '--patient', 'p1/_history/2'], '--patient must be a FHIR id: 1 to 64 of A-Z a-z 0-9 - .'],
    [['--fhir-base', 'https://ehr.example/fhir', '--patient', 'p'.repeat(65)], '--patient must be a FHIR id: 1 to 64 of A-Z a-z 0-9 - .'],
    [['--fhir-base', 'https://ehr.example/fhir', '--patient', 'p 1'], '--patient must be a FHIR id: 1 to 64 of A-Z a-z 0-9 - .'],
    [['--fhir-base', 'https://ehr.example/fhir', '--patient', ''], '--patient must be a FHIR id: 1 to 64 of A-Z a-z 0-9 - .'],
    [['--fhir-base', 'https://ehr.example/fhir'], '--fhir-base needs --patient (live mode)'],
    [['--patient', 'p1'], '--patient needs --fhir-base (live mode)'],
    [['--fhir-base', 'https://ehr.example/fhir', '--patient', 'p1', 'bundle.json'], 'give either --fhir-base and --patient (live mode) or a bundle path, not both'],
    [['--fhir-base', 'https://ehr.example/fhir', '--patient', 'p1', '--summary'], '--summary counts outcomes over a directory of bundles; live mode evaluates one patient'],
    [['--fhir-base', 'https://ehr.example/fhir', '--fhir-base', 'https://other.example/fhir', '--patient', 'p1'], '--fhir-base given twice'],
    [['--fhir-base', 'https://ehr.example/fhir', '--patient', 'p1', '--patient', 'p2'], '--patient given twice'],
    [['--fhir-base', 'https://ehr.example/fhir', '--patient', 'p1', '--token', TOKEN], 'the bearer token is read from the environment variable FHIR_BEARER_TOKEN, never from the command line'],
    [['--fhir-base', 'https://ehr.example/fhir', '--patient', 'p1', `--bearer-token=${TOKEN}`], 'the bearer token is read from the environment variable FHIR_BEARER_TOKEN, never from the command line'],
    [['--fhir-base', 'https://ehr.example/fhir', '--patient'], '--patient needs a value'],
    [['--additional-fhir-origin', 'https://fhir2.ehr.example', 'bundle.json'], '--additional-fhir-origin needs --fhir-base (live mode)'],
    [['--fhir-base', 'https://ehr.example/fhir', '--patient', 'p1', '--additional-fhir-origin', 'not a url s3cret'], '--additional-fhir-origin must be an origin such as https://fhir2.hospital.example'],
    [['--fhir-base', 'https://ehr.example/fhir', '--patient', 'p1', '--additional-fhir-origin', 'http://fhir2.ehr.example'], '--additional-fhir-origin must be an https origin (http only for localhost)'],
    [['--fhir-base', 'https://ehr.example/fhir', '--patient', 'p1', '--additional-fhir-origin', 'https://fhir2.ehr.example/fhir'], '--additional-fhir-origin must be an origin only (scheme, host and port, no path), written as https://fhir2.ehr.example'],
    [['--fhir-base', 'https://ehr.example/fhir', '--patient', 'p1', '--additional-fhir-origin', 'https://alice:s3cret@fhir2.ehr.example'], '--additional-fhir-origin must be an origin only (scheme, host and port, no path), written as https://fhir2.ehr.example'],
  ])('%j', async (args, message) => {
    const r = await cli(args);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `evaluate: ${message}\n${USAGE_LINE}\n` });
    expect(r.stderr).not.toContain('s3cret');
    expect(r.stderr).not.toContain(TOKEN);
  });

  it('refuses to send the token over plain http to another machine, and does not print it', async () => {
    const r = await cli(['--fhir-base', 'http://ehr.example/fhir', '--patient', 'p1'], { FHIR_BEARER_TOKEN: TOKEN });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`evaluate: refusing to send FHIR_BEARER_TOKEN over plain http:// to another machine; use https:// (or unset FHIR_BEARER_TOKEN for an open server)\n${USAGE_LINE}\n`);
    expect(r.stderr).not.toContain(TOKEN);
  });

  it('refuses a token that is not a bearer token (it could inject a header line), and does not print it', async () => {
    const bad = 'abc\r\nX-Injected: 1';
    const r = await cli(['--fhir-base', 'https://ehr.example/fhir', '--patient', 'p1'], { FHIR_BEARER_TOKEN: bad });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^evaluate: FHIR_BEARER_TOKEN is not a bearer token \(RFC 6750/);
    expect(r.stderr).not.toContain('X-Injected');
  });
});

describe('where a token may go', () => {
  it('over https anywhere, over http only to loopback', () => {
    expect(checkTokenUse('https://ehr.example/fhir', TOKEN)).toBeUndefined();
    expect(checkTokenUse('http://127.0.0.1:8090/fhir', TOKEN)).toBeUndefined();
    expect(checkTokenUse('http://localhost:8090/fhir', TOKEN)).toBeUndefined();
    expect(checkTokenUse('http://[::1]:8090/fhir', TOKEN)).toBeUndefined();
    expect(checkTokenUse('http://10.0.0.5/fhir', TOKEN)).toMatch(/refusing/);
    expect(checkTokenUse('http://127.0.0.1.nip.io/fhir', TOKEN)).toMatch(/refusing/);
    expect(checkTokenUse('http://localhost.evil.example/fhir', TOKEN)).toMatch(/refusing/);
  });

  it('knows loopback names and addresses, and nothing else', () => {
    expect(['localhost', 'LOCALHOST', 'app.localhost', '127.0.0.1', '127.255.0.9', '[::1]'].map(isLoopbackHost)).toEqual([true, true, true, true, true, true]);
    expect(['localhost.example', '128.0.0.1', '0.0.0.0', '[::]', 'ehr.example', '127.0.0.1.example'].map(isLoopbackHost)).toEqual([false, false, false, false, false, false]);
  });

  it('accepts absolute http(s) bases with a path and a port', () => {
    expect(checkFhirBase('https://ehr.example:8443/r4/fhir')).toBeUndefined();
    expect(checkFhirBase('http://127.0.0.1:8090/fhir/')).toBeUndefined();
    expect(checkFhirBase('https://ehr.example/fhir?')).toBe('must not contain a query (?…)');
  });
});
