/**
 * The project's scenario patients (`sandbox/patients/`): FHIR bundles, plus two files that are not
 * bundles and must not be loaded as such: `expected.json` (what the rules should find, for tests)
 * and `faults.json` (per-patient fault rules, applied by the sandbox). The directory is written by
 * another part of the project and may be missing or still empty; the sandbox starts anyway.
 */
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FAULTS_FILE } from './faults';
import { SIDE_FILES } from './patients/load-scenarios';

export const SCENARIO_PATIENTS_DIR = resolve(import.meta.dirname, 'patients');

export interface ScenarioFiles {
  readonly dir: string;
  readonly state: 'missing' | 'empty' | 'found';
  /** Bundle files to load (and `descriptions.json`, which the FHIR loader reads as descriptions). */
  readonly bundles: readonly string[];
  readonly faultsFile: string;
}

export async function scenarioFiles(dir: string): Promise<ScenarioFiles> {
  const faultsFile = join(dir, FAULTS_FILE);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { dir, state: 'missing', bundles: [], faultsFile };
    throw err;
  }
  const bundles = names
    .filter((n) => n.endsWith('.json') && !SIDE_FILES.has(n))
    .sort()
    .map((n) => join(dir, n));
  return { dir, state: bundles.length ? 'found' : 'empty', bundles, faultsFile };
}
