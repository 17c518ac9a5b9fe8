import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Bundle, BundleEntry, Resource } from 'fhir/r4';
import type { FhirServer, FhirServerOptions } from '../../../sandbox/fhir/server';
import { createFhirServer } from '../../../sandbox/fhir/server';

export const FIXTURES = resolve(import.meta.dirname, 'fixtures');
export const fixture = (name: string): string => resolve(FIXTURES, name);

export interface Harness {
  readonly fhir: FhirServer;
  readonly base: string;
  /** Sends a request to `<base>/<path>` (or to an absolute URL) and parses the JSON body. */
  request<T = Resource>(path: string, init?: RequestInit): Promise<{ status: number; headers: Headers; body: T }>;
  get<T = Resource>(path: string, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: T }>;
  close(): Promise<void>;
}

/** A real node:http server on a loopback port with the FHIR server mounted under /fhir. */
export async function startFhirServer(options: Omit<FhirServerOptions, 'baseUrl'> = {}, ...sources: string[]): Promise<Harness> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const fhir = createFhirServer({ ...options, baseUrl: `http://127.0.0.1:${port}/fhir` });
  server.on('request', (req, res) => {
    void fhir.handle(req, res).then((handled) => handled || res.writeHead(418).end('not mine'));
  });
  if (sources.length > 0) {
    const report = await fhir.load(...sources);
    if (report.warnings.length > 0) throw new Error(`fixture warnings: ${report.warnings.join('; ')}`);
  }
  const request = async <T>(path: string, init?: RequestInit) => {
    const response = await fetch(path.startsWith('http') ? path : `${fhir.baseUrl}/${path}`, init);
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
  };
  return {
    fhir,
    base: fhir.baseUrl,
    request,
    get: (path, headers) => request(path, { headers }),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** The ids of a searchset's entries with the given search mode, in order. */
export const ids = (bundle: Bundle, mode: 'match' | 'include' = 'match'): string[] =>
  (bundle.entry ?? []).filter((e: BundleEntry) => e.search?.mode === mode).map((e) => e.resource?.id ?? '?');

export const link = (bundle: Bundle, relation: string): string | undefined =>
  bundle.link?.find((l) => l.relation === relation)?.url;
