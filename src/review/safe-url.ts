/**
 * URLs from data (citations today, anything tomorrow) are bound into `href` only when they are
 * absolute http(s) URLs. Lit escapes attribute values but does not stop `javascript:` or `data:`
 * in an href (https://lit.dev/docs/security/overview/), so this allowlist is the guard.
 */
const ALLOWED = new Set(['https:', 'http:']);

export function safeHttpUrl(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length > 2048) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  // Credentials in a link are a phishing pattern, never a citation.
  if (!ALLOWED.has(url.protocol) || url.username || url.password) return undefined;
  return url.href;
}
