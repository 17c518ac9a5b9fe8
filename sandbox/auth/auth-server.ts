// createAuthServer(): the sandbox's SMART App Launch 2.x authorization server as one request handler
// for plain node:http. It owns only its own paths and answers `false` for everything else, so the
// sandbox entry point can put it in front of the FHIR server on the same origin:
//
//   const auth = createAuthServer({ issuer, fhirBaseUrl, clients, patients, ehr });
//   http.createServer(async (req, res) => { if (!(await auth.handle(req, res))) fhir(req, res); });
//
// Creating a server has no side effects beyond memory: no listening, no timers, no logging.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AccessTokens } from './access-tokens';
import { AuthorizationCodes } from './authorization-codes';
import type { AuthorizationRequest } from './authorization-request';
import { handleAuthorize } from './authorize-endpoint';
import { buildConfig, type Endpoints } from './config';
import { openidConfiguration, smartConfiguration } from './discovery';
import { appLaunchUrl, handleEhrLaunch, launchPath, showEhrPage } from './ehr-page';
import { sendErrorPage } from './error-page';
import { ExpiringStore } from './expiring-store';
import { CORS_ANY_ORIGIN, methodNotAllowed, preflight, sendJson, statusFor } from './http';
import { IdTokenSigner } from './id-token';
import { LaunchContexts } from './launch-contexts';
import { OAuthError } from './oauth-error';
import { handlePatientPick } from './patient-picker';
import type { ServerParts } from './server-parts';
import { SMART_STYLE } from './smart-style';
import { handleToken } from './token-endpoint';
import { createTokenVerifier, type TokenVerifier } from './token-verifier';
import type { AuthServerOptions, LaunchRequest } from './types';

/** What `issueEhrToken` binds: a client, its scopes and the one patient they are for. */
export interface EhrTokenRequest {
  readonly clientId: string;
  readonly scopes: readonly string[];
  readonly patientId: string;
  /** Default 300 s, at most the server's token lifetime. */
  readonly lifetimeSeconds?: number;
}

export interface AuthServer {
  /** Handles the request if it is for one of this server's paths; resolves false otherwise. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** The FHIR server's authorization hook and the token fault-injection controls. */
  readonly verifier: TokenVerifier;
  /** Starts an EHR launch without the EHR page (tests, demos, fault injection such as short-lived tokens). */
  createLaunch(request: LaunchRequest): { readonly launchId: string; readonly launchUrl?: string };
  /** Ends a launch id now. */
  expireLaunch(launchId: string): boolean;
  /**
   * A token the EHR issues for its own use, without a launch: the CDS Hooks `fhirAuthorization` it
   * hands a CDS service, and the sandbox CDS client's own writes. Checked like any other token.
   */
  issueEhrToken(request: EhrTokenRequest): { readonly accessToken: string; readonly expiresIn: number; readonly scope: string };
  readonly issuer: string;
  readonly fhirBaseUrl: string;
  readonly endpoints: Endpoints;
  /** Absolute URL of the EHR page, when one is configured. */
  readonly ehrUrl?: string;
}

