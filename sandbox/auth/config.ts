// Turns the caller's options into a checked, fully defaulted configuration, so the rest of the
// server never re-validates URLs or guesses at defaults.
import type { AuthServerOptions, PatientsProvider, RegisteredClient } from './types';

/** SMART: "Access tokens SHOULD have a valid lifetime no greater than one hour."
 * https://hl7.org/fhir/smart-app-launch/app-launch.html#response-5 */
export const MAX_TOKEN_LIFETIME_SECONDS = 3600;

export interface Endpoints {
  readonly authorize: string;
  readonly token: string;
  readonly jwks: string;
  readonly openidConfiguration: string;
  readonly smartConfiguration: string;
  readonly picker: string;
  readonly smartStyle: string;
}

export interface AuthConfig {
  readonly issuer: string;
  readonly fhirBaseUrl: string;
  readonly endpoints: Endpoints;
  readonly clients: ReadonlyMap<string, RegisteredClient>;
  readonly patients: PatientsProvider;
  readonly tokenLifetimeSeconds: number;
  readonly launchLifetimeSeconds: number;
  readonly codeLifetimeSeconds: number;
  readonly ehr: { readonly path: string; readonly appLaunchUrl: string; readonly clientId?: string } | undefined;
  readonly user: { readonly id: string; readonly fhirUser: string };
  /** The public sandbox's origin; undefined for a sandbox that answers this machine only. */
  readonly publicOrigin: string | undefined;
  /** Whether a standalone patient choice needs the user's confirmation (a public sandbox). */
  readonly confirmPatientChoice: boolean;
  readonly shapeTokenResponse: NonNullable<AuthServerOptions['shapeTokenResponse']>;
  readonly now: () => number;
}

/** `aud` is compared "exactly after trimming a trailing slash", so every base URL is stored without one. */
export function trimTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function absoluteHttpUrl(name: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch (cause) {
    throw new TypeError(`${name} must be an absolute URL, got ${JSON.stringify(value)}`, { cause });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`${name} must be http(s)`);
  if (url.search || url.hash) throw new TypeError(`${name} must not carry a query or fragment`);
  return url;
}

function positiveSeconds(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new TypeError(`${name} must be a positive number of seconds`);
  return Math.floor(value);
}

function checkClient(client: RegisteredClient): RegisteredClient {
  if (!client.clientId) throw new TypeError('clientId must not be empty');
  if (client.redirectUris.length === 0) {
    // SMART: every app "SHALL register one or more fixed, fully-specified redirect_uris".
    throw new TypeError(`client ${client.clientId} needs at least one redirect URI`);
  }
  for (const uri of client.redirectUris) {
    const url = new URL(uri); // throws on a relative URI
    // RFC 6749 §3.1.2: the redirection endpoint URI MUST NOT include a fragment component.
    if (url.hash) throw new TypeError(`redirect URI ${uri} must not contain a fragment`);
  }
  return client;
}

export function buildConfig(options: AuthServerOptions): AuthConfig {
  const issuer = trimTrailingSlash(absoluteHttpUrl('issuer', options.issuer).href);
  const fhirBaseUrl = trimTrailingSlash(absoluteHttpUrl('fhirBaseUrl', options.fhirBaseUrl).href);
  const clients = new Map<string, RegisteredClient>();
  for (const client of options.clients) {
    if (clients.has(client.clientId)) throw new TypeError(`duplicate client ${client.clientId}`);
    clients.set(client.clientId, checkClient(client));
  }
  const ehr = options.ehr && {
    path: options.ehr.path ?? '/ehr',
    appLaunchUrl: absoluteHttpUrl('ehr.appLaunchUrl', options.ehr.appLaunchUrl).href,
    ...(options.ehr.clientId === undefined ? {} : { clientId: options.ehr.clientId }),
  };
  if (ehr?.clientId !== undefined && !clients.has(ehr.clientId)) {
    throw new TypeError(`ehr.clientId ${ehr.clientId} is not a registered client`);
  }
  return {
    issuer,
    fhirBaseUrl,
    endpoints: {
      authorize: `${issuer}/authorize`,
      token: `${issuer}/token`,
      jwks: `${issuer}/jwks`,
      openidConfiguration: `${issuer}/.well-known/openid-configuration`,
      smartConfiguration: `${fhirBaseUrl}/.well-known/smart-configuration`,
      picker: `${issuer}/select-patient`,
      // SMART: "The URL value itself is to be considered a version key" -> version in the path.
      smartStyle: `${issuer}/smart-style/v1.json`,
    },
    clients,
    patients: options.patients,
    tokenLifetimeSeconds: Math.min(
      positiveSeconds('tokenLifetimeSeconds', options.tokenLifetimeSeconds, MAX_TOKEN_LIFETIME_SECONDS),
      MAX_TOKEN_LIFETIME_SECONDS,
    ),
    launchLifetimeSeconds: positiveSeconds('launchLifetimeSeconds', options.launchLifetimeSeconds, 600),
    codeLifetimeSeconds: positiveSeconds('codeLifetimeSeconds', options.codeLifetimeSeconds, 60),
    ehr,
    user: options.user ?? { id: 'sandbox-clinician', fhirUser: 'Practitioner/sandbox-clinician' },
    publicOrigin: options.publicOrigin === undefined ? undefined : absoluteHttpUrl('publicOrigin', options.publicOrigin).origin,
    confirmPatientChoice: options.publicOrigin !== undefined,
    shapeTokenResponse: options.shapeTokenResponse ?? ((response) => response),
    now: options.now ?? Date.now,
  };
}
