// The sandbox accepts the app's write-back as a real EHR would, and no more: with the write scopes the
// app asks for when `writeBack` is on, a chart note (DocumentReference) and a checklist
// (QuestionnaireResponse) may be created and updated for the launch patient only, validated with
// Medplum's validator, stored, and read back; everything else a write could try is refused. The EHR
// page lists each patient's saved notes with their text, escaped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../sandbox/server';
import { chartNoteDocument } from '../../../src/fhir/write-back/chart-note-document';
import { checklistForRecord } from '../../../src/fhir/write-back/checklist-for-record';
import { WRITE_BACK_SCOPES } from '../../../src/fhir/write-back/write-scopes';
import { PATIENT, startSandbox, tokenForLaunch } from './support';

const WRITE_SCOPE = `launch openid fhirUser patient/*.rs ${WRITE_BACK_SCOPES.join(' ')}`;
const NOTE = 'Night-time leg cramps review, 2026-11-21.\nRed flags: none.\n<script>alert(1)</script> & “quotes”';

let sandbox: Sandbox;
let writer: string;
let reader: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  const granted = await tokenForLaunch(sandbox, sandbox.auth.createLaunch({ patientId: PATIENT.statin }).launchId, WRITE_SCOPE);
  expect(granted.scope.split(' ')).toEqual(expect.arrayContaining(['patient/DocumentReference.cu', 'patient/QuestionnaireResponse.cu']));
  writer = granted.access_token;
  const readOnly = await tokenForLaunch(sandbox, sandbox.auth.createLaunch({ patientId: PATIENT.statin }).launchId);
  expect(readOnly.scope).not.toContain('.cu');
  reader = readOnly.access_token;
});
afterAll(() => sandbox.close());

async function send(method: string, path: string, body: unknown, token = writer): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${sandbox.fhirBase}/${path}`, {
    method,
    headers: { Accept: 'application/fhir+json', 'Content-Type': 'application/fhir+json', Authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

const note = (patientId: string, extra: Record<string, unknown> = {}) => ({ ...chartNoteDocument({ text: NOTE, patientId, savedAt: '2026-11-21T10:31:00+01:00' }), ...extra });
const checklist = (patientId: string) => checklistForRecord({ answers: { 'calf-swelling': 'yes' }, patientId, asOf: '2026-11-21', documentReferenceId: 'x' });

describe('the app’s writes for the launch patient', () => {
  it('creates the note and the checklist, updates both by id, and reads them back', async () => {
    const created = await send('POST', 'DocumentReference', note(PATIENT.statin));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const updated = await send('PUT', `DocumentReference/${id}`, { ...note(PATIENT.statin), id, description: 'updated' });
    expect(updated.status).toBe(200);
    expect(sandbox.fhir.read('DocumentReference', id)).toMatchObject({ id, description: 'updated', meta: { versionId: expect.any(String) } });

    const qr = await send('POST', 'QuestionnaireResponse', checklist(PATIENT.statin));
    expect(qr.status).toBe(201);
    const search = await send('GET', `QuestionnaireResponse?patient=${PATIENT.statin}&questionnaire=${encodeURIComponent(`${checklist(PATIENT.statin).questionnaire}`)}&authored=ge2026-11-21`, undefined, reader);
    expect(search.status).toBe(200);
    expect((search.body.entry as { resource: { id: string } }[]).map((e) => e.resource.id)).toEqual([qr.body.id]);
  });

  it('refuses a write for another patient, a create or update of another type, and a write without the write scopes', async () => {
    expect((await send('POST', 'DocumentReference', note(PATIENT.thiazide))).status).toBe(403);
    expect((await send('POST', 'QuestionnaireResponse', checklist(PATIENT.thiazide))).status).toBe(403);
    expect((await send('POST', 'Observation', { resourceType: 'Observation', status: 'final', code: { text: 'x' }, subject: { reference: `Patient/${PATIENT.statin}` } })).status).toBe(403);
    expect((await send('POST', 'DocumentReference', note(PATIENT.statin), reader)).status).toBe(403);
    // Another patient's saved note cannot be overwritten, even with this patient's content, nor deleted.
    const theirToken = (await tokenForLaunch(sandbox, sandbox.auth.createLaunch({ patientId: PATIENT.thiazide }).launchId, WRITE_SCOPE)).access_token;
    const theirs = await send('POST', 'DocumentReference', note(PATIENT.thiazide), theirToken);
    expect(theirs.status).toBe(201);
    const theirId = theirs.body.id as string;
    expect((await send('PUT', `DocumentReference/${theirId}`, { ...note(PATIENT.statin), id: theirId })).status).toBe(403);
    expect((await send('DELETE', `DocumentReference/${theirId}`, undefined)).status).toBe(403);
    expect(sandbox.fhir.read('DocumentReference', theirId)).toMatchObject({ subject: { reference: `Patient/${PATIENT.thiazide}` } });
  });

  it('validates what it stores: a malformed note is refused with what is wrong', async () => {
    const bad = await send('POST', 'DocumentReference', note(PATIENT.statin, { status: 'finalised', unknownElement: 1 }));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/status|unknownElement/);
  });
});

describe('the EHR page', () => {
  it('lists each patient’s saved notes with their full text, escaped, under that patient only', async () => {
    const created = await send('POST', 'DocumentReference', note(PATIENT.statin, { date: '2026-11-21T11:45:00+01:00' }));
    const page = await (await fetch(sandbox.ehrUrl)).text();
    const rows = page.split('<li>').slice(1);
    const statinRow = rows.find((r) => r.includes(`value="${PATIENT.statin}"`))!;
    const thiazideRow = rows.find((r) => r.includes(`value="${PATIENT.thiazide}"`))!;
    expect(statinRow).toContain(`data-note-id="${created.body.id as string}"`);
    expect(statinRow).toContain('Progress note, 2026-11-21 11:45');
    expect(statinRow).toContain('Night-time leg cramps review, 2026-11-21.\nRed flags: none.\n&lt;script&gt;alert(1)&lt;/script&gt; &amp; “quotes”');
    expect(statinRow).not.toContain('<script>');
    expect(statinRow).toMatch(/<summary>Saved notes \(\d+\)<\/summary>/);
    expect(thiazideRow).not.toContain(`data-note-id="${created.body.id as string}"`);
  });
});
