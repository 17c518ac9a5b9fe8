import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Bundle, Resource } from 'fhir/r4';
import type { SandboxRepository } from '../store/sandbox-repository';
import { planBundle } from './plan-bundle';

/** A directory's optional side file of patient descriptions for the EHR page: `{ "<patient id>": "text" }`. */
export const DESCRIPTIONS_FILE = 'descriptions.json';

export interface LoadReport {
  readonly files: number;
  readonly bundles: number;
  /** Resources written (a resource present in several bundles counts each time). */
  readonly resources: number;
  readonly milliseconds: number;
  /** Entries or files that were skipped, and why. */
  readonly warnings: readonly string[];
}

export interface LoadResult {
  readonly report: LoadReport;
  readonly descriptions: ReadonlyMap<string, string>;
}

/**
 * Loads FHIR bundles from files and directories (each directory's `*.json`, not recursive) into the store.
 * Accepts transaction, batch, collection and searchset bundles, and single resources. Ids are kept as the
 * files have them and `urn:uuid:` references are rewritten to `Type/id` (see planBundle).
 *
 * Files are read in parallel, then applied in name order, except that bundles without a Patient go first:
 * Synthea writes organisations and practitioners into their own bundles, which patient bundles reference
 * conditionally (`Practitioner?identifier=...`), so those must be in the store before the patients are.
 */
export async function loadFhirFiles(sources: readonly string[], store: SandboxRepository, baseUrl: string): Promise<LoadResult> {
  const started = performance.now();
  const warnings: string[] = [];
  const descriptions = new Map<string, string>();
  const files = (await Promise.all(sources.map(expand))).flat();
  const parsed = await Promise.all(
    files.map(async (file) => {
      try {
        return { file, json: JSON.parse(await readFile(file, 'utf8')) as unknown };
      } catch (err) {
        return { file, json: undefined, error: err instanceof Error ? err.message : String(err) };
      }
    }),
  );
  const bundles: { file: string; bundle: Bundle }[] = [];
  for (const { file, json, error } of parsed) {
    if (error !== undefined) {
      warnings.push(`${file}: unreadable, skipped: ${error}`);
    } else if (basename(file) === DESCRIPTIONS_FILE) {
      for (const [id, text] of Object.entries(json as Record<string, unknown>)) {
        if (typeof text === 'string') descriptions.set(id, text);
      }
    } else if (isResource(json)) {
      bundles.push({ file, bundle: json.resourceType === 'Bundle' ? (json as Bundle) : asCollection(json) });
    } else {
      warnings.push(`${file}: not a FHIR resource, skipped`);
    }
  }
  bundles.sort((a, b) => Number(hasPatient(a.bundle)) - Number(hasPatient(b.bundle)) || a.file.localeCompare(b.file));

  let resources = 0;
  for (const { file, bundle } of bundles) {
    try {
      const plan = planBundle(
        bundle,
        { baseUrl, keepIds: true, validate: false, find: (type, query) => store.find(type, query) },
        (type, id) => store.get(type, id) !== undefined,
      );
      for (const [index, error] of plan.problems) {
        warnings.push(`${file}: entry ${index} skipped: ${error.message}`);
      }
      resources += (await store.commit(plan.entries.flatMap((e) => e.write ?? []))).length;
    } catch (err) {
      warnings.push(`${file}: skipped: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return {
    report: { files: files.length, bundles: bundles.length, resources, milliseconds: Math.round(performance.now() - started), warnings },
    descriptions,
  };
}

async function expand(source: string): Promise<string[]> {
  if (!(await stat(source)).isDirectory()) {
    return [source];
  }
  const names = await readdir(source);
  return names.filter((n) => n.endsWith('.json')).sort().map((n) => join(source, n));
}

function isResource(json: unknown): json is Resource {
  return typeof json === 'object' && json !== null && typeof (json as { resourceType?: unknown }).resourceType === 'string';
}

const hasPatient = (bundle: Bundle): boolean => bundle.entry?.some((e) => e.resource?.resourceType === 'Patient') ?? false;

const asCollection = (resource: Resource): Bundle => ({ resourceType: 'Bundle', type: 'collection', entry: [{ resource }] });
