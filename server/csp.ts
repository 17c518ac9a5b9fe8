/**
 * The Content-Security-Policy the production server sends as a header (architecture, "Web
 * security"): scripts only from the app's own origin and never inline; data connections only to
 * the configured FHIR servers, the EHR's additional FHIR origins (`additionalFhirOrigins`: its
 * second host for paging links or referenced Medications) and any extra origins the site lists
 * (`additionalConnectOrigins`, e.g. a token endpoint on another host); framing only by the
 * configured EHRs; nothing else.
 */
import type { RuntimeConfig } from '../src/config/runtime-config.js';

export function connectOrigins(config: RuntimeConfig & { additionalConnectOrigins?: readonly string[] }): string[] {
  const origins = new Set<string>();
  for (const iss of config.allowedIssuers) origins.add(new URL(iss).origin);
  for (const o of config.additionalFhirOrigins ?? []) origins.add(new URL(o).origin);
  for (const o of config.additionalConnectOrigins ?? []) origins.add(new URL(o).origin);
  return [...origins];
}

export function contentSecurityPolicy(config: RuntimeConfig & { additionalConnectOrigins?: readonly string[] }): string {
  const frameAncestors = config.allowedFrameAncestors.length ? config.allowedFrameAncestors.join(' ') : "'none'";
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${connectOrigins(config).join(' ')}`,
    `frame-ancestors ${frameAncestors}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    "manifest-src 'self'",
  ].join('; ');
}

/** Headers on every response besides the CSP. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  // Launch and redirect URLs carry `launch`, `code` and `state`: never leak them in Referer.
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
