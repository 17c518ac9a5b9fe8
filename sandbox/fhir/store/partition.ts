import { MemoryRepository } from '@medplum/fhir-router';
import type { IndexedEntry } from './indexed-entry';

/**
 * One slice of the store: the resources of one patient's compartment, or the shared slice for everything
 * else (Patient, Medication, Organization, Practitioner, ...).
 *
 * Each partition keeps its resources twice, on purpose:
 * - in a Medplum `MemoryRepository`, which records every version (vread, `_history`);
 * - in `tables`, insertion-ordered maps of the current versions with their extracted search values, which
 *   is what reads and searches use.
 * Medplum's own search scans every resource of a type and evaluates FHIRPath on each; a patient-sized
 * table of pre-extracted values is what brings a search from seconds to milliseconds.
 */
export class Partition {
  readonly repo = new MemoryRepository();
  private readonly tables = new Map<string, Map<string, IndexedEntry>>();

  /** @param patientId the compartment's patient, or undefined for the shared partition. */
  constructor(readonly patientId: string | undefined) {}

  entries(resourceType: string): Iterable<IndexedEntry> {
    return this.tables.get(resourceType)?.values() ?? [];
  }

  get(resourceType: string, id: string): IndexedEntry | undefined {
    return this.tables.get(resourceType)?.get(id);
  }

  /** Types with at least one current resource here. */
  resourceTypes(): string[] {
    return [...this.tables].filter(([, table]) => table.size > 0).map(([type]) => type);
  }

  /**
   * Stores a new current version. Everything visible happens synchronously (MemoryRepository 4.5.2's
   * createResource has no await before it updates its maps), so a transaction that calls put for all its
   * entries in one synchronous loop is seen by concurrent requests either entirely or not at all.
   * The promise only settles Medplum's clone of the result.
   */
  put(entry: IndexedEntry): Promise<unknown> {
    const { resourceType, id } = entry.resource;
    let table = this.tables.get(resourceType);
    if (!table) {
      table = new Map();
      this.tables.set(resourceType, table);
    }
    // Map.set on an existing key keeps its position: an update does not move a resource in the
    // (unsorted) result order, so paging over a changing store does not skip or repeat it.
    table.set(id, entry);
    return this.repo.createResource(entry.resource as Parameters<MemoryRepository['createResource']>[0]);
  }

  remove(resourceType: string, id: string): Promise<unknown> {
    this.tables.get(resourceType)?.delete(id);
    return this.repo.deleteResource(resourceType, id);
  }
}
