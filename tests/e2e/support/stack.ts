/**
 * One end-to-end stack: the real sandbox (FHIR server, SMART server, EHR page, scenario patients)
 * on a free port, the production build of the app served with the production server's strict CSP
 * and security headers, and Debian's Chromium driven by Playwright.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../../sandbox/server.js';
import { contentSecurityPolicy, SECURITY_HEADERS } from '../../../server/csp.js';
import { serveStatic } from '../../../server/static-files.js';
import { parseRuntimeConfig } from '../../../src/config/runtime-config.js';

export interface Stack {
  readonly sandbox: Sandbox;
  readonly appUrl: string;
  /** A page of a pretend EHR (its own origin, an allowed frame ancestor) that shows `src` in a side-panel iframe. */
  panelPageFor(src: string): string;
  readonly browser: Browser;
  /** Every request the browser made, for "nothing was sent to X" assertions. */
  readonly requests: string[];
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Escape for an HTML attribute value. */
const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** `config`: runtime configuration fields over the stack's own (e.g. `{ writeBack: true }`). */
export async function startStack(appDist: string, options: Omit<SandboxOptions, 'appUrl' | 'port'> = {}, config: Readonly<Record<string, unknown>> = {}): Promise<Stack> {
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  // A second "EHR" host that embeds the app in an iframe, as EHRs show apps in a side panel.
  const panelServer: Server = createHttpServer((req, res) => {
    const src = new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? 'about:blank';
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>EHR</title><iframe id="panel" title="Leg cramps" src="${attr(src)}" style="width:400px;height:900px"></iframe>`);
  });
  await new Promise<void>((resolve) => panelServer.listen(0, '127.0.0.1', resolve));
  const panelOrigin = `http://127.0.0.1:${(panelServer.address() as { port: number }).port}`;
  const sandbox = await createSandbox({ ...options, port: 0, appUrl });

  const dist = mkdtempSync(join(tmpdir(), 'lc-e2e-app-'));
  cpSync(appDist, dist, { recursive: true });
  const raw = {
    clientId: sandbox.clientId,
    scope: 'launch openid fhirUser patient/Patient.rs patient/Observation.rs patient/Condition.rs patient/MedicationRequest.rs patient/MedicationStatement.rs patient/MedicationDispense.rs patient/MedicationAdministration.rs patient/Medication.rs patient/QuestionnaireResponse.rs',
    standaloneScope: 'launch/patient openid fhirUser patient/Patient.rs patient/Observation.rs patient/Condition.rs patient/MedicationRequest.rs patient/MedicationStatement.rs patient/MedicationDispense.rs patient/MedicationAdministration.rs patient/Medication.rs patient/QuestionnaireResponse.rs',
    allowedIssuers: [sandbox.fhirBase],
    standaloneIssuer: sandbox.fhirBase,
    allowedFrameAncestors: [sandbox.origin, panelOrigin],
    // As npm start does: the page shown for the app's bare address links to the EHR's patient list.
    ehrPageUrl: sandbox.ehrUrl,
    ...config,
  };
  writeFileSync(join(dist, 'smart-config.json'), JSON.stringify(raw));
  const headers = { ...SECURITY_HEADERS, 'Content-Security-Policy': contentSecurityPolicy(parseRuntimeConfig(raw)) };
  const server: Server = createHttpServer((req, res) => serveStatic(dist, req, res, headers));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const requests: string[] = [];
  return {
    sandbox,
    appUrl,
    browser,
    requests,
    panelPageFor: (src) => `${panelOrigin}/panel?src=${encodeURIComponent(src)}`,
    async newPage(viewport = { width: 1280, height: 900 }) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      page.on('request', (r) => requests.push(r.url()));
      return page;
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await new Promise((resolve) => panelServer.close(resolve));
      await sandbox.close();
      rmSync(dist, { recursive: true, force: true });
    },
  };
}
