/**
 * Runtime configuration, served beside the app as `smart-config.json`, so a site changes the
 * client id, scopes and allowed EHRs without a rebuild (architecture, "SMART launch").
 *
 * Everything read here is validated: an issuer allowlist entry must be an absolute http(s) URL,
 * scopes must be SMART scope tokens. A malformed file stops the launch with a readable message.
 */
import { withWriteBackScopes } from '../fhir/write-back/write-scopes.js';
import { CLINIC_NAME_MAX, CLINIC_PHONE_MAX, plainClinicText, plainPhone, type ClinicContact } from '../handout/clinic.js';

export interface RuntimeConfig {
  readonly clientId: string;
  /** Scopes for an EHR launch. */
  readonly scope: string;
  /** Scopes for a standalone launch (with `launch/patient`). */
  readonly standaloneScope: string;
  /** FHIR base URLs the app may be launched from, compared exactly (trailing slash ignored). */
  readonly allowedIssuers: readonly string[];
  /** The FHIR server a standalone launch goes to when no `iss` is given. */
  readonly standaloneIssuer?: string;
  /** EHR origins allowed to frame the app (the production server's CSP `frame-ancestors`). */
  readonly allowedFrameAncestors: readonly string[];
  /**
   * Further origins of the same EHR that may see the access token: paging links and Medication
   * references there are followed (otherwise the source is "truncated"), and the production
   * server adds them to the CSP's `connect-src`. Exact origins, `https://host[:port]`; `http://`
   * only for loopback. Always present after parsing (empty when the file has none).
   */
  readonly additionalFhirOrigins?: readonly string[];
  /**
   * Save to record: the chart note as a DocumentReference and the checklist as a
   * QuestionnaireResponse (src/fhir/write-back/). Off unless the file says `true`; when on, the
   * write scopes (`patient/DocumentReference.cu patient/QuestionnaireResponse.cu`) are added to
   * `scope` and `standaloneScope`, so they are asked for only then. Always present after parsing.
   */
  readonly writeBack?: boolean;
  /**
   * Where a clinician starts the app (an EHR's patient list), linked from the page shown when the
   * app's address is opened without a launch. `npm start` sets it to the sandbox's EHR page; a
   * site may leave it out. An http(s) URL.
   */
  readonly ehrPageUrl?: string;
  /**
   * The clinic printed on the patient handout's urgent box ("Your clinic: ... Phone: ..."):
   * `{ "name": "Riverside Family Practice", "phone": "+1 555 010 0100" }`, `phone` optional. Without
   * it the app looks for the EHR's Organization for the launch, and otherwise leaves a line to write
   * on. Checked strictly: one plain line each, a telephone number of digits, spaces and + ( ) - . /.
   */
  readonly clinic?: ClinicContact;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const SCOPE_TOKEN = /^[A-Za-z0-9*/._?=&|,:-]+$/;

/** `http://host/fhir/` and `http://host/fhir` are the same issuer; nothing else is normalised. */
export function normaliseIssuer(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

function httpUrl(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new ConfigError(`${what} must be a URL`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${what} is not a URL: ${value.slice(0, 80)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`${what} must be http or https`);
  return normaliseIssuer(value);
}

const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/**
 * One origin as a site writes it in the configuration: `https://host` or `https://host:port`
 * exactly (a trailing slash is tolerated), nothing else: no path, query, fragment or credentials,
 * no wildcard; `http://` only for a loopback host (local testing). Returned as the URL parser
 * serialises it, which is how a browser and the CSP compare origins.
 */
export function fhirOrigin(value: unknown, what: string): string {
  if (typeof value !== 'string' || !value.trim()) throw new ConfigError(`${what} must be an origin such as https://fhir2.hospital.example`);
  const written = value.trim().replace(/\/$/, '');
  let url: URL;
  try {
    url = new URL(written);
  } catch {
    throw new ConfigError(`${what} is not an origin: ${written.slice(0, 80)}`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.test(url.hostname))) throw new ConfigError(`${what} must be an https origin (http only for localhost)`);
  // A `*` would be a wildcard in the CSP: only plain host names and IP addresses.
  if (!/^(?:[a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/.test(url.hostname)) throw new ConfigError(`${what} must name one host (no wildcard)`);
  if (url.origin.toLowerCase() !== written.toLowerCase()) throw new ConfigError(`${what} must be an origin only (scheme, host and port, no path), written as ${url.origin}`);
  return url.origin;
}

function scopes(value: unknown, what: string): string {
  if (typeof value !== 'string' || !value.trim()) throw new ConfigError(`${what} must be a list of scopes`);
  const tokens = value.trim().split(/\s+/);
  if (!tokens.every((t) => SCOPE_TOKEN.test(t))) throw new ConfigError(`${what} holds something that is not a scope`);
  return tokens.join(' ');
}

/** `clinic`: an object with a name (and optionally a telephone number), exactly as it will print. */
function clinic(value: unknown): ClinicContact {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError('clinic must be an object such as { "name": "Riverside Family Practice", "phone": "+1 555 010 0100" }');
  const c = value as Record<string, unknown>;
  const unknown = Object.keys(c).filter((k) => k !== 'name' && k !== 'phone');
  if (unknown.length) throw new ConfigError(`clinic has only a name and a phone, not ${unknown.map((k) => JSON.stringify(k.slice(0, 20))).join(', ')}`);
  const name = plainClinicText(c.name, CLINIC_NAME_MAX);
  if (typeof c.name !== 'string' || !name || name !== c.name.trim()) throw new ConfigError(`clinic.name must be one plain line of at most ${CLINIC_NAME_MAX} characters`);
  if (c.phone === undefined) return { name };
  const phone = plainPhone(c.phone);
  if (typeof c.phone !== 'string' || !phone || phone !== c.phone.trim()) throw new ConfigError(`clinic.phone must be a telephone number of at most ${CLINIC_PHONE_MAX} characters (digits, spaces and + ( ) - . /, an extension as "x 12")`);
  return { name, phone };
}

export function parseRuntimeConfig(json: unknown): RuntimeConfig {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new ConfigError('smart-config.json must be a JSON object');
  const o = json as Record<string, unknown>;
  if (typeof o.clientId !== 'string' || !/^[A-Za-z0-9._~-]{1,128}$/.test(o.clientId)) throw new ConfigError('clientId is missing or malformed');
  if (!Array.isArray(o.allowedIssuers) || o.allowedIssuers.length === 0) throw new ConfigError('allowedIssuers must list at least one FHIR base URL');
  const allowedIssuers = o.allowedIssuers.map((u, i) => httpUrl(u, `allowedIssuers[${i}]`));
  const frame = Array.isArray(o.allowedFrameAncestors) ? o.allowedFrameAncestors.map((u, i) => new URL(httpUrl(u, `allowedFrameAncestors[${i}]`)).origin) : [];
  if (o.additionalFhirOrigins !== undefined && !Array.isArray(o.additionalFhirOrigins)) throw new ConfigError('additionalFhirOrigins must be a list of origins');
  const additionalFhirOrigins = [...new Set(((o.additionalFhirOrigins as unknown[] | undefined) ?? []).map((u, i) => fhirOrigin(u, `additionalFhirOrigins[${i}]`)))];
  if (o.writeBack !== undefined && typeof o.writeBack !== 'boolean') throw new ConfigError('writeBack must be true or false');
  const writeBack = o.writeBack === true;
  const asked = (scope: string) => (writeBack ? withWriteBackScopes(scope) : scope);
  return {
    clientId: o.clientId,
    scope: asked(scopes(o.scope, 'scope')),
    standaloneScope: asked(scopes(o.standaloneScope ?? o.scope, 'standaloneScope')),
    allowedIssuers,
    ...(o.standaloneIssuer !== undefined ? { standaloneIssuer: httpUrl(o.standaloneIssuer, 'standaloneIssuer') } : {}),
    allowedFrameAncestors: frame,
    additionalFhirOrigins,
    writeBack,
    ...(o.ehrPageUrl !== undefined ? { ehrPageUrl: httpUrl(o.ehrPageUrl, 'ehrPageUrl') } : {}),
    ...(o.clinic !== undefined ? { clinic: clinic(o.clinic) } : {}),
  };
}

export function isAllowedIssuer(config: RuntimeConfig, iss: string): boolean {
  return config.allowedIssuers.includes(normaliseIssuer(iss));
}

/** Fetch the configuration served beside the page (never cached: a site may change it any time). */
export async function loadRuntimeConfig(baseUrl: string, fetchImpl: typeof fetch = fetch): Promise<RuntimeConfig> {
  let response: Response;
  try {
    response = await fetchImpl(new URL('smart-config.json', baseUrl).href, { cache: 'no-store', credentials: 'same-origin' });
  } catch {
    throw new ConfigError('the app configuration (smart-config.json) could not be loaded');
  }
  if (!response.ok) throw new ConfigError(`the app configuration (smart-config.json) could not be loaded (HTTP ${response.status})`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ConfigError('smart-config.json is not valid JSON');
  }
  return parseRuntimeConfig(json);
}
