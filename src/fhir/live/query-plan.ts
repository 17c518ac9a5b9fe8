/**
 * The live query plan: which FHIR searches to send for one patient, derived from what the rules
 * declare they need (`RuleDefinition.needs`), filtered on the server with the searches US Core 6.1
 * servers must support:
 * - Observation `patient + code` (one search per panel of analytes, with a `date=ge` floor at the
 *   longest lookback a rule declares for those analytes); never an Observation search without a code;
 * - MedicationRequest `patient + intent + status`, with every status the rules read listed (some
 *   EHRs return only active orders otherwise), and the other medication resources by patient;
 * - Condition `patient` (resolved and refuted ones too: they are shown as checked);
 * - QuestionnaireResponse `patient + questionnaire + authored`: the app's own point-of-care
 *   checklist answered today, which the app saves to the record (src/fhir/write-back/) and reads
 *   back after a relaunch the same day; the engine reads it like any other data;
 * - Patient read.
 * Every search is independent, so they are all sent at once. Each carries the record's source keys
 * it answers for, so its status (complete, truncated, failed, not authorised) reaches the rules.
 */
import { CHECKLIST_QUESTIONNAIRE_URL, CHECKLIST_QUESTIONNAIRE_VERSION } from '../../../rules/codes/checklist.js';
import { ANALYTES, LOINC, type AnalyteId } from '../../../rules/codes/labs.js';
import { CODED_OBSERVATIONS, type CodedObservationId } from '../../../rules/codes/observations.js';
import { RECENT_USE_WINDOW } from '../../../rules/engine/medication-activity.js';
import type { SourceKey } from '../../../rules/engine/record.js';
import { lookbackStart, parseDuration } from '../../../rules/engine/time.js';
import type { DataNeed, RuleDefinition } from '../../../rules/engine/types.js';

export interface PlannedQuery {
  /** Stable name for logs, tests and the "could not check" list ("Observation: electrolytes"). */
  readonly name: string;
  readonly resourceType: string;
  /** `read` fetches `Type/id`; `search` sends `Type?params`. */
  readonly interaction: 'read' | 'search';
  readonly params: Readonly<Record<string, string>>;
  /** The record's data sources this query answers for. */
  readonly sourceKeys: readonly SourceKey[];
  /** Lower date bound of the search, when it has one. */
  readonly since?: string;
}

/** Analytes searched together: one round trip each, all in parallel. */
const LAB_PANELS: readonly { name: string; analytes: readonly AnalyteId[] }[] = [
  { name: 'electrolytes', analytes: ['potassium', 'sodium', 'magnesium', 'calcium-total', 'calcium-corrected', 'calcium-ionised', 'albumin'] },
  { name: 'glucose', analytes: ['glucose', 'glucose-fasting', 'hba1c'] },
  { name: 'kidney', analytes: ['egfr', 'creatinine'] },
  { name: 'endocrine, muscle and blood count', analytes: ['tsh', 't4-free', 'pth', 'vitamin-d', 'ck', 'platelets'] },
];

/** Entries asked per page; servers may cap it lower (the sandbox caps at 200). */
export const DEFAULT_PAGE_SIZE = 100;

const MEDICATION_QUERIES = (asOf: string, count: string): PlannedQuery[] => {
  const recent = lookbackStart(asOf, RECENT_USE_WINDOW);
  return [
    {
      name: 'MedicationRequest',
      resourceType: 'MedicationRequest',
      interaction: 'search',
      params: { intent: 'order,plan,original-order,reflex-order,filler-order,instance-order', status: 'active,on-hold,completed,stopped', _include: 'MedicationRequest:medication', _count: count },
      sourceKeys: ['MedicationRequest'],
    },
    {
      name: 'MedicationStatement',
      resourceType: 'MedicationStatement',
      interaction: 'search',
      params: { status: 'active,intended,on-hold,completed', _include: 'MedicationStatement:medication', _count: count },
      sourceKeys: ['MedicationStatement'],
    },
    {
      name: 'MedicationDispense',
      resourceType: 'MedicationDispense',
      interaction: 'search',
      params: { whenhandedover: `ge${recent}`, _include: 'MedicationDispense:medication', _count: count },
      sourceKeys: ['MedicationDispense'],
      since: recent,
    },
    {
      name: 'MedicationAdministration',
      resourceType: 'MedicationAdministration',
      interaction: 'search',
      params: { 'effective-time': `ge${recent}`, _include: 'MedicationAdministration:medication', _count: count },
      sourceKeys: ['MedicationAdministration'],
      since: recent,
    },
  ];
};

