/**
 * `npm start`: the local SMART sandbox (FHIR server, authorization server, EHR page with the
 * scenario patients), the app in development mode and the CDS Hooks service, together. Prints, each
 * on a line of its own, `FHIR base: <url>`, `EHR: <url>` (open this one and launch a patient or open
 * a chart), `App: <url>` and `CDS Hooks: <url>`. The service trusts the sandbox's own JWK Set, and the
 * sandbox's chart pages call it. Ctrl-C stops all three cleanly.
 */
import { parseArgs } from 'node:util';
import { createServer as createViteServer, type ViteDevServer } from 'vite';
import { startCdsHooksServer, type CdsHooksServer } from '../cds-hooks/server.js';
import { createSandbox, type Sandbox } from '../sandbox/server.js';
import { SandboxStartError } from '../sandbox/start-error.js';
import { devRuntimeConfig } from './dev-runtime-config.js';

const APP_HOST = '127.0.0.1';
const APP_PORT = 5173;
const APP_URL = `http://${APP_HOST}:${APP_PORT}`;

/**
 * `npm start -- --data DIR` passes through to the sandbox, so the 122 Synthea patients (or any
 * folder of bundles) can be explored without editing configuration.
 */
function startOptions(argv: readonly string[]): { data: string[] } {
  const { values } = parseArgs({ args: [...argv], options: { data: { type: 'string', multiple: true } }, strict: true, allowPositionals: false });
  return { data: values.data ?? [] };
}

async function main(): Promise<void> {
  let options: { data: string[] };
  try {
    options = startOptions(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`start: ${err instanceof Error ? err.message : String(err)} (npm start -- [--data DIR ...])\n`);
    process.exit(1);
  }
  let sandbox: Sandbox | undefined;
  let vite: ViteDevServer | undefined;
  let cds: CdsHooksServer | undefined;
  const stop = async (code: number) => {
    await Promise.allSettled([vite?.close(), sandbox?.close(), cds?.close()]);
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    sandbox = await createSandbox({ appUrl: APP_URL, ...(options.data.length ? { data: options.data } : {}) });
    // Bundled dev mode (Vite 8.1+, experimental): the app's ~250 source modules are served as a few
    // lazily built bundles instead of one request each, so the first launch is not a blank page for
    // seconds while the browser walks the import graph (measured: launch click to findings 2.4 s
    // instead of 4.1 s on a busy 2-core machine).
    // Write-back on against the sandbox (tools/dev-runtime-config.ts); the shipped file keeps it off.
    vite = await createViteServer({ experimental: { bundledDev: true }, plugins: [devRuntimeConfig({ writeBack: true, ehrPageUrl: sandbox.ehrUrl })], server: { host: APP_HOST, port: APP_PORT, strictPort: true }, logLevel: 'warn', clearScreen: false });
    await vite.listen();
    cds = await startCdsHooksServer({ appLaunchUrl: sandbox.appLaunchUrl, trust: [{ issuer: sandbox.cdsClient.issuer, jwksUrl: sandbox.cdsClient.jwksUrl }] });
    sandbox.cdsClient.connect(cds.baseUrl);
  } catch (err) {
    const message = err instanceof SandboxStartError ? err.message : err instanceof Error ? err.message.split('\n')[0] : String(err);
    process.stderr.write(`start: ${message}\n`);
    await stop(1);
    return;
  }
  process.stdout.write(`FHIR base: ${sandbox.fhirBase}\n`);
  process.stdout.write(`EHR: ${sandbox.ehrUrl}\n`);
  process.stdout.write(`App: ${APP_URL}/\n`);
  process.stdout.write(`CDS Hooks: ${cds!.baseUrl}\n`);
  process.stdout.write(`Open the EHR page and launch a patient, or open a chart for its decision support (${sandbox.startup.patients} loaded). Ctrl-C stops all three.\n`);
}

void main();
