/**
 * Is an address or a host name this machine? Shared by the servers that answer only local callers
 * (the sandbox's admin, launch and picker endpoints; the CDS Hooks service's unsigned mode), so the
 * rule is written once: 127.0.0.0/8, ::1, IPv4 loopback mapped into IPv6 (how a dual-stack socket
 * reports 127.0.0.1), and the names localhost and *.localhost.
 */
import { isIP } from 'node:net';

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  if (isIP(v4) === 4) return v4.startsWith('127.');
  return address === '::1' || address === '0:0:0:0:0:0:0:1';
}

export function isLoopbackHostname(hostname: string): boolean {
  const bare = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare.endsWith('.localhost') || isLoopbackAddress(bare);
}
