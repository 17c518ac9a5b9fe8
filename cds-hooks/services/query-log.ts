/** The queries that did not complete, for the log: names, states and HTTP statuses only (no reasons). */
import type { FetchedRecord } from '../../src/fhir/live/fetch-record.js';

export function incompleteQueries(fetched: FetchedRecord): string {
  return fetched.queries
    .filter((q) => q.status.state !== 'complete')
    .map((q) => `${q.query.name} ${q.status.state}${q.httpStatus ? ` (HTTP ${q.httpStatus})` : ''}`)
    .join(', ');
}
