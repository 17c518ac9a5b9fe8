/** Test support: a CDS Hooks server on a free loopback port, and POSTing JSON to it. */
import { startCdsHooksServer, type CdsHooksOptions, type CdsHooksServer } from '../../../cds-hooks/server.js';
import { silentLogger } from '../../../cds-hooks/log.js';
import { AS_OF } from './calls.js';

export async function startTestServer(options: CdsHooksOptions = {}): Promise<CdsHooksServer> {
  return startCdsHooksServer({ port: 0, log: silentLogger, today: () => AS_OF, appLaunchUrl: 'https://app.example/launch/', ...options });
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string; json?: unknown; headers: Headers }> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json, headers: response.headers };
}
