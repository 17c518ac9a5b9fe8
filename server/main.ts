/**
 * `npm run serve`: the project's production static server for dist/. Sends the strict
 * Content-Security-Policy as a header, built from the runtime configuration it serves
 * (dist/smart-config.json), and prints `App: <url>` on a line of its own.
 *
 *   npm run build && npm run serve -- [--port 4173] [--host 127.0.0.1] [--dist dist]
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { parseRuntimeConfig } from '../src/config/runtime-config.js';
import { contentSecurityPolicy, SECURITY_HEADERS } from './csp.js';
import { serveStatic } from './static-files.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const dist = resolve(arg('--dist', 'dist'));
const host = arg('--host', '127.0.0.1');
const port = Number(arg('--port', '4173'));

let csp: string;
try {
  const raw = JSON.parse(readFileSync(join(dist, 'smart-config.json'), 'utf8')) as Record<string, unknown>;
  const config = parseRuntimeConfig(raw);
  const extra = Array.isArray(raw.additionalConnectOrigins) ? raw.additionalConnectOrigins.filter((o): o is string => typeof o === 'string') : [];
  csp = contentSecurityPolicy({ ...config, additionalConnectOrigins: extra });
} catch (err) {
  process.stderr.write(`serve: cannot read ${join(dist, 'smart-config.json')} (${err instanceof Error ? err.message : 'error'}); run \`npm run build\` first\n`);
  process.exit(1);
}

const headers = { ...SECURITY_HEADERS, 'Content-Security-Policy': csp };
const server = createServer((req, res) => serveStatic(dist, req, res, headers));
server.on('error', (err: NodeJS.ErrnoException) => {
  process.stderr.write(`serve: ${err.code === 'EADDRINUSE' ? `port ${port} is already in use` : err.message}\n`);
  process.exit(1);
});
server.listen(port, host, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  process.stdout.write(`App: http://${host}:${actual}/\n`);
  process.stdout.write(`Launch URL for an EHR: http://${host}:${actual}/launch/\n`);
});

// Ctrl-C must stop the server even while a browser holds keep-alive connections open: close()
// alone waits for them, so the server kept running. Idle and active connections are closed too.
const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
