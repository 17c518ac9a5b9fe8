/**
 * The production server: the CSP it sends, safe path resolution, caching, and the real process
 * printing `App: <url>` and sending the header.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { connect } from 'node:net';
import type { Readable } from 'node:stream';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRuntimeConfig } from '../../../src/config/runtime-config.js';
import { contentSecurityPolicy } from '../../../server/csp.js';
import { resolveInside } from '../../../server/static-files.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const config = parseRuntimeConfig({ clientId: 'app', scope: 'launch', allowedIssuers: ['https://ehr.example.org/fhir', 'https://other.example.org:8443/r4/'], allowedFrameAncestors: ['https://ehr.example.org'] });

describe('contentSecurityPolicy', () => {
  it('allows scripts only from self, connections only to the FHIR origins, framing only by the EHR', () => {
    const csp = contentSecurityPolicy(config);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toContain("connect-src 'self' https://ehr.example.org https://other.example.org:8443");
    expect(csp).toContain('frame-ancestors https://ehr.example.org');
    expect(contentSecurityPolicy({ ...config, allowedFrameAncestors: [] })).toContain("frame-ancestors 'none'");
  });

  it('also allows connections to the EHR\'s additional FHIR origins, once each', () => {
    const withSecond = parseRuntimeConfig({ clientId: 'app', scope: 'launch', allowedIssuers: ['https://ehr.example.org/fhir'], additionalFhirOrigins: ['https://fhir2.ehr.example.org', 'https://ehr.example.org'] });
    expect(contentSecurityPolicy(withSecond)).toContain("connect-src 'self' https://ehr.example.org https://fhir2.ehr.example.org; ");
  });
});

describe('resolveInside', () => {
  const dist = mkdtempSync(join(tmpdir(), 'dist-'));
  mkdirSync(join(dist, 'launch'));
  writeFileSync(join(dist, 'index.html'), 'app');
  writeFileSync(join(dist, 'launch', 'index.html'), 'launch');
  writeFileSync(join(dist, '.env'), 'secret');

  it('maps directories to their index.html and refuses traversal, dotfiles and NUL', () => {
    expect(resolveInside(dist, '/')).toBe(join(dist, 'index.html'));
    expect(resolveInside(dist, '/launch/?iss=x')).toBe(join(dist, 'launch', 'index.html'));
    expect(resolveInside(dist, '/../package.json')).toBeUndefined();
    expect(resolveInside(dist, '/%2e%2e/%2e%2e/etc/passwd')).toBeUndefined();
    expect(resolveInside(dist, '/.env')).toBeUndefined();
    expect(resolveInside(dist, '/index.html%00.js')).toBeUndefined();
    expect(resolveInside(dist, '/nope.js')).toBeUndefined();
  });
});

/** A dist/ with an index page and the given runtime configuration. */
function distWith(config: Record<string, unknown>): string {
  const dist = mkdtempSync(join(tmpdir(), 'dist-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(dist, 'smart-config.json'), JSON.stringify({ clientId: 'app', scope: 'launch', allowedIssuers: ['http://127.0.0.1:8090/fhir'], allowedFrameAncestors: ['http://127.0.0.1:8090'], ...config }));
  return dist;
}

/** The URL of the server's `App:` line; rejects if the process exits first. */
function appUrlOf(child: ChildProcessByStdio<null, Readable, Readable>, exited: Promise<unknown>): Promise<string> {
  return new Promise<string>((resolveUrl, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^App: (http:\/\/\S+)$/m.exec(out);
      if (m) resolveUrl(m[1]!);
    });
    void exited.then((code) => reject(new Error(`exited ${String(code)}: ${out}`)));
  });
}

describe('npm run serve (real process)', () => {
  it('prints App: <url> on its own line and sends the CSP header', async () => {
    const dist = distWith({ additionalFhirOrigins: ['http://127.0.0.1:8091'] });
    // One process (node with tsx's loader), so stopping it leaves nothing behind.
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0', '--dist', dist], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    try {
      const url = await appUrlOf(child, exited);
      const r = await fetch(url);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-security-policy')).toContain("connect-src 'self' http://127.0.0.1:8090 http://127.0.0.1:8091;");
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect((await fetch(new URL('/missing', url))).status).toBe(404);
      expect((await fetch(url, { method: 'POST' })).status).toBe(405);
    } finally {
      child.kill('SIGINT');
      await exited;
    }
  });

  it('stops on Ctrl-C (SIGINT to npm\'s process group) with exit 0 while a browser connection is still open mid-request', async () => {
    const dist = distWith({});
    // As a user runs it: npm in its own process group, Ctrl-C reaching the whole group.
    const child = spawn('npm', ['run', '--silent', 'serve', '--', '--port', '0', '--dist', dist], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const url = await appUrlOf(child, exited);
    // A connection in the middle of a request (headers not finished): close() alone waits for it forever.
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    socket.on('error', () => undefined);
    await new Promise<void>((ready) => socket.once('connect', () => ready()));
    socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    process.kill(-(child.pid ?? 0), 'SIGINT');
    expect(await exited).toBe(0);
    socket.destroy();
    await expect(fetch(url)).rejects.toThrow();
  });
});