type Route = {
  readonly methods: readonly string[];
  /** Answer OPTIONS with a CORS preflight (for endpoints a browser app calls cross-origin). */
  readonly cors?: boolean;
  run(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> | void;
};

function json(body: () => unknown): Route['run'] {
  return (_req, res) => sendJson(res, 200, body(), { ...CORS_ANY_ORIGIN, 'Cache-Control': 'no-cache' });
}

function buildRoutes(parts: ServerParts): Map<string, Route> {
  const { config } = parts;
  const path = (absolute: string) => new URL(absolute).pathname;
  const routes = new Map<string, Route>([
    // SMART: "Responses for /.well-known/smart-configuration requests SHALL be JSON, regardless of Accept headers".
    [path(config.endpoints.smartConfiguration), { methods: ['GET'], cors: true, run: json(() => smartConfiguration(config)) }],
    [path(config.endpoints.openidConfiguration), { methods: ['GET'], cors: true, run: json(() => openidConfiguration(config)) }],
    [path(config.endpoints.jwks), { methods: ['GET'], cors: true, run: json(() => parts.signer.jwks()) }],
    [path(config.endpoints.smartStyle), { methods: ['GET'], cors: true, run: json(() => SMART_STYLE) }],
    [path(config.endpoints.authorize), { methods: ['GET', 'POST'], run: (req, res, url) => handleAuthorize(req, res, parts, url) }],
    [path(config.endpoints.token), { methods: ['POST'], cors: true, run: (req, res) => handleToken(req, res, parts) }],
    [path(config.endpoints.picker), { methods: ['POST'], run: (req, res) => handlePatientPick(req, res, parts) }],
  ]);
  const { ehr } = config;
  if (ehr) {
    routes.set(ehr.path, { methods: ['GET'], run: (req, res) => showEhrPage(req, res, config, ehr) });
    routes.set(launchPath(ehr), { methods: ['POST'], run: (req, res) => handleEhrLaunch(req, res, config, ehr, parts.launches) });
  }
  return routes;
}

async function dispatch(route: Route, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS' && route.cors) return preflight(res, route.methods);
  const allowed = route.methods.includes('GET') ? [...route.methods, 'HEAD'] : route.methods;
  if (!allowed.includes(method)) return methodNotAllowed(res, route.methods);
  try {
    await route.run(req, res, url);
  } catch (error) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    // Expected protocol errors become pages; anything else is a 500 that says nothing about the request
    // (which may hold codes or tokens) and is not logged for the same reason.
    if (error instanceof OAuthError) sendErrorPage(res, statusFor(error, res), error.code, error.description);
    else sendErrorPage(res, 500, 'server_error', 'the sandbox authorization server failed to handle this request');
  }
}

export function createAuthServer(options: AuthServerOptions): AuthServer {
  const config = buildConfig(options);
  const tokens = new AccessTokens(config);
  const parts: ServerParts = {
    config,
    launches: new LaunchContexts(config),
    codes: new AuthorizationCodes(config),
    tokens,
    pendingPicks: new ExpiringStore<AuthorizationRequest>(config.now),
    pendingConfirms: new ExpiringStore<{ readonly pick: string; readonly patientId: string }>(config.now),
    signer: new IdTokenSigner(),
  };
  const routes = buildRoutes(parts);
  const { ehr } = config;
  return {
    async handle(req, res) {
      // Only the path decides: the sandbox may be reached as 127.0.0.1 or localhost alike.
      const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
      const route = routes.get(url.pathname);
      if (!route) return false;
      await dispatch(route, req, res, url);
      return true;
    },
    verifier: createTokenVerifier(tokens, config.fhirBaseUrl),
    createLaunch(request) {
      const launchId = parts.launches.create(request);
      return { launchId, ...(ehr ? { launchUrl: appLaunchUrl(config, ehr.appLaunchUrl, launchId) } : {}) };
    },
    expireLaunch: (launchId) => parts.launches.expire(launchId),
    issueEhrToken(request) {
      const lifetime = Math.min(request.lifetimeSeconds ?? 300, config.tokenLifetimeSeconds);
      const fhirUser = /^https?:\/\//.test(config.user.fhirUser) ? config.user.fhirUser : `${config.fhirBaseUrl}/${config.user.fhirUser}`;
      const { accessToken } = tokens.issue({ clientId: request.clientId, scopes: request.scopes, patient: request.patientId, fhirUser, code: 'ehr-issued' }, lifetime);
      return { accessToken, expiresIn: lifetime, scope: request.scopes.join(' ') };
    },
    issuer: config.issuer,
    fhirBaseUrl: config.fhirBaseUrl,
    endpoints: config.endpoints,
    ...(ehr ? { ehrUrl: new URL(ehr.path, config.issuer).href } : {}),
  };
}
