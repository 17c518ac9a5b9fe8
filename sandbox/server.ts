/**
 * The composed sandbox: one node:http server on one origin holding
 *   /fhir            the FHIR R4 server (sandbox/fhir), every request checked by the SMART token verifier
 *   /fhir/.well-known/smart-configuration, /auth/*   the SMART authorization server (sandbox/auth)
 *   /ehr             the sandbox EHR page, which launches the app for a chosen patient
 *   /sandbox/faults  the fault admin endpoint (loopback only)
 * with the scenario patients (sandbox/patients), any extra bundle directories, and the fault rules.
 *
 * It listens before building anything else because the servers' URLs (issuer, `aud`, discovery
 * documents, paging links) are absolute and, with port 0, the port is only known once listening.
 * Until the data are loaded every request gets 503 + Retry-After, never a half-loaded patient.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAULTS_PATH, handleFaultsAdmin } from './admin/faults-endpoint';
import { APP_CLIENT_ID, appClient, appUrls } from './app-client';
import { createAuthServer, type AuthServer } from './auth';
import { createCdsClient, type CdsClient } from './cds-client';
import { FaultEngine, readFaultsFile, type FaultControls } from './faults';
import { isLoopbackOrigin } from './fhir/http/cors';
import { createFhirServer, type FhirServer } from './fhir/server';
import { isLoopbackHostname } from './http/loopback';
import { scenarioShiftDays, writeShiftedScenarios } from './patients/load-scenarios';
import { SCENARIO_PATIENTS_DIR, scenarioFiles, type ScenarioFiles } from './scenario-patients';
import { listenError, SandboxStartError } from './start-error';

export interface SandboxOptions {
  /**
   * Interface to listen on (default 127.0.0.1). Anything but a loopback address (127.0.0.0/8, ::1,
   * localhost) needs `publicUrl`: a sandbox other machines can reach must say under which URL.
   */
  readonly host?: string;
  /**
   * The URL other machines reach this sandbox at, e.g. `http://ehr-sandbox.lan:8090` (an origin, no
   * path): it becomes the FHIR base, the EHR page's address and the tokens' `aud`. Setting it makes the
   * sandbox public: the EHR page and the picker accept form posts under this host only, and the
   * standalone patient choice must be confirmed by the user. The faults endpoint stays loopback only.
   */
  readonly publicUrl?: string;
  /** Default 8090; 0 picks a free port. */
  readonly port?: number;
  /** Where the app's dev server runs; its redirect and launch URLs derive from it (default http://127.0.0.1:5173). */
  readonly appUrl?: string;
  /** Scenario patients and their faults.json (default sandbox/patients); false loads none. */
  readonly patientsDir?: string | false;
  /**
   * Move the scenario patients' dates from the day they are written for (SCENARIO_ANCHOR_DATE) to
   * today, so their labs are as recent on any day as on that one (default true). False loads them as
   * written, e.g. to compare with expected.json's `asOf` or for fixtures written for a fixed day.
   */
  readonly shiftScenarioDates?: boolean;
  /** The day to shift the scenario patients to, `YYYY-MM-DD` (default: today on this machine). */
  readonly today?: string;
  /** More files or directories of FHIR bundles, e.g. ../shared/data/synthea-r4. */
  readonly data?: readonly string[];
  /** Latency added to every FHIR response, in milliseconds. */
  readonly latencyMs?: number;
  /** Access-token lifetime for every launch (default and maximum 3600 s). */
  readonly tokenLifetimeSeconds?: number;
  /**
   * A CDS Hooks service's base URL (`<base>/cds-services` is its discovery): the EHR's chart pages
   * call it (sandbox/cds-client). It can also be set later with `cdsClient.connect`.
   */
  readonly cdsHooksUrl?: string;
}

export interface SandboxStartup {
  readonly patients: number;
  readonly resources: number;
  readonly milliseconds: number;
  readonly scenarios: {
    readonly dir: string | undefined;
    readonly state: ScenarioFiles['state'] | 'not-requested';
    /** Days the scenario dates were moved by (0 when not shifted). */
    readonly shiftedByDays: number;
    readonly faultRules: number;
  };
  /** Files or entries that were skipped and faults.json problems; printed by `npm run sandbox`. */
  readonly warnings: readonly string[];
}

export interface Sandbox {
  /** `http://host:port`, no trailing slash. */
  readonly origin: string;
  readonly fhirBase: string;
  readonly ehrUrl: string;
  readonly adminUrl: string;
  readonly clientId: string;
  /** The app's launch page, which the EHR page opens with `iss` and `launch`. */
  readonly appLaunchUrl: string;
  readonly faults: FaultControls;
  readonly auth: AuthServer;
  readonly fhir: FhirServer;
  readonly startup: SandboxStartup;
  /** The EHR as a CDS Hooks client: its JWT issuer and JWK Set URL, the chart pages, `connect`. */
  readonly cdsClient: CdsClient;
  close(): Promise<void>;
}

const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_PORT = 8090;

