/**
 * Completing the SMART launch on the app's page, with fhirclient, and going beyond its defaults
 * where they fall short of SMART App Launch 2.x and OWASP ASVS (architecture, "SMART launch"):
 * - a `code` that arrives without `state` is refused (fhirclient would fall back to the last
 *   stored state, which lets a forged redirect complete someone else's launch);
 * - the server must be on the allowlist again (defence in depth: storage could be tampered with);
 * - once the token is in hand it lives in memory only: what fhirclient stored in sessionStorage
 *   is removed, so a reload asks for a relaunch (ASVS 8.2.2, no personal data in browser storage);
 * - the granted `scope` is read back: what was not granted is "not authorised" for the data layer;
 *   a token response without `scope` means the request was granted as asked (RFC 6749 §5.1), so
 *   then the requested scope stands;
 * - banner and style follow the token response, with both capability names accepted.
 */
import FHIR from 'fhirclient';
import { isAllowedIssuer, normaliseIssuer, type RuntimeConfig } from '../config/runtime-config.js';
import { effectiveScope } from './live/granted-scopes.js';

export interface Session {
  readonly serverUrl: string;
  readonly accessToken: string;
  readonly patientId: string;
  /** The scopes actually granted (the requested ones when the token response does not list them). */
  readonly scope: string;
  /** Seconds since the epoch when the token expires, if the server said. */
  readonly expiresAt?: number;
  readonly needPatientBanner: boolean;
  readonly smartStyleUrl?: string;
  /** The encounter the EHR launched the app in (SMART launch context `encounter`), when it gave one. */
  readonly encounterId?: string;
}

export type LaunchProblem =
  | 'code-without-state'
  | 'state-mismatch'
  | 'relaunch-needed'
  | 'authorization-denied'
  | 'unknown-issuer'
  | 'no-patient'
  | 'no-token';

export class LaunchError extends Error {
  /** Where the app is started from, when the runtime configuration names it (linked on the problem page). */
  ehrPageUrl?: string;

  constructor(
    readonly problem: LaunchProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LaunchError';
  }
}

/** Refuse what must never reach fhirclient. */
export function checkRedirectParameters(url: URL): void {
  const error = url.searchParams.get('error');
  if (error) {
    throw new LaunchError('authorization-denied', error === 'access_denied' ? 'Access was not granted. Open the app from your EHR again.' : 'The EHR refused the sign-in. Open the app from your EHR again.');
  }
  if (url.searchParams.has('code') && !url.searchParams.has('state')) {
    throw new LaunchError('code-without-state', 'This sign-in link is incomplete (no state). For your safety it was not used. Open the app from your EHR again.');
  }
  if (!url.searchParams.has('code') && !url.searchParams.has('state')) {
    throw new LaunchError('relaunch-needed', 'Session expired or page reloaded: relaunch the app from the EHR.');
  }
}

interface TokenResponse {
  readonly access_token?: unknown;
  readonly scope?: unknown;
  readonly patient?: unknown;
  readonly need_patient_banner?: unknown;
  readonly smart_style_url?: unknown;
  readonly encounter?: unknown;
}

/** What fhirclient stored for this launch: removed once the token is held in memory. */
function forgetStoredLaunch(stateKey: string | undefined): void {
  try {
    if (stateKey) window.sessionStorage.removeItem(stateKey);
    window.sessionStorage.removeItem('SMART_KEY');
  } catch {
    // Storage can be unavailable (privacy modes, sandboxed frames): then nothing was stored.
  }
}

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

const SCOPE_LIST = /^[A-Za-z0-9*/._?=&|,:-]+(?: [A-Za-z0-9*/._?=&|,:-]+)*$/;

/**
 * The scopes granted. RFC 6749 §5.1: `scope` is "OPTIONAL, if identical to the scope requested by
 * the client", so an absent one means the requested scope: the one fhirclient recorded for this
 * launch (`state.scope`), else the runtime configuration's. A `scope` that is present is taken as
 * it is, even empty (nothing granted).
 */
export function grantedScope(granted: unknown, requested: unknown, config: RuntimeConfig): string {
  const asked = typeof requested === 'string' ? requested.trim().replace(/\s+/g, ' ') : '';
  return effectiveScope(granted, SCOPE_LIST.test(asked) ? asked : config.scope);
}

/** Build the in-memory session from fhirclient's state, refusing anything incomplete. */
export function sessionFromState(state: { serverUrl?: unknown; expiresAt?: unknown; scope?: unknown; tokenResponse?: TokenResponse }, config: RuntimeConfig): Session {
  const serverUrl = typeof state.serverUrl === 'string' ? normaliseIssuer(state.serverUrl) : '';
  if (!serverUrl || !isAllowedIssuer(config, serverUrl)) throw new LaunchError('unknown-issuer', 'This session belongs to a FHIR server the app is not configured to trust.');
  const t = state.tokenResponse ?? {};
  if (typeof t.access_token !== 'string' || !t.access_token) throw new LaunchError('no-token', 'The EHR did not grant access. Open the app from your EHR again.');
  if (typeof t.patient !== 'string' || !FHIR_ID.test(t.patient)) throw new LaunchError('no-patient', 'The EHR did not say which patient this is. Open the app from the patient’s record.');
  const styleUrl = typeof t.smart_style_url === 'string' && /^https?:\/\//.test(t.smart_style_url) ? t.smart_style_url : undefined;
  // A saved note names the encounter; an id that is not a FHIR id is not one to put in a reference.
  const encounterId = typeof t.encounter === 'string' && FHIR_ID.test(t.encounter) ? t.encounter : undefined;
  return {
    serverUrl,
    accessToken: t.access_token,
    patientId: t.patient,
    scope: grantedScope(t.scope, state.scope, config),
    ...(typeof state.expiresAt === 'number' ? { expiresAt: state.expiresAt } : {}),
    // SMART: the app shows its own banner unless the EHR says it already shows one.
    needPatientBanner: t.need_patient_banner !== false,
    ...(styleUrl ? { smartStyleUrl: styleUrl } : {}),
    ...(encounterId ? { encounterId } : {}),
  };
}

export async function completeLaunch(config: RuntimeConfig): Promise<Session> {
  checkRedirectParameters(new URL(window.location.href));
  let client;
  try {
    client = await FHIR.oauth2.ready();
  } catch (err) {
    const text = err instanceof Error ? err.message : '';
    if (/No state found|state/i.test(text)) throw new LaunchError('state-mismatch', 'This sign-in does not match a launch started here (state mismatch). Open the app from your EHR again.', { cause: err });
    throw new LaunchError('relaunch-needed', 'The sign-in could not be completed. Open the app from your EHR again.', { cause: err });
  }
  const state = client.state as unknown as { key?: string; serverUrl?: unknown; expiresAt?: unknown; scope?: unknown; tokenResponse?: TokenResponse };
  try {
    return sessionFromState(state, config);
  } finally {
    forgetStoredLaunch(state.key);
  }
}

/** SMART capability names, current and older (SMART App Launch 1.0 used "context-passthrough-"). */
export function capabilitySupport(capabilities: readonly string[]): { banner: boolean; style: boolean } {
  return {
    banner: capabilities.includes('context-banner') || capabilities.includes('context-passthrough-banner'),
    style: capabilities.includes('context-style') || capabilities.includes('context-passthrough-style'),
  };
}
