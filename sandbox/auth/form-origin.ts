// Who may post the sandbox's own forms (the EHR page's launch button, the patient picker and its
// confirmation). A launch mints a context for any patient, so these are checked the way the faults
// endpoint is (sandbox/http/loopback.ts), before any body is read:
// - a local sandbox (no public URL) answers only this machine, addressed by a loopback name: a remote
//   client is refused, and so is a web page that reaches the sandbox by DNS rebinding (loopback socket,
//   foreign Host header);
// - a public sandbox answers anyone, but only under its public host name;
// and in both cases a browser's `Origin` must be the sandbox itself: no cookies are involved, but a
// cross-site page (including the app on another loopback port) must not start launches.
// https://owasp.org/www-community/attacks/csrf (origin header verification)
import type { IncomingMessage } from 'node:http';
import { refuseNonLoopback } from '../http/loopback';

/** Why a form post is refused, or undefined when it may proceed. `publicOrigin` is the public sandbox's origin. */
export function refuseForeignFormPost(req: Pick<IncomingMessage, 'headers' | 'socket'>, publicOrigin: string | undefined): string | undefined {
  const host = req.headers.host ?? '';
  if (publicOrigin === undefined) {
    const local = refuseNonLoopback(req);
    if (local) return local.replace('the sandbox admin endpoint', 'this sandbox EHR');
  } else if (host.toLowerCase() !== new URL(publicOrigin).host) {
    return `this sandbox EHR must be addressed as ${publicOrigin}`;
  }
  const origin = req.headers.origin;
  // Browsers send Origin on every form POST; a request without one is not a cross-site form.
  if (origin === undefined) return undefined;
  let sender: URL;
  try {
    sender = new URL(origin);
  } catch {
    return 'the form was not posted from a page of this sandbox';
  }
  const expected = publicOrigin ?? `http://${host.toLowerCase()}`;
  return origin !== 'null' && sender.origin === new URL(expected).origin ? undefined : 'the form was not posted from a page of this sandbox';
}
