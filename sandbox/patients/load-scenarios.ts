/**
 * The scenario patients of this directory, with their dates moved to today.
 *
 * Every bundle here is written as of SCENARIO_ANCHOR_DATE (labs drawn days before it, due dates
 * weeks after it). For the live sandbox to show the same clinical picture on any day, each bundle
 * is shifted by (today − anchor) days before it is loaded (shift-dates.ts). The directory also
 * holds files that are not bundles (`expected.json`, `faults.json`, these modules): they are
 * skipped, and so is any JSON that is not a Bundle with exactly one Patient.
 *
 * Two ways to use it (README.md):
 *   const scenarios = await loadScenarios();                  // bundles in memory, shifted to today
 *   await fhir.load(...(await writeShiftedScenarios(tmpDir))); // files for the FHIR server's loader
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Bundle } from 'fhir/r4';
import { calendarDayOf, daysBetween, isValidDay } from '../../rules/engine/time';
import { shiftDates } from './shift-dates';

/** The day every scenario bundle is written for. */
export const SCENARIO_ANCHOR_DATE = '2026-11-21';

/** This directory: the scenario bundles live beside this module. */
export const SCENARIO_DIR = resolve(import.meta.dirname);

/** Files of this directory that are not bundles and are skipped without a note. */
export const SIDE_FILES: ReadonlySet<string> = new Set(['expected.json', 'faults.json']);

/** The Patient extension whose valueString the sandbox's EHR page shows. */
export const DESCRIPTION_EXTENSION = 'http://example.org/fhir/StructureDefinition/sandbox-patient-description';

export interface Scenario {
  /** File name, e.g. `preg-32wk-low-mg.json`. */
  readonly file: string;
  readonly patientId: string;
  /** The one-line description from the Patient extension, when present. */
  readonly description?: string;
  /** The bundle, its dates moved by `shiftedByDays`. */
  readonly bundle: Bundle;
  readonly shiftedByDays: number;
}

export interface LoadScenariosOptions {
  /** Directory to read; default SCENARIO_DIR. */
  readonly dir?: string;
  /**
   * The day to shift to: `YYYY-MM-DD`, or a Date read as a local calendar day. Default: today on
   * this machine. Pass SCENARIO_ANCHOR_DATE to get the bundles exactly as written.
   */
  readonly today?: string | Date;
  /** Told about each `.json` file that is skipped because it is not a scenario bundle (side files excepted). */
  readonly onSkip?: (file: string, reason: string) => void;
}

/** `YYYY-MM-DD` for a string day or a Date's local calendar day. */
function calendarDay(today: string | Date): string {
  if (typeof today === 'string') {
    if (!isValidDay(today)) throw new RangeError(`today must be a calendar day YYYY-MM-DD, not ${JSON.stringify(today)}`);
    return today;
  }
  if (Number.isNaN(today.getTime())) throw new RangeError('today is an invalid Date');
  return calendarDayOf(today);
}

/** Days from the anchor to `today` (negative before it): what every scenario date is shifted by. */
export function scenarioShiftDays(today: string | Date = new Date()): number {
  return daysBetween(SCENARIO_ANCHOR_DATE, calendarDay(today));
}

type Json = Record<string, unknown>;

/** Why a parsed file is not a scenario bundle, or the id of its one Patient. */
function scenarioPatient(json: unknown): { patient: Json } | { problem: string } {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { problem: 'not a JSON object' };
  const resource = json as Json;
  if (resource.resourceType !== 'Bundle') return { problem: `not a Bundle (resourceType ${JSON.stringify(resource.resourceType ?? null)})` };
  const entries = Array.isArray(resource.entry) ? (resource.entry as Json[]) : [];
  const patients = entries.map((e) => e?.resource as Json | undefined).filter((r): r is Json => r?.resourceType === 'Patient');
  if (patients.length !== 1) return { problem: `holds ${patients.length} Patient resources; a scenario bundle holds exactly one` };
  if (typeof patients[0]!.id !== 'string') return { problem: 'its Patient has no id' };
  return { patient: patients[0]! };
}

function descriptionOf(patient: Json): string | undefined {
  const extensions = Array.isArray(patient.extension) ? (patient.extension as Json[]) : [];
  const text = extensions.find((e) => e?.url === DESCRIPTION_EXTENSION)?.valueString;
  return typeof text === 'string' ? text : undefined;
}

/**
 * Reads every scenario bundle of the directory (in file-name order) and returns copies shifted by
 * (today − SCENARIO_ANCHOR_DATE) days. Files that are not scenario bundles are skipped.
 */
export async function loadScenarios(options: LoadScenariosOptions = {}): Promise<Scenario[]> {
  const dir = options.dir ?? SCENARIO_DIR;
  const days = scenarioShiftDays(options.today ?? new Date());
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json') && !SIDE_FILES.has(f)).sort();
  const scenarios: Scenario[] = [];
  for (const file of files) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(join(dir, file), 'utf8'));
    } catch (err) {
      options.onSkip?.(file, `not readable JSON: ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    const found = scenarioPatient(json);
    if ('problem' in found) {
      options.onSkip?.(file, found.problem);
      continue;
    }
    const description = descriptionOf(found.patient);
    scenarios.push({
      file,
      patientId: found.patient.id as string,
      ...(description !== undefined ? { description } : {}),
      bundle: shiftDates(json as Bundle, days),
      shiftedByDays: days,
    });
  }
  return scenarios;
}

/**
 * Writes the shifted scenario bundles into `targetDir` (created if needed), one file each under its
 * own name, and returns their paths: for a loader that reads files, such as the sandbox FHIR
 * server's `load(...paths)`.
 */
export async function writeShiftedScenarios(targetDir: string, options: LoadScenariosOptions = {}): Promise<string[]> {
  const scenarios = await loadScenarios(options);
  await mkdir(targetDir, { recursive: true });
  return Promise.all(
    scenarios.map(async (s) => {
      const path = join(targetDir, s.file);
      await writeFile(path, `${JSON.stringify(s.bundle, null, 2)}\n`);
      return path;
    }),
  );
}
