/**
 * The scenario patients as files, for the scenario tests: every bundle of sandbox/patients as written
 * (as of the anchor date), and expected.json.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle, Patient } from 'fhir/r4';
import { SCENARIO_ANCHOR_DATE, SCENARIO_DIR, SIDE_FILES } from '../../../sandbox/patients/load-scenarios.js';

export { SCENARIO_ANCHOR_DATE, SCENARIO_DIR };

export interface ExpectedOutcomes {
  readonly asOf: string;
  readonly flagged: readonly string[];
  readonly notFlagged: readonly string[];
  readonly insufficient: readonly string[];
}

export interface ScenarioFile {
  /** File name without `.json`: the key in expected.json and the Patient id. */
  readonly name: string;
  readonly bundle: Bundle;
  readonly patient: Patient | undefined;
}

export const scenarioFiles: readonly ScenarioFile[] = readdirSync(SCENARIO_DIR)
  .filter((f) => f.endsWith('.json') && !SIDE_FILES.has(f))
  .sort()
  .map((file) => {
    const bundle = JSON.parse(readFileSync(join(SCENARIO_DIR, file), 'utf8')) as Bundle;
    const patient = bundle.entry?.map((e) => e.resource).find((r): r is Patient => r?.resourceType === 'Patient');
    return { name: file.replace(/\.json$/, ''), bundle, patient };
  });

export const expected = JSON.parse(readFileSync(join(SCENARIO_DIR, 'expected.json'), 'utf8')) as Record<string, ExpectedOutcomes>;

export const faults = JSON.parse(readFileSync(join(SCENARIO_DIR, 'faults.json'), 'utf8')) as Record<string, unknown[]>;

/** The one scenario whose oddities are deliberate (hostile strings, an unresolvable reference). */
export const HOSTILE_SCENARIO = 'hostile-strings';
