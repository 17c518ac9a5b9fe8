/**
 * The chart note as a US Core clinical note: a DocumentReference with status `current`, category
 * `clinical-note`, type LOINC 11506-3 "Progress note", the note itself as a `text/plain` attachment
 * (base64 of its UTF-8 bytes), the patient as subject, the time of saving, and the encounter when
 * the launch gave one.
 * https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-documentreference.html
 * https://hl7.org/fhir/us/core/STU6.1/clinical-notes.html
 */
import type { DocumentReference } from 'fhir/r4';

export const US_CORE_DOCUMENT_CATEGORY = 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category';
export const PROGRESS_NOTE_LOINC = '11506-3';
export const NOTE_CONTENT_TYPE = 'text/plain;charset=utf-8';
export const NOTE_DOCUMENT_TITLE = 'Night-time leg cramps review';

/** Base64 of the text's UTF-8 bytes (btoa alone takes Latin-1 only), in the browser and in Node alike. */
export function utf8Base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The attachment's text again: UTF-8 from base64 (the sandbox's notes list and the tests read it back). */
export function textFromBase64(data: string): string {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

export interface ChartNoteDocumentInput {
  readonly text: string;
  readonly patientId: string;
  /** When it was saved: a FHIR instant with its offset. */
  readonly savedAt: string;
  readonly encounterId?: string;
  /** The id the server gave at the first save: the update keeps it. */
  readonly id?: string;
}

export function chartNoteDocument(input: ChartNoteDocumentInput): DocumentReference {
  return {
    resourceType: 'DocumentReference',
    ...(input.id ? { id: input.id } : {}),
    status: 'current',
    type: { coding: [{ system: 'http://loinc.org', code: PROGRESS_NOTE_LOINC, display: 'Progress note' }], text: 'Progress note' },
    category: [{ coding: [{ system: US_CORE_DOCUMENT_CATEGORY, code: 'clinical-note', display: 'Clinical Note' }] }],
    subject: { reference: `Patient/${input.patientId}` },
    date: input.savedAt,
    description: NOTE_DOCUMENT_TITLE,
    content: [{ attachment: { contentType: NOTE_CONTENT_TYPE, data: utf8Base64(input.text), title: NOTE_DOCUMENT_TITLE, creation: input.savedAt } }],
    ...(input.encounterId ? { context: { encounter: [{ reference: `Encounter/${input.encounterId}` }] } } : {}),
  };
}
