import { randomUUID } from 'node:crypto';
import type { SearchRequest, WithId } from '@medplum/core';
import { formatSearchQuery, gone, notFound, OperationOutcomeError, preconditionFailed } from '@medplum/core';
import { FhirRepository } from '@medplum/fhir-router';
import type { Bundle as MedplumBundle, Reference, Resource as MedplumResource } from '@medplum/fhirtypes';
import type { Resource } from 'fhir/r4';
import { badRequest, notSupported } from '../operation-outcome';
import type { SearchSource } from '../search/execute';
import { executeSearch } from '../search/execute';
import { parseSearchQuery } from '../search/query';
import { compartmentPatient } from './compartment';
import { deepFreeze } from './deep-freeze';
import type { IndexedEntry } from './indexed-entry';
import { Partition } from './partition';
import { validateForWrite } from './validate';

export type Write =
  | { readonly kind: 'put'; readonly resource: Resource & { id: string } }
  | { readonly kind: 'delete'; readonly resourceType: string; readonly id: string };

/**
 * The sandbox's store: Medplum's FhirRepository interface (so Medplum's FhirRouter can serve read, vread,
 * history, create, update and delete through it) over one `Partition` per patient compartment plus a
 * shared one, and the indexed search the HTTP layer calls directly.
 *
 * Every write goes through `commit`, which makes a whole list of writes visible at once: that is what makes
 * transactions atomic (Medplum's in-memory transactions are not).
 */
export class SandboxRepository extends FhirRepository<undefined> implements SearchSource {
  private readonly shared = new Partition(undefined);
  private readonly byPatient = new Map<string, Partition>();
  /** Where each current resource lives, by `Type/id`. */
  private readonly locator = new Map<string, Partition>();
  /** Deleted resources answer 410 Gone rather than 404 (http://hl7.org/fhir/R4/http.html#read). */
  private readonly deleted = new Set<string>();
  /** versionIds are a server-wide counter, so history can be ordered by them. */
  private version = 0;

  /** @param baseUrl this server's base, so that absolute references to it in queries count as local. */
  constructor(private readonly baseUrl: string) {
    super();
  }

  /**
   * Applies writes in order; all of them are visible to other requests from the same instant.
   * The resources become the store's (frozen): pass JSON nobody else holds.
   */
  async commit(writes: readonly Write[]): Promise<(Resource & { id: string })[]> {
    // First everything that can throw (extracting the patient reference from unvalidated input), so that
    // a failure leaves the store untouched; then the changes, in one synchronous run (see Partition.put).
    const lastUpdated = new Date().toISOString();
    const planned = writes.map((write) => {
      if (write.kind === 'delete') {
        return write;
      }
      const entry: IndexedEntry = { resource: this.prepare(write.resource, lastUpdated), values: new Map() };
      const patientId = compartmentPatient(entry);
      return { kind: 'put' as const, entry, target: patientId === undefined ? this.shared : this.partitionOf(patientId) };
    });
    const pending: Promise<unknown>[] = [];
    for (const write of planned) {
      const { resourceType, id } = write.kind === 'delete' ? write : write.entry.resource;
      const key = `${resourceType}/${id}`;
      const previous = this.locator.get(key);
      if (previous && (write.kind === 'delete' || previous !== write.target)) {
        pending.push(previous.remove(resourceType, id)); // deleted, or its patient reference changed
      }
      if (write.kind === 'delete') {
        if (previous) this.deleted.add(key);
        this.locator.delete(key);
      } else {
        pending.push(write.target.put(write.entry));
        this.locator.set(key, write.target);
        this.deleted.delete(key);
      }
    }
    await Promise.all(pending);
    return planned.flatMap((w) => (w.kind === 'put' ? [w.entry.resource] : []));
  }

  // ---- lookups used by search, the HTTP layer and the EHR page

  candidates(resourceType: string, patientIds: readonly string[] | undefined): Iterable<IndexedEntry> {
    const partitions =
      patientIds === undefined
        ? [this.shared, ...this.byPatient.values()]
        : [...new Set(patientIds)].flatMap((id) => this.byPatient.get(id) ?? []).concat(this.shared);
    return (function* () {
      for (const partition of partitions) {
        yield* partition.entries(resourceType);
      }
    })();
  }

  get(resourceType: string, id: string): IndexedEntry | undefined {
    return this.locator.get(`${resourceType}/${id}`)?.get(resourceType, id);
  }

  /** The patient whose compartment holds this resource (the id itself for a Patient). */
  compartmentOf(resourceType: string, id: string): string | undefined {
    if (resourceType === 'Patient') {
      return id;
    }
    return this.locator.get(`${resourceType}/${id}`)?.patientId;
  }

  /** Resource types that currently have at least one resource. */
  storedResourceTypes(): string[] {
    const types = new Set<string>();
    for (const partition of [this.shared, ...this.byPatient.values()]) {
      for (const type of partition.resourceTypes()) {
        types.add(type);
      }
    }
    return [...types].sort();
  }

  // ---- Medplum FhirRepository, as used by FhirRouter

  setMode(): void {
    // One in-memory store: there are no reader/writer replicas to choose between.
  }

  generateId(): string {
    return randomUUID();
  }

  async createResource<T extends MedplumResource>(resource: T, options?: { assignedId?: boolean }): Promise<WithId<T>> {
    validateForWrite(resource as Resource);
    // "The server assigns a new id and ignores any id in the resource" (http://hl7.org/fhir/R4/http.html#create);
    // Medplum passes assignedId only for entries of its own batch processing.
    const id = options?.assignedId && resource.id ? resource.id : this.generateId();
    const [stored] = await this.commit([{ kind: 'put', resource: { ...(resource as Resource), id } }]);
    return stored as unknown as WithId<T>;
  }

