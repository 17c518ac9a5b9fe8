/**
 * "Save to record": the chart note as a DocumentReference, then the checklist as a
 * QuestionnaireResponse that points at it. The first save creates both (POST); every later save of
 * the same visit updates them (PUT to the ids the server gave), so saving twice never leaves two
 * notes. An update the server answers 404 or 410 (someone deleted the note in the EHR) becomes a
 * create. The checklist is saved only once it has answers, or to update one saved before.
 *
 * The ids come from the server's answer (the resource it sends back, else its `Location`), checked
 * as FHIR ids before they are used in a URL. Nothing here logs or stores anything.
 */
import type { ChecklistAnswer } from '../../../rules/engine/record.js';
import { field, obj, str } from '../fhir-values.js';
import { outcomeIssues } from '../live/operation-outcome.js';
import { chartNoteDocument } from './chart-note-document.js';
import { checklistForRecord } from './checklist-for-record.js';
import { writeResource, type WriteOptions, type WriteResult } from './fhir-write.js';

/** The ids of what this visit saved, to update next time. */
export interface SavedIds {
  readonly documentReferenceId?: string;
  readonly questionnaireResponseId?: string;
}

export interface VisitToSave {
  readonly noteText: string;
  readonly answers: Readonly<Record<string, ChecklistAnswer>>;
  readonly patientId: string;
  readonly asOf: string;
  /** When the clinician pressed Save: a FHIR instant with its offset. */
  readonly savedAt: string;
  readonly encounterId?: string;
}

export type SaveOutcome =
  | { readonly ok: true; readonly ids: SavedIds }
  /** `ids` keeps whatever was saved before the failure, so the next try updates rather than duplicates. */
  | { readonly ok: false; readonly ids: SavedIds; readonly reason: string };

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** The id of what the server stored: the returned resource's, else the one in `Location` (`…/Type/id/_history/n`). */
export function storedId(result: Extract<WriteResult, { ok: true }>, resourceType: string): string | undefined {
  const body = obj(result.body);
  const fromBody = str(field(body, 'resourceType')) === resourceType ? str(field(body, 'id')) : undefined;
  if (fromBody && FHIR_ID.test(fromBody)) return fromBody;
  const m = result.location ? new RegExp(`(?:^|/)${resourceType}/([A-Za-z0-9\\-.]{1,64})(?:/_history/[^/]*)?/?$`).exec(result.location) : null;
  return m?.[1];
}

/**
 * Why a write failed, in words a clinician can act on, beginning with what was not saved
 * (`what`: "The note was", "The checklist answers were"); of the server's body only its own issue
 * wording is kept, cleaned (operation-outcome.ts).
 */
export function writeFailure(result: Extract<WriteResult, { ok: false }>, what: string): string {
  if (result.kind !== 'http') return `${what} not saved: ${result.detail}.`;
  const s = result.status;
  if (s === 401) return `${what} not saved: the session has expired (HTTP 401). Copy the note, then relaunch the app from the EHR.`;
  if (s === 403) return `${what} not saved: the EHR refused to store it (HTTP 403).`;
  if (s === 429 || s === 503) return `${what} not saved: the EHR was busy (HTTP ${s}). Try again in a moment.`;
  const issues = outcomeIssues(obj(result.body) ?? {});
  const said = issues.errors.length ? `: ${issues.errors.slice(0, 2).join('; ')}` : '';
  return `${what} not saved: the EHR refused it (HTTP ${s})${said}.`;
}

type One = { ok: true; id: string | undefined } | { ok: false; reason: string };

async function createOrUpdate(resourceType: string, existingId: string | undefined, build: (id?: string) => object, what: string, o: WriteOptions): Promise<One> {
  const base = o.baseUrl.replace(/\/+$/, '');
  if (existingId && FHIR_ID.test(existingId)) {
    const updated = await writeResource('PUT', `${base}/${resourceType}/${encodeURIComponent(existingId)}`, build(existingId), o);
    if (updated.ok) return { ok: true, id: storedId(updated, resourceType) ?? existingId };
    // Gone from the EHR since it was saved: store it again rather than lose it.
    if (!(updated.kind === 'http' && (updated.status === 404 || updated.status === 410))) return { ok: false, reason: writeFailure(updated, what) };
  }
  const created = await writeResource('POST', `${base}/${resourceType}`, build(), o);
  return created.ok ? { ok: true, id: storedId(created, resourceType) } : { ok: false, reason: writeFailure(created, what) };
}

export async function saveVisit(visit: VisitToSave, saved: SavedIds, o: WriteOptions): Promise<SaveOutcome> {
  const common = { patientId: visit.patientId, ...(visit.encounterId ? { encounterId: visit.encounterId } : {}) };
  const note = await createOrUpdate(
    'DocumentReference',
    saved.documentReferenceId,
    (id) => chartNoteDocument({ ...common, text: visit.noteText, savedAt: visit.savedAt, ...(id ? { id } : {}) }),
    'The note was',
    o,
  );
  if (!note.ok) return { ok: false, ids: saved, reason: note.reason };
  const ids: SavedIds = { ...saved, ...(note.id ? { documentReferenceId: note.id } : {}) };
  const answered = Object.keys(visit.answers).length > 0;
  if (!answered && !ids.questionnaireResponseId) return { ok: true, ids };
  const checklist = await createOrUpdate(
    'QuestionnaireResponse',
    ids.questionnaireResponseId,
    (id) => checklistForRecord({ ...common, answers: visit.answers, asOf: visit.asOf, ...(ids.documentReferenceId ? { documentReferenceId: ids.documentReferenceId } : {}), ...(id ? { id } : {}) }),
    'The checklist answers were',
    o,
  );
  if (!checklist.ok) return { ok: false, ids, reason: `The note was saved. ${checklist.reason}` };
  return { ok: true, ids: { ...ids, ...(checklist.id ? { questionnaireResponseId: checklist.id } : {}) } };
}