/**
 * The app's own checklist, answered on the visit day: the canonical with its version, as the app
 * writes it (checklist-questionnaire.ts), and `authored` from that day on. Only today's counts as
 * this visit's, so the review shows the answers the engine reads, and an older visit's do not
 * come back as today's.
 */
const CHECKLIST_QUERY = (asOf: string, count: string): PlannedQuery => ({
  name: 'QuestionnaireResponse',
  resourceType: 'QuestionnaireResponse',
  interaction: 'search',
  params: { questionnaire: `${CHECKLIST_QUESTIONNAIRE_URL}|${CHECKLIST_QUESTIONNAIRE_VERSION}`, authored: `ge${asOf}`, _count: count },
  sourceKeys: ['QuestionnaireResponse'],
  since: asOf,
});

function months(iso: string): number {
  const d = parseDuration(iso);
  return d.years * 12 + d.months + (d.weeks * 7 + d.days) / 30;
}

/** The longest lookback any rule declares for each analyte or coded observation. */
function lookbacks(needs: readonly DataNeed[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of needs) {
    if (n.kind !== 'lab' && n.kind !== 'coded-observation') continue;
    const key = n.kind === 'lab' ? n.analyte : n.observation;
    const lookback = n.lookback;
    const current = out.get(key);
    if (!current || months(lookback) > months(current)) out.set(key, lookback);
  }
  return out;
}

function observationQuery(name: string, codes: readonly string[], sourceKeys: SourceKey[], since: string, count: string): PlannedQuery {
  return {
    name: `Observation: ${name}`,
    resourceType: 'Observation',
    interaction: 'search',
    params: { code: codes.map((c) => `${LOINC}|${c}`).join(','), date: `ge${since}`, _sort: '-date', _count: count },
    sourceKeys,
    since,
  };
}

export function buildQueryPlan(rules: readonly RuleDefinition[], asOf: string, pageSize = DEFAULT_PAGE_SIZE): PlannedQuery[] {
  const count = String(pageSize);
  const needs = rules.flatMap((r) => r.needs);
  const kinds = new Set(needs.map((n) => n.kind));
  const longest = lookbacks(needs);
  const plan: PlannedQuery[] = [{ name: 'Patient', resourceType: 'Patient', interaction: 'read', params: {}, sourceKeys: ['Patient'] }];

  if (kinds.has('medications')) plan.push(...MEDICATION_QUERIES(asOf, count));
  if (kinds.has('conditions')) plan.push({ name: 'Condition', resourceType: 'Condition', interaction: 'search', params: { _count: count }, sourceKeys: ['Condition'] });
  if (kinds.has('checklist')) plan.push(CHECKLIST_QUERY(asOf, count));

  for (const panel of LAB_PANELS) {
    const wanted = panel.analytes.filter((a) => longest.has(a));
    if (!wanted.length) continue;
    const floor = wanted.map((a) => longest.get(a)!).reduce((a, b) => (months(a) >= months(b) ? a : b));
    const codes = wanted.flatMap((a) => ANALYTES[a].loinc.map((l) => l.code));
    plan.push(observationQuery(panel.name, codes, wanted.map((a) => `Observation:${a}`), lookbackStart(asOf, floor), count));
  }

  const coded = (Object.keys(CODED_OBSERVATIONS) as CodedObservationId[]).filter((k) => longest.has(k));
  if (coded.length) {
    const floor = coded.map((k) => longest.get(k)!).reduce((a, b) => (months(a) >= months(b) ? a : b));
    const codes = coded.flatMap((k) => CODED_OBSERVATIONS[k].loinc.map((l) => l.code));
    plan.push(observationQuery('pregnancy', codes, coded.map((k) => `Observation:${k}`), lookbackStart(asOf, floor), count));
  }
  return plan;
}