  async updateResource<T extends MedplumResource>(resource: T, options?: { ifMatch?: string }): Promise<WithId<T>> {
    if (!resource.id) {
      throw badRequest('An update needs the resource id');
    }
    validateForWrite(resource as Resource);
    const current = this.get(resource.resourceType, resource.id);
    if (options?.ifMatch !== undefined && current?.resource.meta?.versionId !== options.ifMatch) {
      throw new OperationOutcomeError(preconditionFailed); // 412: someone else changed it first
    }
    const [stored] = await this.commit([{ kind: 'put', resource: resource as Resource & { id: string } }]);
    return stored as unknown as WithId<T>;
  }

  async deleteResource(resourceType: string, id: string): Promise<void> {
    this.requireEntry(resourceType, id);
    await this.commit([{ kind: 'delete', resourceType, id }]);
  }

  patchResource(): Promise<never> {
    return Promise.reject(notSupported('PATCH is not supported by the sandbox FHIR server', 405));
  }

  async readResource<T extends MedplumResource>(resourceType: string, id: string): Promise<WithId<T>> {
    return this.requireEntry(resourceType, id).resource as unknown as WithId<T>;
  }

  async readReference<T extends MedplumResource>(reference: Reference<T>): Promise<WithId<T>> {
    const [type, id, ...rest] = reference.reference?.split('/') ?? [];
    if (!type || !id || rest.length > 0) {
      throw badRequest(`Not a local reference: ${reference.reference ?? '(none)'}`);
    }
    return this.readResource<T>(type, id);
  }

  readReferences<T extends MedplumResource>(references: readonly Reference<T>[]): Promise<(T | Error)[]> {
    return Promise.all(references.map((r) => this.readReference(r).catch((err: unknown) => err as Error)));
  }

  async readHistory<T extends MedplumResource>(resourceType: string, id: string): Promise<MedplumBundle<WithId<T>>> {
    this.requireEntry(resourceType, id);
    const partition = this.locator.get(`${resourceType}/${id}`) as Partition;
    const bundle = await partition.repo.readHistory<T>(resourceType, id);
    // MemoryRepository 4.5.2 reverses its stored history array in place on every call, so the order it
    // returns alternates; our versionIds are a counter, newest first is "sorted with oldest versions last".
    const entry = [...(bundle.entry ?? [])].sort(
      (a, b) => Number(b.resource?.meta?.versionId) - Number(a.resource?.meta?.versionId),
    );
    return { ...bundle, entry } as MedplumBundle<WithId<T>>;
  }

  async readVersion<T extends MedplumResource>(resourceType: string, id: string, vid: string): Promise<WithId<T>> {
    this.requireEntry(resourceType, id);
    const partition = this.locator.get(`${resourceType}/${id}`) as Partition;
    return (await partition.repo.readVersion<T>(resourceType, id, vid)) as WithId<T>;
  }

  /**
   * Every match of a search written as a query string, for conditional references and `ifNoneExist` in
   * bundles. Strict: a condition we cannot evaluate must not silently match everything.
   */
  find(resourceType: string, queryString: string): IndexedEntry[] {
    const { query } = parseSearchQuery(resourceType, new URLSearchParams(queryString), {
      baseUrl: this.baseUrl,
      pageSize: Number.MAX_SAFE_INTEGER,
      maxPageSize: Number.MAX_SAFE_INTEGER,
      strict: true,
    });
    return [...executeSearch(this, query).matches];
  }

  /**
   * Medplum's conditional create/update/delete (If-None-Exist, PUT/DELETE with a query) search through
   * here; the request is turned back into a query string and run by our own search.
   */
  async search<T extends MedplumResource>(request: SearchRequest<T>): Promise<MedplumBundle<WithId<T>>> {
    const matches = this.find(request.resourceType, formatSearchQuery({ ...request, count: undefined, offset: undefined }));
    const offset = request.offset ?? 0;
    const page = matches.slice(offset, request.count === undefined ? undefined : offset + request.count);
    return {
      resourceType: 'Bundle',
      type: 'searchset',
      total: matches.length,
      entry: page.map((e) => ({ resource: e.resource as unknown as WithId<T> })),
    };
  }

  searchByReference(): Promise<never> {
    return Promise.reject(notSupported('searchByReference is not used by the sandbox'));
  }

  withTransaction<TResult>(callback: (client: undefined) => Promise<TResult>): Promise<TResult> {
    return callback(undefined);
  }

  // ---- internals

  private requireEntry(resourceType: string, id: string): IndexedEntry {
    const entry = this.get(resourceType, id);
    if (entry) {
      return entry;
    }
    throw new OperationOutcomeError(this.deleted.has(`${resourceType}/${id}`) ? gone : notFound);
  }

  private partitionOf(patientId: string): Partition {
    let partition = this.byPatient.get(patientId);
    if (!partition) {
      partition = new Partition(patientId);
      this.byPatient.set(patientId, partition);
    }
    return partition;
  }

  /**
   * The version to store: the caller's resource with new meta, frozen. Takes ownership of the resource's
   * contents instead of copying them (every caller passes freshly parsed JSON); copying 42,000 Synthea
   * resources once more cost about a second of load time and as much again in garbage collection.
   */
  private prepare(resource: Resource & { id: string }, lastUpdated: string): Resource & { id: string } {
    const meta = { ...resource.meta, versionId: String(++this.version), lastUpdated };
    return deepFreeze({ ...resource, meta });
  }
}
