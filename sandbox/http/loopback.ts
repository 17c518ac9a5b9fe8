/**
 * Who is on this machine. The admin endpoint (and, when the sandbox is not public, the EHR launch and
 * the patient picker) answer only a process on this machine: the admin endpoint changes how the sandbox
 * answers everyone, so it is refused to remote clients even when the sandbox listens on a public
 * interface (`--host 0.0.0.0`), and to browser pages that reach it by DNS rebinding (a foreign name
 * resolving to 127.0.0.1: the socket is loopback, the Host header is not).
 */
import type { IncomingMessage } from 'node:http';
import { isLoopbackAddress, isLoopbackHostname } from '../../src/net/loopback';

export { isLoopbackAddress, isLoopbackHostname };

/** Why an admin request is refused, or undefined when it comes from this machine under a loopback name. */
export function refuseNonLoopback(req: Pick<IncomingMessage, 'headers' | 'socket'>): string | undefined {
  if (!isLoopbackAddress(req.socket.remoteAddress)) return 'the sandbox admin endpoint answers loopback clients only';
  let hostname: string;
  try {
    hostname = new URL(`http://${req.headers.host ?? ''}`).hostname;
  } catch {
    return 'the Host header is not a host name';
  }
  if (!isLoopbackHostname(hostname)) return 'the sandbox admin endpoint must be addressed by a loopback name (localhost, 127.0.0.1, [::1])';
  return undefined;
}
