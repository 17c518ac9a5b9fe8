/**
 * Runs the sandbox FHIR server alone, for manual use:
 *
 *   npx tsx sandbox/fhir/dev-server.ts --port 0 --data ../shared/data/synthea-r4
 *
 * Loads the scenario patients (sandbox/patients, if present) and every `--data` directory or file, then
 * prints `FHIR base: <url>` on its own line. No authorization: the project's `npm run sandbox` composes
 * this server with the SMART authorization server. Ctrl-C stops it.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createFhirServer } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', multiple: true, default: [] },
    'page-size': { type: 'string' },
  },
});

const scenarios = resolve(import.meta.dirname, '../patients');
const sources = [...(existsSync(scenarios) ? [scenarios] : []), ...(values.data ?? [])];

const server = createServer();
await new Promise<void>((done) => server.listen(Number(values.port), values.host, done));
const { port } = server.address() as AddressInfo;
const host = values.host.includes(':') ? `[${values.host}]` : values.host;
const fhir = createFhirServer({
  baseUrl: `http://${host}:${port}/fhir`,
  ...(values['page-size'] ? { pageSize: Number(values['page-size']) } : {}),
});
const report = await fhir.load(...sources);
for (const warning of report.warnings) {
  console.warn(`warning: ${warning}`);
}
server.on('request', (req, res) => {
  void fhir.handle(req, res).then((handled) => {
    if (!handled) res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found: the FHIR base is /fhir\n');
  });
});
console.log(`Loaded ${report.resources} resources from ${report.files} files in ${report.milliseconds} ms (${fhir.patients().length} patients)`);
console.log(`FHIR base: ${fhir.baseUrl}`);

process.once('SIGINT', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
