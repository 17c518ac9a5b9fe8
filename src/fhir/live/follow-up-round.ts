/**
 * The second round of requests: the ones only the first round's answers make necessary (today,
 * reading the Medications that `medicationReference`s point at when the server did not include
 * them). Every follow-up, of whatever kind, joins this one round: deduplicated, bounded in number,
 * and sent all at once after the first round. So a record costs at most two rounds of requests
 * however many follow-ups it needs.
 */
import { getJson, type HttpOptions, type HttpResult } from './fhir-http.js';

export interface FollowUpRound {
  /** The answer to each URL that was sent. */
  readonly results: ReadonlyMap<string, HttpResult>;
  /** URLs over the limit, not sent. */
  readonly notSent: readonly string[];
  /** HTTP requests sent (retries and redirect hops included). */
  readonly requests: number;
}

export async function runFollowUpRound(urls: Iterable<string>, http: HttpOptions, maxRequests: number): Promise<FollowUpRound> {
  const unique = [...new Set(urls)];
  const sent = unique.slice(0, Math.max(0, maxRequests));
  const answers = await Promise.all(sent.map(async (url) => [url, await getJson(url, http)] as const));
  return {
    results: new Map(answers),
    notSent: unique.slice(sent.length),
    requests: answers.reduce((n, [, r]) => n + r.requests, 0),
  };
}

/** A failed follow-up's reason, in a few words. */
export function followUpFailure(r: Extract<HttpResult, { ok: false }>): string {
  if (r.kind !== 'http') return r.detail;
  if (r.status === 401 || r.status === 403) return `access refused (HTTP ${r.status})`;
  if (r.status === 404) return 'not found (HTTP 404)';
  if (r.status === 429 || r.status === 503) return `the server was busy (HTTP ${r.status})`;
  return `HTTP ${r.status}`;
}
