/**
 * `faults.json` beside the scenario patients: `{ "<patientId>": [ <rule without patientId> ] }`, so a
 * demo clinician can pick "a patient whose lab query fails" from the EHR page. Each rule gets the
 * patient id of its key. Problems are reported, not thrown: one bad entry should not keep the sandbox
 * (and `npm start`) from starting, but it must be visible.
 */
import { readFile } from 'node:fs/promises';
import { FaultRuleError, parseFaultRule } from './parse-rule';
import type { CheckedFaultRule } from './rule';

export const FAULTS_FILE = 'faults.json';

export interface FaultsFile {
  readonly rules: readonly CheckedFaultRule[];
  readonly problems: readonly string[];
}

export function parseFaultsFile(json: unknown, name = FAULTS_FILE): FaultsFile {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { rules: [], problems: [`${name}: expected an object of patient ids to lists of rules`] };
  }
  const rules: CheckedFaultRule[] = [];
  const problems: string[] = [];
  for (const [patientId, list] of Object.entries(json)) {
    if (!Array.isArray(list)) {
      problems.push(`${name}: ${patientId}: expected a list of rules`);
      continue;
    }
    list.forEach((raw: unknown, index) => {
      const where = `${name}: ${patientId}[${index}]`;
      if (typeof raw === 'object' && raw !== null && 'patientId' in raw) {
        problems.push(`${where}: leave out patientId, the key names the patient`);
        return;
      }
      try {
        rules.push(parseFaultRule({ ...(raw as object), patientId }));
      } catch (err) {
        problems.push(`${where}: ${err instanceof FaultRuleError ? err.problems.join('; ') : String(err)}`);
      }
    });
  }
  return { rules, problems };
}

/** Reads the file; a missing file is no rules and no problem. */
export async function readFaultsFile(path: string): Promise<FaultsFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { rules: [], problems: [] };
    return { rules: [], problems: [`${path}: unreadable: ${(err as Error).message}`] };
  }
  try {
    return parseFaultsFile(JSON.parse(text), path);
  } catch (err) {
    return { rules: [], problems: [`${path}: not valid JSON: ${(err as Error).message}`] };
  }
}
