/**
 * CORS for browser-based CDS clients (CDS Hooks 2.0, "Cross-Origin Resource Sharing"). No cookies
 * or other ambient credentials are involved: a call is authorised by the JWT it carries, so with
 * trusted clients configured any origin may call (and must still sign). Without them the service
 * answers this machine only, and a browser page from another origin is refused.
 */
import type { IncomingMessage } from 'node:http';
import { isLoopbackHostname } from '../trust/loopback.js';

export function corsHeaders(req: IncomingMessage, anyOrigin: boolean): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin) return {};
  if (!anyOrigin && !isLoopbackOrigin(origin)) return {};
  return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
}

export function preflightHeaders(req: IncomingMessage, anyOrigin: boolean): Record<string, string> {
  const base = corsHeaders(req, anyOrigin);
  if (!base['Access-Control-Allow-Origin']) return {};
  return { ...base, 'Access-Control-Allow-Methods': 'GET, POST, OPTIONS', 'Access-Control-Allow-Headers': 'Authorization, Content-Type', 'Access-Control-Max-Age': '600' };
}

export function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHostname(url.hostname);
  } catch {
    return false;
  }
}
