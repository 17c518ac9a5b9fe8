// The sandbox's own forms (EHR launch, patient picker) post back to the server that rendered them.
// No cookies are involved, so there is no session to ride, but a cross-site page could still make a
// browser start a launch; checking `Origin` against `Host` refuses that cheaply.
// https://owasp.org/www-community/attacks/csrf (origin header verification)
import type { IncomingMessage } from 'node:http';

export function isSameOriginPost(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  // Browsers send Origin on every cross-origin POST; a request without one is not a cross-site form.
  if (origin === undefined) return true;
  if (origin === 'null') return false;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
