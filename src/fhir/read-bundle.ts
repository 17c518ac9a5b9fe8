/**
 * Read one patient's FHIR R4 Bundle (collection, searchset, transaction, batch, document or
 * message) into a ResourceSet, with `urn:uuid:` full URLs resolvable. Says plainly what is wrong
 * with input that is not such a Bundle.
 */
import type { SourceStatus } from '../../rules/engine/record.js';
import { arr, field, obj, resourceId, resourceType, str } from './fhir-values.js';
import { mapRecord, type MappedRecord } from './map-record.js';
import { ResourceSet } from './resource-set.js';

export class NotFhirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFhirError';
  }
}

export interface ReadBundle {
  readonly set: ResourceSet;
  readonly bundleType: string;
  readonly patientId?: string;
  /** Whether the export is whole: a searchset with a `next` link was cut short. */
  readonly completeness: SourceStatus;
}

const BUNDLE_TYPES = new Set(['collection', 'searchset', 'transaction', 'batch', 'document', 'message', 'transaction-response', 'batch-response', 'history']);

export function readBundle(json: unknown): ReadBundle {
  const bundle = obj(json);
  if (!bundle) throw new NotFhirError('not a FHIR resource: the file is not a JSON object');
  const type = resourceType(bundle);
  if (!type) throw new NotFhirError('not a FHIR resource: no resourceType');
  if (type !== 'Bundle') throw new NotFhirError(`not a FHIR Bundle: resourceType is ${JSON.stringify(type).slice(0, 60)}`);
  const bundleType = str(field(bundle, 'type'));
  if (!bundleType || !BUNDLE_TYPES.has(bundleType)) throw new NotFhirError(`not a FHIR R4 Bundle: type ${JSON.stringify(bundleType ?? null).slice(0, 60)} is not a Bundle type`);

  const set = new ResourceSet();
  // Named reads of the entry's elements, as in fhir-values.ts's hot readers (see field()).
  for (const e of arr(field(bundle, 'entry'))) {
    const entry = obj(e);
    const resource = obj(entry?.resource);
    if (!resource) continue;
    set.add(resource, str(entry!.fullUrl));
  }
  const patients = [...new Set(set.ofType('Patient').map((p) => resourceId(p)).filter((id): id is string => !!id))];
  if (patients.length > 1) throw new NotFhirError(`the bundle holds ${patients.length} patients; give one patient per bundle`);

  const hasNext = arr(field(bundle, 'link')).some((l) => str(field(obj(l), 'relation')) === 'next');
  const completeness: SourceStatus = hasNext
    ? { state: 'truncated', reason: 'the bundle is one page of a search: its next page is not included' }
    : { state: 'complete' };
  return { set, bundleType, ...(patients[0] ? { patientId: patients[0] } : {}), completeness };
}

/** Bundle JSON → mapped record, with every source taken as read in full unless the bundle is one page. */
export function mapBundle(json: unknown): MappedRecord & { bundle: ReadBundle } {
  const bundle = readBundle(json);
  const mapped = mapRecord(bundle.set, { ...(bundle.patientId ? { patientId: bundle.patientId } : {}), sources: { '*': bundle.completeness } });
  return { ...mapped, bundle };
}

