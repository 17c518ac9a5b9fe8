/**
 * Which data sources the app could not read in full, in plain words, grouped so one failed lab
 * query (seven analytes) reads as one line: "Laboratory results (potassium, sodium, magnesium, …):
 * could not be read (server error (HTTP 503))"; a resource type the EHR does not offer reads "this
 * EHR does not offer medication lists (MedicationStatement)". Never "not found": these are the
 * places the app could not look.
 */
import { ANALYTES, type AnalyteId } from '../../rules/codes/labs.js';
import { CODED_OBSERVATIONS, type CodedObservationId } from '../../rules/codes/observations.js';
import type { SourceStatus } from '../../rules/engine/record.js';

export interface SourceProblem {
  /** "Medication lists (MedicationStatement)" or "Laboratory results: potassium, sodium". */
  readonly what: string;
  readonly state: Exclude<SourceStatus['state'], 'complete'>;
  /** "not offered by this EHR", "could not be read (server error (HTTP 503))". */
  readonly how: string;
}

const RESOURCE_WORDS: Readonly<Record<string, string>> = {
  Patient: 'Patient details (Patient)',
  Condition: 'Conditions and problem list (Condition)',
  MedicationRequest: 'Medication orders (MedicationRequest)',
  MedicationStatement: 'Medication lists (MedicationStatement)',
  MedicationDispense: 'Pharmacy dispensing (MedicationDispense)',
  MedicationAdministration: 'Medicines given (MedicationAdministration)',
  QuestionnaireResponse: 'Checklist answers (QuestionnaireResponse)',
};

function nameOf(key: string): { group: string; item?: string } {
  if (key.startsWith('Observation:')) {
    const id = key.slice('Observation:'.length);
    if (Object.hasOwn(ANALYTES, id)) return { group: 'Laboratory results (Observation)', item: ANALYTES[id as AnalyteId].name };
    if (Object.hasOwn(CODED_OBSERVATIONS, id)) return { group: 'Pregnancy observations (Observation)', item: CODED_OBSERVATIONS[id as CodedObservationId].name };
    return { group: 'Observations', item: id };
  }
  return { group: Object.hasOwn(RESOURCE_WORDS, key) ? RESOURCE_WORDS[key]! : key };
}

function howOf(s: SourceStatus): string {
  switch (s.state) {
    case 'unsupported':
      return 'not offered by this EHR';
    case 'not-authorised':
      return `not authorised${s.reason ? ` (${s.reason})` : ''}`;
    case 'truncated':
      return `only partly read${s.reason ? ` (${s.reason})` : ''}`;
    default:
      return `could not be read${s.reason ? ` (${s.reason})` : ''}`;
  }
}

/** Sources not read in full, one line per group and outcome; `'*'` (a whole export) is skipped. */
export function sourceProblems(sources: Readonly<Record<string, SourceStatus>>): SourceProblem[] {
  const lines = new Map<string, { what: string; items: string[]; state: SourceProblem['state']; how: string }>();
  for (const [key, status] of Object.entries(sources)) {
    if (key === '*' || status.state === 'complete') continue;
    const { group, item } = nameOf(key);
    const how = howOf(status);
    const id = `${group}|${how}`;
    const line = lines.get(id) ?? { what: group, items: [], state: status.state, how };
    if (item && !line.items.includes(item)) line.items.push(item);
    lines.set(id, line);
  }
  return [...lines.values()].map((l) => ({ what: l.items.length ? `${l.what}: ${itemsText(l.items)}` : l.what, state: l.state, how: l.how }));
}

/** Most items named, so one failed panel of seventeen tests stays one short line on a 360 px panel. */
export const MAX_ITEMS_NAMED = 5;

function itemsText(items: readonly string[]): string {
  if (items.length <= MAX_ITEMS_NAMED) return items.join(', ');
  return `${items.slice(0, MAX_ITEMS_NAMED - 1).join(', ')} and ${items.length - (MAX_ITEMS_NAMED - 1)} more`;
}
