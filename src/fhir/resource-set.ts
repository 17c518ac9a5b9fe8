/**
 * A set of FHIR resources with reference resolution: `Type/id`, absolute URLs ending in
 * `Type/id`, `urn:uuid:` full URLs from transaction and collection bundles, and `#id` for
 * contained resources. Used for Bundles on the command line and for live search results alike.
 */
import { arr, field, obj, referenceOf, resourceId, resourceType, type JsonObject } from './fhir-values.js';

/**
 * Only these types are ever the target of a reference the mappers follow (subject → Patient,
 * medicationReference → Medication), so only they are indexed: indexing every Observation of a
 * large record would cost more than the mapping itself.
 */
const REFERENCE_TARGETS = new Set(['Patient', 'Medication']);

export class ResourceSet {
  private readonly byKey = new Map<string, JsonObject>();
  readonly resources: JsonObject[] = [];
  /** Each resource's type, read once here (undefined when it has none), at the same index as in `resources`. */
  readonly types: (string | undefined)[] = [];

  add(resource: JsonObject, fullUrl?: string): void {
    const type = resourceType(resource);
    this.resources.push(resource);
    this.types.push(type);
    if (!type || !REFERENCE_TARGETS.has(type)) return;
    const id = resourceId(resource);
    if (id) this.byKey.set(`${type}/${id}`, resource);
    if (fullUrl) {
      this.byKey.set(fullUrl, resource);
      // An absolute URL (http://server/fhir/Type/id) is also reachable as Type/id; urn:uuid is not.
      if (!fullUrl.startsWith('urn:')) {
        const tail = /([A-Za-z]+\/[A-Za-z0-9\-.]{1,64})$/.exec(fullUrl)?.[1];
        if (tail && !this.byKey.has(tail)) this.byKey.set(tail, resource);
      }
    }
  }

  /** Resolve a reference made from inside `from` (needed for `#contained` references). */
  resolve(reference: string | undefined, from?: JsonObject): JsonObject | undefined {
    if (!reference) return undefined;
    if (reference.startsWith('#')) {
      const id = reference.slice(1);
      for (const c of arr(field(from, 'contained'))) {
        const co = obj(c);
        if (co && resourceId(co) === id) return co;
      }
      return undefined;
    }
    const direct = this.byKey.get(reference);
    if (direct) return direct;
    const tail = /([A-Za-z]+\/[A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(reference)?.[1];
    return tail ? this.byKey.get(tail) : undefined;
  }

  ofType(type: string): JsonObject[] {
    return this.resources.filter((_, i) => this.types[i] === type);
  }
}

/** The id a patient reference points at: "Patient/123", ".../Patient/123", or a resolved urn:uuid. */
export function referencedPatientId(reference: string | undefined, set: ResourceSet): string | undefined {
  if (!reference) return undefined;
  const resolved = set.resolve(reference);
  if (resolved && resourceType(resolved) === 'Patient') return resourceId(resolved);
  return /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(reference)?.[1];
}

export function subjectReference(resource: JsonObject): string | undefined {
  // Named reads, as in fhir-values.ts's hot readers (see field()): this runs for every mapped resource.
  return referenceOf(resource.subject) ?? referenceOf(resource.patient);
}
