import type { Bundle, BundleEntry, Resource } from 'fhir/r4';
import { badRequest, FhirError } from '../operation-outcome';
import type { SandboxRepository } from '../store/sandbox-repository';
import type { PlannedEntry } from './plan-bundle';
import { planBundle } from './plan-bundle';

const REASON: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No Content' };

/**
 * POST [base] with a transaction or batch Bundle (http://hl7.org/fhir/R4/http.html#transaction).
 *
 * A transaction is all or nothing: every entry is checked first (request shape, ids, references that
 * resolve, FHIR validation) and a single problem fails the whole request with its status and nothing
 * written; then all writes become visible at once (SandboxRepository.commit). A batch applies the entries
 * that pass and reports the others in their own `response.outcome`.
 *
 * Supported entries: POST (with ifNoneExist), PUT [type]/[id], DELETE [type]/[id]. GET and PATCH entries
 * and conditional PUT/DELETE are refused as not supported.
 */
export async function processTransaction(bundle: Bundle, store: SandboxRepository, baseUrl: string): Promise<Bundle> {
  if (bundle?.resourceType !== 'Bundle' || (bundle.type !== 'transaction' && bundle.type !== 'batch')) {
    throw badRequest('POST to the base URL takes a Bundle of type transaction or batch');
  }
  const plan = planBundle(
    bundle,
    { baseUrl, keepIds: false, validate: true, find: (type, query) => store.find(type, query) },
    (type, id) => store.get(type, id) !== undefined,
  );
  const [firstProblem] = plan.problems;
  if (plan.type === 'transaction' && firstProblem) {
    const [index, error] = firstProblem;
    throw new FhirError(error.status, error.outcome.issue[0]?.code ?? 'invalid', `Bundle.entry[${index}]: ${error.message}`, {
      cause: error,
    });
  }
  const writes = plan.entries.flatMap((e) => e.write ?? []);
  const stored = new Map((await store.commit(writes)).map((r) => [`${r.resourceType}/${r.id}`, r]));

  const response: BundleEntry[] = new Array<BundleEntry>((bundle.entry ?? []).length);
  for (const entry of plan.entries) {
    const key = `${entry.resourceType}/${entry.id}`;
    response[entry.index] = responseEntry(entry, stored.get(key) ?? store.get(entry.resourceType, entry.id)?.resource);
  }
  for (const [index, error] of plan.problems) {
    response[index] = { response: { status: String(error.status), outcome: error.outcome } };
  }
  return { resourceType: 'Bundle', type: bundle.type === 'batch' ? 'batch-response' : 'transaction-response', entry: response };
}

function responseEntry(entry: PlannedEntry, resource: Resource | undefined): BundleEntry {
  if (entry.method === 'DELETE' || !resource) {
    return { response: { status: '204 No Content' } };
  }
  const status = entry.creates ? 201 : 200;
  const version = resource.meta?.versionId;
  return {
    resource,
    response: {
      status: `${status} ${REASON[status]}`,
      location: `${resource.resourceType}/${resource.id}/_history/${version}`,
      etag: `W/"${version}"`,
      ...(resource.meta?.lastUpdated ? { lastModified: resource.meta.lastUpdated } : {}),
    },
  };
}
