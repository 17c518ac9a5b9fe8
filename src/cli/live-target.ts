/**
 * Where live mode may send a request and a token. Everything here is checked before any request:
 * - the FHIR base is an absolute http(s) URL without user info (a credential in a URL ends up in
 *   logs and shell history), query or fragment (the data layer appends `/<Type>?<params>`);
 * - a bearer token goes over plain http only to this machine (loopback): anywhere else it would
 *   cross the network readable by anyone on the path (RFC 6750 §5.3: "always use TLS");
 * - the token has the syntax of a bearer token (RFC 6750 §2.1), so it cannot inject a header line.
 * Messages never include the URL or the token.
 */

/** R4 `id`: https://hl7.org/fhir/R4/datatypes.html#id */
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

export function isFhirId(value: string): boolean {
  return FHIR_ID.test(value);
}

/** Why a `--fhir-base` value is unusable, or undefined when it is fine. */
export function checkFhirBase(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute http:// or https:// URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an absolute http:// or https:// URL';
  if (url.username || url.password) return 'must not contain a user name or password (use FHIR_BEARER_TOKEN for the token)';
  if (url.search || value.includes('?')) return 'must not contain a query (?…)';
  if (url.hash || value.includes('#')) return 'must not contain a fragment (#…)';
  return undefined;
}

/** 127.0.0.0/8, ::1 and `localhost` (which resolvers must map to loopback, RFC 6761 §6.3). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '[::1]') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** RFC 6750 §2.1 b64token. */
const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/** Why this token may not be sent to this base, or undefined when it may. */
export function checkTokenUse(fhirBase: string, token: string): string | undefined {
  if (!BEARER_TOKEN.test(token)) return 'FHIR_BEARER_TOKEN is not a bearer token (RFC 6750: letters, digits and -._~+/ then optional =)';
  const url = new URL(fhirBase);
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return 'refusing to send FHIR_BEARER_TOKEN over plain http:// to another machine; use https:// (or unset FHIR_BEARER_TOKEN for an open server)';
  }
  return undefined;
}
