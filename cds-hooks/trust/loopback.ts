/**
 * Who is on this machine. Without trusted clients (`--trust`) the service accepts unsigned calls,
 * and only from a process on this machine addressing it by a loopback name: a remote client is
 * refused, so is a web page reaching it by DNS rebinding (loopback socket, foreign Host), a browser
 * page from another origin, and a request relayed by a web server on this machine (it carries
 * Forwarded or X-Forwarded-For: behind a web server, configure `--trust`).
 */
import type { IncomingMessage } from 'node:http';
import { isLoopbackAddress, isLoopbackHostname } from '../../src/net/loopback.js';

export { isLoopbackAddress, isLoopbackHostname };

const RELAY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip'];

/** Why an unsigned call is refused, or undefined when it comes from this machine. */
export function refuseUnsignedCaller(req: Pick<IncomingMessage, 'headers' | 'socket'>): string | undefined {
  const why = 'unsigned calls are accepted from this machine only (start the service with --trust ISS=JWKS_URL for other clients)';
  if (!isLoopbackAddress(req.socket.remoteAddress)) return why;
  if (RELAY_HEADERS.some((h) => req.headers[h] !== undefined)) return `${why}; this call was relayed by a web server`;
  let hostname: string;
  try {
    hostname = new URL(`http://${req.headers.host ?? ''}`).hostname;
  } catch {
    return 'the Host header is not a host name';
  }
  if (!isLoopbackHostname(hostname)) return `${why}; address it as 127.0.0.1 or localhost`;
  const origin = req.headers.origin;
  if (origin !== undefined) {
    try {
      if (!isLoopbackHostname(new URL(origin).hostname)) return `${why}; a page from another site may not call it`;
    } catch {
      return `${why}; a page from another site may not call it`;
    }
  }
  return undefined;
}
