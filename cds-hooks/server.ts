/**
 * The CDS Hooks 2.0 service (https://cds-hooks.hl7.org/2.0/) as one node:http server:
 *   GET  {base}/cds-services                discovery (public: it holds no patient data)
 *   POST {base}/cds-services/{id}           a service call: JWT checked, body capped, request checked
 *   POST {base}/cds-services/{id}/feedback  feedback on the cards
 * The decisions come from the engine (rules/) through the live data layer and mappers (src/fhir/), the
 * same code as the app and the command-line evaluator. Refusals get the specification's (or HTTP's)
 * status and one line of text; nothing a client sends can crash the server.
 *
 * Trust: with `trust` (the `--trust ISS=JWKS_URL` list) every call and feedback must carry a JWT
 * signed by a trusted client (trust/verify-client-jwt.ts). Without it the service accepts unsigned
 * calls from this machine only (trust/loopback.ts) and refuses to be reachable from elsewhere.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { calendarDayOf } from '../rules/engine/time.js';
import type { Link } from './cards/card.js';
import { discoveryDocument } from './discovery.js';
import { IssuedCards, logFeedback, parseFeedback } from './feedback.js';
import { parseHookRequest } from './hooks/hook-request.js';
import { MAX_BODY_BYTES, readJsonBody, refuseUnread } from './http/body.js';
import { corsHeaders, preflightHeaders } from './http/cors.js';
import { RequestError } from './http/request-error.js';
import { sendJson, sendReason } from './http/respond.js';
import { stderrLogger, type Logger } from './log.js';
import { SERVICES, type CdsService } from './services/index.js';
import { isLoopbackHostname, refuseUnsignedCaller } from './trust/loopback.js';
import { ReplayCache } from './trust/replay-cache.js';
import { trustedKeys, type TrustedClient } from './trust/trusted-clients.js';
import { verifyClientJwt } from './trust/verify-client-jwt.js';

export const DEFAULT_PORT = 8091;
const DEFAULT_HOST = '127.0.0.1';

export interface CdsHooksOptions {
  /** Interface to listen on (default 127.0.0.1); anything else needs `publicUrl` and `trust`. */
  readonly host?: string;
  /** Default 8091; 0 picks a free port. */
  readonly port?: number;
  /** The base URL clients call (behind a web server: its https URL, path allowed). It is the JWTs' `aud` base. */
  readonly publicUrl?: string;
  /** The app's SMART launch URL: cards then carry a `smart` link that opens the app for the patient. */
  readonly appLaunchUrl?: string;
  /** Trusted CDS clients; none means unsigned calls from this machine only. */
  readonly trust?: readonly TrustedClient[];
  /** Evaluation date, YYYY-MM-DD (default: today on this machine). */
  readonly today?: () => string;
  /** Clock for JWT checks, in ms (default Date.now). */
  readonly now?: () => number;
  readonly log?: Logger;
  /** The fetch used for clients' FHIR servers (tests). */
  readonly fhirFetch?: typeof fetch;
  readonly fhirTimeoutMs?: number;
  readonly maxBodyBytes?: number;
  readonly services?: readonly CdsService[];
}

export interface CdsHooksServer {
  /** What clients call, without a trailing slash; the discovery endpoint is `${baseUrl}/cds-services`. */
  readonly baseUrl: string;
  readonly discoveryUrl: string;
  /** True when calls must carry a trusted client's JWT. */
  readonly requiresSignedCalls: boolean;
  close(): Promise<void>;
}

export class CdsHooksStartError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CdsHooksStartError';
  }
}

function checkedUrl(flag: string, text: string, allowPath: boolean): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch (cause) {
    throw new CdsHooksStartError(`${flag} must be an absolute http(s) URL, got ${JSON.stringify(text)}`, { cause });
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search || url.hash || (!allowPath && url.pathname !== '/')) {
    throw new CdsHooksStartError(`${flag} must be an http(s) URL without credentials, query or fragment, got ${JSON.stringify(text)}`);
  }
  return url;
}

