/**
 * Which origins may ever see the bearer token: the launched FHIR server's own, plus the ones a site
 * lists in `additionalFhirOrigins` (its own second FHIR host, for paging links or references that
 * point there). Every other URL is refused before a request is made, so a hostile `next` link,
 * reference or redirect cannot collect the token (RFC 6750 §5.3: do not pass bearer tokens to
 * servers that are not meant to see them).
 */

export type TokenOrigins = ReadonlySet<string>;

function originOf(url: string | URL): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/** The launched server's origin and the additional ones (anything that is not an http(s) URL is ignored). */
export function tokenOrigins(baseUrl: string, additional: readonly string[] = []): TokenOrigins {
  const out = new Set<string>();
  for (const u of [baseUrl, ...additional]) {
    const o = originOf(u);
    if (o) out.add(o);
  }
  return out;
}

export function mayReceiveToken(url: string | URL, origins: TokenOrigins): boolean {
  const o = originOf(url);
  return o !== undefined && origins.has(o);
}

/** The origin of a URL for a message (the URL parser's own serialisation: no path, no credentials). */
export function originForMessage(url: string | URL): string {
  return originOf(url) ?? 'an address that is not a web URL';
}