/** How URLs name the host: IPv6 literals in brackets. */
function urlHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/**
 * The origin the sandbox names itself by. A sandbox listening beyond loopback refuses to start without
 * an explicit public URL: naming itself 127.0.0.1 there would hand remote browsers URLs (and a token
 * `aud`) that point at their own machine.
 */
function ownOrigin(host: string, publicUrl: string | undefined): { origin: (port: number) => string; isPublic: boolean } {
  if (publicUrl !== undefined) {
    const origin = publicOrigin(publicUrl);
    return { origin: () => origin, isPublic: true };
  }
  if (!isLoopbackHostname(host)) {
    throw new SandboxStartError('bad-option', `--host ${host} is not a loopback address: give --public-url with the URL other machines reach this sandbox at (it becomes the FHIR base and the tokens' aud)`);
  }
  return { origin: (port) => `http://${urlHost(host)}:${port}`, isPublic: false };
}

function publicOrigin(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch (cause) {
    throw new SandboxStartError('bad-option', `--public-url must be an absolute URL such as http://sandbox.example:8090, got ${JSON.stringify(text)}`, { cause });
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new SandboxStartError('bad-option', `--public-url must be an http(s) origin without path, query or credentials, got ${JSON.stringify(text)}`);
  }
  return url.origin;
}

