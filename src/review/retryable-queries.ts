/**
 * Which of the launch's queries a Retry may send again: those that failed (a server error, a
 * timeout, a busy server, a search the server did not do) and those the server refused after a
 * request was sent (401/403: the session or a permission may have been restored). A query refused
 * before any request, because the scope was never granted, is not retried: the answer would be the
 * same, and only a relaunch with more scopes can change it.
 */
import type { SourceStatus } from '../../rules/engine/record.js';

export interface QueryForRetry {
  readonly query: { readonly name: string };
  readonly status: SourceStatus;
  readonly requests: number;
}

export function retryableQueryNames(queries: readonly QueryForRetry[]): string[] {
  return queries
    .filter((q) => q.status.state === 'failed' || (q.status.state === 'not-authorised' && q.requests > 0))
    .map((q) => q.query.name);
}
