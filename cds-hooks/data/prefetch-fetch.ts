/**
 * Prefetched data served to the live data layer as if the EHR's FHIR server had answered: a `fetch`
 * that answers the planned queries' URLs from the request's `prefetch`, and sends everything else
 * (a missing key, a paging link, a referenced Medication, the CapabilityStatement) to the real
 * server when the client gave `fhirServer` and `fhirAuthorization`, or answers 404 when it did not.
 *
 * The point is that prefetch and live access go through the same code (src/fhir/live/): the same
 * per-query statuses (an OperationOutcome in place of a result is a failed query, a `next` link that
 * cannot be followed leaves the source truncated), the same follow-ups, the same wrong-patient check
 * and the same mappers. CDS Hooks 2.0 requires prefetched data to be "equivalent to the data the CDS
 * Service would receive if it were making its own call" (https://cds-hooks.hl7.org/2.0/#prefetch-template).
 *
 * The answers are handed over without serialising them again: the prefetch was parsed once with the
 * request, and copying each Bundle through JSON text would double the service's work for large records.
 */

/** What a prefetch key holds: a resource or Bundle, or `null` ("the client has no data for it"). */
export interface PrefetchAnswer {
  readonly value: unknown;
  readonly interaction: 'read' | 'search';
}

const EMPTY_SEARCHSET = Object.freeze({ resourceType: 'Bundle', type: 'searchset', total: 0, entry: [] });

/** The parts of a Response the data layer reads (fhir-http.ts, follow-redirects.ts). */
function jsonAnswer(url: string, body: unknown): Response {
  const answer = {
    status: 200,
    ok: true,
    type: 'basic',
    url,
    redirected: false,
    headers: new Headers({ 'Content-Type': 'application/fhir+json' }),
    body: null,
    json: async () => body,
  };
  return answer as unknown as Response;
}

function notFound(): Response {
  return new Response(null, { status: 404 });
}

export function normaliseUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

/**
 * `answers` maps a request URL (normalised) to its prefetched answer; `network` is the real fetch, or
 * undefined when the client gave no FHIR access.
 */
export function prefetchFetch(answers: ReadonlyMap<string, PrefetchAnswer>, network: typeof fetch | undefined): typeof fetch {
  return async (input, init) => {
    const url = normaliseUrl(input instanceof Request ? input.url : String(input));
    const answer = answers.get(url);
    if (answer) {
      // CDS Hooks 2.0: "If the CDS Client has no data to populate a template prefetch key, the
      // prefetch template key MUST have a value of null": no resource for a read, no match for a search.
      if (answer.value === null) return answer.interaction === 'read' ? notFound() : jsonAnswer(url, EMPTY_SEARCHSET);
      return jsonAnswer(url, answer.value);
    }
    return network ? network(input, init) : notFound();
  };
}