function appLink(appLaunchUrl: string | undefined): Link | undefined {
  if (!appLaunchUrl) return undefined;
  return { label: 'Open the night leg cramps review', url: checkedUrl('--app-launch-url', appLaunchUrl, true).href, type: 'smart' };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(new CdsHooksStartError(err.code === 'EADDRINUSE' ? `port ${port} on ${host} is in use (give --port)` : `cannot listen on ${host}:${port}: ${err.code ?? err.message}`, { cause: err })),
    );
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startCdsHooksServer(options: CdsHooksOptions = {}): Promise<CdsHooksServer> {
  const host = options.host ?? DEFAULT_HOST;
  const trust = trustedKeys(options.trust ?? []);
  const signed = trust.size > 0;
  const publicUrl = options.publicUrl === undefined ? undefined : checkedUrl('--public-url', options.publicUrl, true);
  if (!isLoopbackHostname(host) && !publicUrl) throw new CdsHooksStartError(`--host ${host} is not a loopback address: give --public-url with the URL clients call`);
  if (!signed && ((publicUrl && !isLoopbackHostname(publicUrl.hostname)) || !isLoopbackHostname(host))) {
    throw new CdsHooksStartError('a service other machines can reach must verify its clients: give --trust ISS=JWKS_URL');
  }
  const link = appLink(options.appLaunchUrl);
  const log = options.log ?? stderrLogger;
  const now = options.now ?? Date.now;
  const today = options.today ?? (() => calendarDayOf(new Date()));
  const services = options.services ?? SERVICES;
  const replay = new ReplayCache(now);
  const issued = new IssuedCards();
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;

  let baseUrl = '';
  let basePath = '';
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log.warn(`request failed: ${err instanceof Error ? err.name : 'error'}`);
      if (!res.headersSent) sendReason(res, 500, 'the service failed to handle this call');
      else res.destroy();
    });
  });
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;

  async function authenticate(req: IncomingMessage, endpointUrl: string): Promise<void> {
    if (signed) {
      await verifyClientJwt(req.headers.authorization, endpointUrl, trust, replay, now);
      return;
    }
    const refusal = refuseUnsignedCaller(req);
    if (refusal) throw new RequestError(401, refusal, { 'WWW-Authenticate': 'Bearer realm="cds-hooks"' });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://cds.invalid');
    const path = basePath && url.pathname.startsWith(`${basePath}/`) ? url.pathname.slice(basePath.length) : url.pathname;
    const cors = corsHeaders(req, signed);
    const method = req.method ?? 'GET';
    let label = 'request';
    try {
      if (method === 'OPTIONS') {
        res.writeHead(204, preflightHeaders(req, signed)).end();
        return;
      }
      if (path === '/cds-services' || path === '/cds-services/') {
        label = 'discovery';
        if (method !== 'GET' && method !== 'HEAD') throw new RequestError(405, 'discovery answers GET only', { Allow: 'GET' });
        sendJson(res, 200, discoveryDocument(services, today()), cors);
        return;
      }
      const m = /^\/cds-services\/([^/]+)(\/feedback)?\/?$/.exec(path);
      const service = m ? services.find((s) => s.id === m[1]) : undefined;
      if (!m || !service) throw new RequestError(404, m ? 'no CDS service has this id (see /cds-services)' : 'not found (discovery is at /cds-services)');
      const feedback = !!m[2];
      label = `${service.id}${feedback ? '/feedback' : ''}`;
      if (method !== 'POST') throw new RequestError(405, `this endpoint answers POST only`, { Allow: 'POST' });
      const endpointUrl = `${baseUrl}/cds-services/${service.id}${feedback ? '/feedback' : ''}`;
      try {
        await authenticate(req, endpointUrl);
      } catch (err) {
        refuseUnread(req, res);
        throw err;
      }
      const body = await readJsonBody(req, res, maxBody);
      if (feedback) {
        logFeedback(service.id, parseFeedback(body), issued, log);
        sendJson(res, 200, {}, cors);
        log.info(`${label} 200 ${Math.round(performance.now() - started)} ms`);
        return;
      }
      const request = parseHookRequest(body, service.hook);
      const cards = await service.run({
        request,
        asOf: today(),
        log,
        ...(link ? { appLink: link } : {}),
        ...(options.fhirFetch ? { fetch: options.fhirFetch } : {}),
        ...(options.fhirTimeoutMs ? { timeoutMs: options.fhirTimeoutMs } : {}),
      });
      for (const card of cards) issued.add(service.id, card);
      sendJson(res, 200, { cards }, cors);
      log.info(`${label} 200 ${cards.length} card${cards.length === 1 ? '' : 's'} ${Math.round(performance.now() - started)} ms`);
    } catch (err) {
      if (!(err instanceof RequestError)) throw err;
      if (res.headersSent) return;
      sendReason(res, err.status, err.message, { ...cors, ...err.headers });
      log.info(`${label} ${err.status} ${err.message}`);
    }
  }

  const port = await listen(server, options.port ?? DEFAULT_PORT, host);
  const own = publicUrl ?? new URL(`http://${host.includes(':') ? `[${host}]` : host}:${port}`);
  baseUrl = own.href.replace(/\/+$/, '');
  basePath = own.pathname.replace(/\/+$/, '');
  let closing: Promise<void> | undefined;
  return {
    baseUrl,
    discoveryUrl: `${baseUrl}/cds-services`,
    requiresSignedCalls: signed,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}
