/**
 * Prefetch templates (CDS Hooks 2.0, "Prefetch Template"), generated from the live data layer's own
 * query plan (src/fhir/live/query-plan.ts), so the searches a hospital is asked to prefetch are
 * exactly the ones the service would send itself: one list, never written twice.
 * https://cds-hooks.hl7.org/2.0/#prefetch-template
 *
 * Two differences from the live searches, both forced by what a template can express:
 * - the patient is the prefetch token `{{context.patientId}}`;
 * - the date floors the plan computes from today (`date=ge…`, `whenhandedover=ge…`,
 *   `effective-time=ge…`) are left out: a template is registered once and has no token for "today".
 *   The rules apply their own lookbacks, so a prefetch without the floor only carries older results
 *   the rules then ignore; Observation searches stay sorted newest first.
 */
import { buildQueryPlan, type PlannedQuery } from '../../src/fhir/live/query-plan.js';
import type { DataNeed, RuleDefinition } from '../../rules/engine/types.js';

/** Search parameters that carry a date floor computed from the evaluation date. */
const DATE_FLOOR_PARAMS: ReadonlySet<string> = new Set(['date', 'whenhandedover', 'effective-time', 'authored']);

/**
 * Data a CDS service never asks for: the app's own point-of-care checklist is searched for "answered
 * today", a floor no template can carry, and without it an older visit's answers would be read as
 * today's. Left out, the checklist counts as not asked, as for any caller without it.
 */
const NOT_FOR_CDS: readonly DataNeed['kind'][] = ['checklist'];

/** The prefetch token for the patient in context (every hook this service answers has `patientId`). */
export const PATIENT_TOKEN = '{{context.patientId}}';
export const ENCOUNTER_TOKEN = '{{context.encounterId}}';

/** The Encounter in context: not a rule's need, the patient-view card's (the visit's reason for coming). */
export const ENCOUNTER_KEY = 'encounter';
export const ENCOUNTER_TEMPLATE = `Encounter/${ENCOUNTER_TOKEN}`;

export interface PrefetchEntry {
  /** The prefetch key: the planned query's name in lower case, words joined by hyphens. */
  readonly key: string;
  readonly template: string;
  readonly query: PlannedQuery;
}

/** "Observation: endocrine, muscle and blood count" → "observation-endocrine-muscle-and-blood-count". */
export function prefetchKey(query: Pick<PlannedQuery, 'name'>): string {
  return query.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Percent-encoding that keeps `,` `|` `:` `/` readable: a template is read by people at registration. */
function encode(value: string): string {
  return encodeURIComponent(value).replace(/%2C/g, ',').replace(/%7C/g, '|').replace(/%3A/g, ':').replace(/%2F/g, '/');
}

export function templateFor(query: PlannedQuery): string {
  if (query.interaction === 'read') return `${query.resourceType}/${PATIENT_TOKEN}`;
  const params = Object.entries(query.params).filter(([name]) => !DATE_FLOOR_PARAMS.has(name));
  return `${query.resourceType}?patient=${PATIENT_TOKEN}${params.map(([name, value]) => `&${encode(name)}=${encode(value)}`).join('')}`;
}

/**
 * What a service reads: the rules it evaluates, less the kinds of data it does not need from the
 * record (`withoutNeeds`: the order checks read the drafted medicine from the request, not the
 * patient's medicine list).
 */
export interface PlanSelection {
  readonly rules: readonly RuleDefinition[];
  readonly withoutNeeds?: readonly DataNeed['kind'][];
}

/**
 * The rules as the query plan sees them: the same rules with only the data needs the service reads.
 * Both the templates and fetchPatientRecord plan from these, so a prefetch key and a live query are
 * always the same query.
 */
export function planningRules(selection: PlanSelection): RuleDefinition[] {
  const dropped = new Set<DataNeed['kind']>([...NOT_FOR_CDS, ...(selection.withoutNeeds ?? [])]);
  return selection.rules.map((rule) => ({ ...rule, needs: rule.needs.filter((n) => !dropped.has(n.kind)) }));
}

/** The live plan for a selection on `asOf`: what the service sends itself when nothing was prefetched. */
export function plannedQueries(selection: PlanSelection, asOf: string): PlannedQuery[] {
  return buildQueryPlan(planningRules(selection), asOf);
}

/** The prefetch entries for a selection. The date only moves the floors the templates leave out. */
export function prefetchEntries(selection: PlanSelection, asOf: string): PrefetchEntry[] {
  return plannedQueries(selection, asOf).map((query) => ({ key: prefetchKey(query), template: templateFor(query), query }));
}

/** The discovery document's `prefetch` object for a selection (plus the Encounter read when asked). */
export function prefetchTemplates(selection: PlanSelection, asOf: string, withEncounter = false): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of prefetchEntries(selection, asOf)) out[e.key] = e.template;
  if (withEncounter) out[ENCOUNTER_KEY] = ENCOUNTER_TEMPLATE;
  return out;
}

/**
 * The read scopes a hospital grants the service for `fhirAuthorization` (SMART v2 syntax), from the
 * same plan: one `patient/<Type>.rs` per resource type searched or read, Medication for the
 * referenced products the follow-up round reads, and Encounter for the visit.
 */
export function requestedScope(selection: PlanSelection, asOf: string, withEncounter = false): string {
  const types = new Set(plannedQueries(selection, asOf).map((q) => q.resourceType));
  if ([...types].some((t) => t.startsWith('Medication'))) types.add('Medication');
  if (withEncounter) types.add('Encounter');
  return [...types].sort().map((t) => `patient/${t}.rs`).join(' ');
}
