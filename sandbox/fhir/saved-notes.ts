/**
 * The notes apps saved to a patient's chart, for the sandbox EHR page: progress notes (LOINC 11506-3,
 * the type the app's "Save to record" writes, src/fhir/write-back/chart-note-document.ts) that name
 * the patient as subject, newest first, with their plain text decoded from the attachment. Notes
 * loaded with a data set (Synthea writes other note types, one per encounter) are not these.
 * Everything here is data, escaped by the page that shows it.
 */
import type { DocumentReference, Resource } from 'fhir/r4';

export interface SavedNote {
  readonly id: string;
  /** DocumentReference.date as written (an instant), when there is one. */
  readonly date?: string;
  readonly status: string;
  /** The text/plain attachment decoded as UTF-8, capped; empty when there is none. */
  readonly text: string;
}

const PROGRESS_NOTE = { system: 'http://loinc.org', code: '11506-3' };
/** Notes listed per patient at most, and characters of each shown. */
export const MAX_SAVED_NOTES = 10;
export const MAX_NOTE_TEXT = 20_000;

function isProgressNoteFor(r: Resource, patientId: string): r is DocumentReference & { id: string } {
  if (r.resourceType !== 'DocumentReference' || !r.id) return false;
  const d = r as DocumentReference;
  if (d.status === 'entered-in-error') return false;
  if (!d.type?.coding?.some((c) => c.system === PROGRESS_NOTE.system && c.code === PROGRESS_NOTE.code)) return false;
  return d.subject?.reference === `Patient/${patientId}`;
}

function plainText(d: DocumentReference): string {
  const attachment = d.content?.map((c) => c.attachment).find((a) => /^text\/plain\b/i.test(a.contentType ?? '') && typeof a.data === 'string');
  if (!attachment?.data) return '';
  const text = Buffer.from(attachment.data, 'base64').toString('utf8');
  return text.length > MAX_NOTE_TEXT ? `${text.slice(0, MAX_NOTE_TEXT)}…` : text;
}

export function savedNotesIn(resources: Iterable<Resource>, patientId: string): SavedNote[] {
  const notes: SavedNote[] = [];
  for (const r of resources) {
    if (!isProgressNoteFor(r, patientId)) continue;
    notes.push({ id: r.id, ...(r.date ? { date: r.date } : {}), status: r.status, text: plainText(r) });
  }
  const when = (n: SavedNote) => Date.parse(n.date ?? '') || 0;
  return notes.sort((a, b) => when(b) - when(a) || a.id.localeCompare(b.id)).slice(0, MAX_SAVED_NOTES);
}
