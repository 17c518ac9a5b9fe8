/**
 * Effects that replace a response: an error status, or a searchset with a broken `next` link.
 * Response bodies from the FHIR server are frozen or shared, so every change is a new object.
 * Each function returns undefined when the effect does not apply to this response (a paging fault on a
 * read, for instance), so the engine neither changes it nor counts it as applied.
 */
import type { Bundle, BundleLink, OperationOutcome } from 'fhir/r4';
import type { FhirHttpResponse } from '../fhir/server';
import { DEFAULT_FOREIGN_ORIGIN, DEFAULT_RETRY_AFTER_SECONDS, type FaultEffect } from './rule';

/** OperationOutcome issue codes (http://hl7.org/fhir/R4/valueset-issue-type.html) that say what kind of failure it is. */
const ISSUE_CODE: Record<number, 'throttled' | 'transient' | 'exception' | 'timeout'> = {
  429: 'throttled',
  500: 'exception',
  502: 'transient',
  503: 'transient',
  504: 'timeout',
};

export function errorResponse(effect: Extract<FaultEffect, { type: 'error' }>, ruleId: string): FhirHttpResponse {
  const outcome: OperationOutcome = {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code: ISSUE_CODE[effect.status] ?? 'exception', diagnostics: `injected by sandbox fault rule ${ruleId}` }],
  };
  const retries = effect.status === 429 || effect.status === 503;
  return {
    status: effect.status,
    headers: retries ? { 'Retry-After': String(effect.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS) } : {},
    body: outcome,
  };
}

function searchset(response: FhirHttpResponse): Bundle | undefined {
  const body = response.body;
  return body?.resourceType === 'Bundle' && body.type === 'searchset' ? body : undefined;
}

/** The page's own URL: its `self` link, or the URL it was requested at when a server sends none. */
function selfUrl(bundle: Bundle, requestUrl: string): string {
  return bundle.link?.find((l) => l.relation === 'self')?.url ?? requestUrl;
}

function withNext(response: FhirHttpResponse, bundle: Bundle, next: string): FhirHttpResponse {
  const link: BundleLink[] = [...(bundle.link ?? []).filter((l) => l.relation !== 'next'), { relation: 'next', url: next }];
  return { ...response, body: { ...bundle, link } };
}

/**
 * `repeat-next`: the page names itself as the next page. Added even when the real result fits on one
 * page, so the fault shows on a patient with few resources.
 */
export function repeatNext(response: FhirHttpResponse, requestUrl: string): FhirHttpResponse | undefined {
  const bundle = searchset(response);
  return bundle && withNext(response, bundle, selfUrl(bundle, requestUrl));
}

/**
 * `foreign-next`: the real next page (or this page, when there is no next) moved to another origin,
 * path and query kept, as a misconfigured proxy or a hostile server would send it.
 */
export function foreignNext(response: FhirHttpResponse, requestUrl: string, origin = DEFAULT_FOREIGN_ORIGIN): FhirHttpResponse | undefined {
  const bundle = searchset(response);
  if (!bundle) return undefined;
  const real = new URL(bundle.link?.find((l) => l.relation === 'next')?.url ?? selfUrl(bundle, requestUrl));
  return withNext(response, bundle, new URL(`${real.pathname}${real.search}`, origin).href);
}

/**
 * The other name of this server's own origin, where `second-origin-next` sends paging links by
 * default: `localhost` for 127.0.0.1 (and ::1), `127.0.0.1` for localhost, same port. Both names reach
 * the same listener, which answers by path alone and checks tokens the same way, as two host names of
 * one EHR behind a load balancer do. Undefined when the sandbox is named otherwise (a public URL).
 */
export function secondOriginOf(origin: string): string | undefined {
  const url = new URL(origin);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const other = host === 'localhost' ? '127.0.0.1' : host === '127.0.0.1' || host === '::1' ? 'localhost' : undefined;
  if (!other) return undefined;
  url.hostname = other;
  return url.origin;
}

/**
 * `second-origin-next`: the `next` and `previous` links moved to `origin`, path and query kept. Unlike
 * `foreign-next` the pages are real (the same server answers there), and a searchset without paging
 * links is left alone.
 */
export function secondOriginNext(response: FhirHttpResponse, origin: string): FhirHttpResponse | undefined {
  const bundle = searchset(response);
  if (!bundle?.link?.some((l) => l.relation === 'next' || l.relation === 'previous')) return undefined;
  const link = bundle.link.map((l) => {
    if (l.relation !== 'next' && l.relation !== 'previous') return l;
    const url = new URL(l.url);
    return { ...l, url: new URL(`${url.pathname}${url.search}`, origin).href };
  });
  return { ...response, body: { ...bundle, link } };
}
