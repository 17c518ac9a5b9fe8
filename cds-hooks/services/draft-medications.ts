/**
 * The medicine orders being drafted (order-select, order-sign `context.draftOrders`), mapped with the
 * app's own medication mapper (src/fhir/map-medications.ts) so the engine reads them exactly as it
 * reads the patient's list: codes first, text second, a `medicationReference` resolved against the
 * draft Bundle (contained or another entry).
 *
 * A draft is what the clinician is about to start, so it is read as in use today: its status becomes
 * `active` and the dates that only describe the draft (authoredOn, the validity period, a statement's
 * effective dates) are left out, so the engine's stale-order test cannot call today's order old. Its
 * own refusals stay: `doNotPerform`, and an intent of `proposal` or `option`, mean the drug is not
 * being ordered (rules/engine/medication-activity.ts).
 */
import type { MedicationUse } from '../../rules/engine/record.js';
import { field, obj, resourceId, resourceType, str, type JsonObject } from '../../src/fhir/fhir-values.js';
import { mapMedication } from '../../src/fhir/map-medications.js';
import { MappingReport } from '../../src/fhir/mapping-report.js';
import { referencedPatientId, ResourceSet, subjectReference } from '../../src/fhir/resource-set.js';
import { bundleResources } from '../hooks/hook-request.js';
import { RequestError } from '../http/request-error.js';

const DRAFT_TYPES = new Set(['MedicationRequest', 'MedicationStatement']);
const DATE_FIELDS = ['authoredOn', 'dispenseRequest', 'effectiveDateTime', 'effectivePeriod', 'dateAsserted'];

export interface DraftMedication {
  /** `MedicationRequest/123`: what a delete suggestion names. Undefined for a draft without an id. */
  readonly reference?: string;
  readonly resourceType: string;
  readonly use: MedicationUse;
}

function asInUseToday(resource: JsonObject, id: string): JsonObject {
  const copy: Record<string, unknown> = { ...resource, id, status: 'active' };
  for (const f of DATE_FIELDS) delete copy[f];
  return copy;
}

/**
 * The drafted MedicationRequests and MedicationStatements; for order-select only the `selections`.
 * A draft whose subject is another patient is refused: a client bug that must not be decided on.
 */
export function draftMedications(draftOrders: JsonObject | undefined, patientId: string, selections?: readonly string[]): DraftMedication[] {
  const entries = bundleResources(draftOrders);
  const set = new ResourceSet();
  for (const e of entries) set.add(e.resource, e.fullUrl);
  const selected = selections ? new Set(selections.map((s) => s.replace(/^.*?([A-Za-z]+\/[^/]+)$/, '$1'))) : undefined;
  const report = new MappingReport();
  const out: DraftMedication[] = [];
  entries.forEach(({ resource }, index) => {
    const type = resourceType(resource);
    if (!type || !DRAFT_TYPES.has(type)) return;
    const id = resourceId(resource);
    const reference = id ? `${type}/${id}` : undefined;
    if (selected && (!reference || !selected.has(reference))) return;
    const subject = subjectReference(resource);
    if (subject && referencedPatientId(subject, set) !== patientId) throw new RequestError(400, `context.draftOrders entry ${index} is for another patient`);
    const use = mapMedication(asInUseToday(resource, id ?? `draft-${index}`), set, report);
    if (use) out.push({ ...(reference ? { reference } : {}), resourceType: type, use });
  });
  return out;
}

/** The words a card uses for a draft: its text or first display (hostile: escape before Markdown). */
export function draftName(draft: DraftMedication): string {
  return draft.use.text ?? draft.use.codings.find((c) => c.display)?.display ?? draft.use.ingredientTexts[0] ?? 'the drafted medicine';
}

export function subjectOf(resource: JsonObject): string | undefined {
  return str(field(obj(field(resource, 'subject')), 'reference'));
}