async function checkData(paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    try {
      await stat(path);
    } catch (cause) {
      throw new SandboxStartError('bad-data', `cannot read --data ${path}: ${(cause as NodeJS.ErrnoException).code ?? 'error'}`, { cause });
    }
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const failed = (err: Error) => reject(listenError(err, host, port));
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** close(), safe to call twice; `beforeClose` wakes responses still sleeping on injected latency. */
function closer(server: Server, beforeClose: () => void): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () =>
    (closing ??= new Promise<void>((resolve, reject) => {
      beforeClose();
      server.close((err) => (err && (err as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING' ? reject(err) : resolve()));
      server.closeAllConnections(); // keep-alive sockets would otherwise hold close() open
    }));
}

function notFound(res: ServerResponse, origin: string): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`Not found. This sandbox serves:\n  ${origin}/fhir  (FHIR R4)\n  ${origin}/ehr  (EHR page)\n  ${origin}/auth  (SMART authorization)\n  ${origin}${FAULTS_PATH}  (faults, loopback only)\n`);
}

interface Parts {
  readonly auth: AuthServer;
  readonly fhir: FhirServer;
  readonly faults: FaultEngine;
  readonly cds: CdsClient;
}

async function route(req: IncomingMessage, res: ServerResponse, parts: Parts, origin: string): Promise<void> {
  if (await handleFaultsAdmin(req, res, parts.faults)) return;
  // The auth server owns {fhirBase}/.well-known/smart-configuration, which the FHIR server leaves alone.
  if (await parts.auth.handle(req, res)) return;
  if (await parts.fhir.handle(req, res)) return;
  if (await parts.cds.handle(req, res)) return;
  const { pathname } = new URL(req.url ?? '/', 'http://sandbox.invalid');
  if (pathname === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
    res.writeHead(302, { Location: '/ehr' }).end();
    return;
  }
  notFound(res, origin);
}

export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? DEFAULT_HOST;
  const naming = ownOrigin(host, options.publicUrl); // before listening: a refused start opens no port
  const urls = appUrls(options.appUrl);
  const data = options.data ?? [];
  await checkData(data);
  if (options.latencyMs !== undefined && !(Number.isInteger(options.latencyMs) && options.latencyMs >= 0)) {
    throw new SandboxStartError('bad-option', `latency must be a whole number of milliseconds, got ${options.latencyMs}`);
  }

  let parts: Parts | undefined;
  let origin = '';
  const server = createServer((req, res) => {
    if (!parts) {
      res.writeHead(503, { 'Retry-After': '1', 'Content-Type': 'text/plain; charset=utf-8' }).end('The sandbox is still loading its patients.\n');
      return;
    }
    route(req, res, parts, origin).catch((err: unknown) => {
      console.error('sandbox: request failed:', err);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('The sandbox failed to handle this request.\n');
      else res.destroy();
    });
  });
  const port = await listen(server, options.port ?? DEFAULT_PORT, host);
  origin = naming.origin(port);
  const fhirBase = `${origin}/fhir`;

  let fhir: FhirServer | undefined;
  let faults: FaultEngine | undefined;
  const close = closer(server, () => faults?.dispose());
  try {
    const auth = createAuthServer({
      issuer: `${origin}/auth`,
      fhirBaseUrl: fhirBase,
      clients: [appClient(urls)],
      // Each with the notes saved to its chart, which the EHR page lists.
      patients: () => (fhir ? fhir.patients().map((p) => ({ ...p, savedNotes: fhir!.savedNotes(p.id) })) : []),
      ehr: { appLaunchUrl: urls.launchUrl, clientId: APP_CLIENT_ID },
      ...(naming.isPublic ? { publicOrigin: origin } : {}),
      shapeTokenResponse: (response, grant) => faults?.shapeTokenResponse(response, grant) ?? response,
      ...(options.tokenLifetimeSeconds === undefined ? {} : { tokenLifetimeSeconds: options.tokenLifetimeSeconds }),
    });
    const engine = new FaultEngine({
      verifier: auth.verifier,
      fhirBaseUrl: fhirBase,
      latencyMs: options.latencyMs ?? 0,
      readResource: (resourceType, id) => fhir?.read(resourceType, id),
    });
    faults = engine;
    fhir = createFhirServer({
      baseUrl: fhirBase,
      smart: { authorize: auth.endpoints.authorize, token: auth.endpoints.token },
      authenticate: (req, interaction) => auth.verifier.authenticate(req, interaction),
      authorize: (req, access) => {
        engine.beforeAuthorize(req, access);
        return auth.verifier.authorize(req, access);
      },
      adjustSearch: (req, access) => engine.adjustSearch(req, access),
      beforeResponse: (req, response, access) => engine.beforeResponse(req, response, access),
      // The app's own origin too, for an app that is not on this machine (a public sandbox).
      allowOrigin: (candidate) => isLoopbackOrigin(candidate) || candidate === new URL(urls.appUrl).origin,
    });
    const patientsDir = options.patientsDir ?? SCENARIO_PATIENTS_DIR;
    const shiftTo = options.shiftScenarioDates === false ? undefined : (options.today ?? new Date());
    const startup = await load(fhir, engine, patientsDir, data, shiftTo);
    const servedFhir = fhir;
    const cds = await createCdsClient({
      origin,
      fhirBase,
      auth,
      appLaunchUrl: urls.launchUrl,
      appClientId: APP_CLIENT_ID,
      ...(naming.isPublic ? { publicOrigin: origin } : {}),
      patients: () => servedFhir.patients(),
      ...(options.cdsHooksUrl ? { cdsHooksUrl: options.cdsHooksUrl } : {}),
    });
    parts = { auth, fhir, faults: engine, cds };
    return {
      origin,
      fhirBase,
      ehrUrl: auth.ehrUrl ?? `${origin}/ehr`,
      adminUrl: `${origin}${FAULTS_PATH}`,
      clientId: APP_CLIENT_ID,
      appLaunchUrl: urls.launchUrl,
      faults: engine,
      auth,
      fhir,
      startup,
      cdsClient: cds,
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

/** Loads the scenario patients (dates shifted to today unless told not to) and extra data, then applies faults.json. */
async function load(fhir: FhirServer, faults: FaultEngine, patientsDir: string | false, data: readonly string[], shiftTo: string | Date | undefined): Promise<SandboxStartup> {
  const scenarios = patientsDir === false ? undefined : await scenarioFiles(patientsDir);
  const warnings: string[] = [];
  const shifted = scenarios?.state === 'found' && shiftTo ? await shiftedScenarioFiles(scenarios.dir, shiftTo, warnings) : undefined;
  let report;
  try {
    report = await fhir.load(...(shifted?.paths ?? scenarios?.bundles ?? []), ...data);
  } finally {
    if (shifted) await rm(shifted.tmpDir, { recursive: true, force: true });
  }
  warnings.push(...report.warnings);
  const faultRules = scenarios ? await applyFaultsFile(fhir, faults, scenarios.faultsFile, warnings) : 0;
  return {
    patients: fhir.patients().length,
    resources: report.resources,
    milliseconds: report.milliseconds,
    scenarios: { dir: scenarios?.dir, state: scenarios?.state ?? 'not-requested', shiftedByDays: shifted?.days ?? 0, faultRules },
    warnings,
  };
}

/**
 * The scenario bundles with their dates moved to today, written to a temporary directory because the
 * FHIR server loads files (sandbox/patients/load-scenarios.ts does the shifting and the skipping).
 */
async function shiftedScenarioFiles(dir: string, today: string | Date, warnings: string[]): Promise<{ paths: string[]; tmpDir: string; days: number }> {
  const days = scenarioShiftDays(today); // also checks the day before anything is written
  const tmpDir = await mkdtemp(join(tmpdir(), 'sandbox-scenarios-'));
  try {
    const paths = await writeShiftedScenarios(tmpDir, { dir, today, onSkip: (file, reason) => warnings.push(`${join(dir, file)}: skipped: ${reason}`) });
    return { paths, tmpDir, days };
  } catch (err) {
    await rm(tmpDir, { recursive: true, force: true });
    throw err;
  }
}

async function applyFaultsFile(fhir: FhirServer, faults: FaultEngine, path: string, warnings: string[]): Promise<number> {
  const file = await readFaultsFile(path);
  warnings.push(...file.problems);
  const known = new Set(fhir.patients().map((p) => p.id));
  let added = 0;
  for (const rule of file.rules) {
    if (rule.patientId && !known.has(rule.patientId)) warnings.push(`${path}: no patient ${rule.patientId} is loaded; its rule is kept anyway`);
    try {
      faults.add(rule, 'faults.json');
      added += 1;
    } catch (err) {
      warnings.push(`${path}: ${(err as Error).message}`); // a duplicate id
    }
  }
  return added;
}
