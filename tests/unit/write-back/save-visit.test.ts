/**
 * Save to record (src/fhir/write-back/save-visit.ts): the note as a US Core clinical note and the
 * checklist as a QuestionnaireResponse to the app's own Questionnaire; created once, then updated
 * (never a second note for the same visit); refused writes said in words; the token only ever sent
 * to the EHR's own origin, and a redirected write not followed.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentReference, QuestionnaireResponse } from 'fhir/r4';
import { CHECKLIST_QUESTIONNAIRE_URL } from '../../../rules/codes/checklist.js';
import { textFromBase64 } from '../../../src/fhir/write-back/chart-note-document.js';
import { CHART_NOTE_EXTENSION } from '../../../src/fhir/write-back/checklist-for-record.js';
import { saveVisit, type VisitToSave } from '../../../src/fhir/write-back/save-visit.js';
import { BASE, fakeEhr, outcome } from './fake-ehr.js';

const NOTE = 'Night-time leg cramps review, 2026-11-21.\nRed flags: none.\n– café “quoted” ✓';
const VISIT: VisitToSave = {
  noteText: NOTE,
  answers: { 'calf-swelling': 'no', 'dark-urine-muscle-pain': 'yes' },
  patientId: 'p-1',
  asOf: '2026-11-21',
  savedAt: '2026-11-21T10:31:00+01:00',
};
const options = (fetch: typeof globalThis.fetch) => ({ baseUrl: BASE, accessToken: 'secret-token', fetch, timeoutMs: 5000 });

describe('the first save', () => {
  it('creates the note as a US Core progress note, then the checklist pointing at it', async () => {
    const ehr = fakeEhr();
    const out = await saveVisit(VISIT, {}, options(ehr.fetch));
    expect(out).toEqual({ ok: true, ids: { documentReferenceId: 'documentreference-1', questionnaireResponseId: 'questionnaireresponse-2' } });
    expect(ehr.writes.map((w) => `${w.method} ${w.url}`)).toEqual([`POST ${BASE}/DocumentReference`, `POST ${BASE}/QuestionnaireResponse`]);
    const doc = ehr.writes[0]!.body as unknown as DocumentReference;
    expect(doc).toEqual({
      resourceType: 'DocumentReference',
      status: 'current',
      type: { coding: [{ system: 'http://loinc.org', code: '11506-3', display: 'Progress note' }], text: 'Progress note' },
      category: [{ coding: [{ system: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category', code: 'clinical-note', display: 'Clinical Note' }] }],
      subject: { reference: 'Patient/p-1' },
      date: '2026-11-21T10:31:00+01:00',
      description: 'Night-time leg cramps review',
      content: [{ attachment: { contentType: 'text/plain;charset=utf-8', data: expect.any(String), title: 'Night-time leg cramps review', creation: '2026-11-21T10:31:00+01:00' } }],
    });
    // The attachment is the note, byte for byte, in UTF-8.
    expect(textFromBase64(doc.content[0]!.attachment.data!)).toBe(NOTE);
    const qr = ehr.writes[1]!.body as unknown as QuestionnaireResponse;
    expect(qr).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      questionnaire: `${CHECKLIST_QUESTIONNAIRE_URL}|1.0.0`,
      status: 'completed',
      subject: { reference: 'Patient/p-1' },
      authored: '2026-11-21',
      extension: [{ url: CHART_NOTE_EXTENSION, valueReference: { reference: 'DocumentReference/documentreference-1' } }],
    });
    expect(qr.id).toBeUndefined();
    expect(qr.item?.map((i) => [i.linkId, i.answer?.[0]?.valueBoolean])).toEqual([['calf-swelling', false], ['dark-urine-muscle-pain', true]]);
    for (const w of ehr.writes) {
      expect(w.authorization).toBe('Bearer secret-token');
      expect(w.contentType).toBe('application/fhir+json');
      expect(w.redirect).toBe('manual');
    }
  });

  it('names the encounter the launch gave, on both', async () => {
    const ehr = fakeEhr();
    await saveVisit({ ...VISIT, encounterId: 'enc-9' }, {}, options(ehr.fetch));
    expect((ehr.writes[0]!.body as unknown as DocumentReference).context).toEqual({ encounter: [{ reference: 'Encounter/enc-9' }] });
    expect((ehr.writes[1]!.body as unknown as QuestionnaireResponse).encounter).toEqual({ reference: 'Encounter/enc-9' });
  });

  it('saves no checklist when nothing was answered (and none was saved before)', async () => {
    const ehr = fakeEhr();
    const out = await saveVisit({ ...VISIT, answers: {} }, {}, options(ehr.fetch));
    expect(out).toEqual({ ok: true, ids: { documentReferenceId: 'documentreference-1' } });
    expect(ehr.writes.map((w) => w.method)).toEqual(['POST']);
  });

  it('takes the id from Location when the server sends no body back', async () => {
    const ehr = fakeEhr((w) => (w.method === 'POST' ? new Response(null, { status: 201, headers: { Location: `${BASE}/${w.url.endsWith('DocumentReference') ? 'DocumentReference' : 'QuestionnaireResponse'}/srv-7/_history/1` } }) : undefined));
    const out = await saveVisit(VISIT, {}, options(ehr.fetch));
    expect(out).toEqual({ ok: true, ids: { documentReferenceId: 'srv-7', questionnaireResponseId: 'srv-7' } });
  });
});

describe('saving again in the same visit', () => {
  it('updates the same two resources with PUT to the ids the server gave: no second note', async () => {
    const ehr = fakeEhr();
    const first = await saveVisit(VISIT, {}, options(ehr.fetch));
    const again = await saveVisit({ ...VISIT, noteText: `${NOTE}\nChanged.`, answers: { 'calf-swelling': 'yes' } }, first.ids, options(ehr.fetch));
    expect(again).toEqual(first);
    expect(ehr.writes.slice(2).map((w) => `${w.method} ${w.url}`)).toEqual([`PUT ${BASE}/DocumentReference/documentreference-1`, `PUT ${BASE}/QuestionnaireResponse/questionnaireresponse-2`]);
    expect(ehr.writes[2]!.body).toMatchObject({ id: 'documentreference-1' });
    expect(ehr.writes[3]!.body).toMatchObject({ id: 'questionnaireresponse-2', item: [{ linkId: 'calf-swelling', answer: [{ valueBoolean: true }] }] });
    expect([...ehr.stored.keys()]).toEqual(['DocumentReference/documentreference-1', 'QuestionnaireResponse/questionnaireresponse-2']);
    expect(textFromBase64((ehr.stored.get('DocumentReference/documentreference-1') as unknown as DocumentReference).content[0]!.attachment.data!)).toBe(`${NOTE}\nChanged.`);
  });

  it('updates a checklist saved earlier even when every answer was cleared', async () => {
    const ehr = fakeEhr();
    await saveVisit({ ...VISIT, answers: {} }, { documentReferenceId: 'd1', questionnaireResponseId: 'q1' }, options(ehr.fetch));
    expect(ehr.writes.map((w) => `${w.method} ${w.url}`)).toEqual([`PUT ${BASE}/DocumentReference/d1`, `PUT ${BASE}/QuestionnaireResponse/q1`]);
    expect((ehr.writes[1]!.body as unknown as QuestionnaireResponse).item).toEqual([]);
  });

  it('stores the note again when the EHR says the saved one is gone (410)', async () => {
    const ehr = fakeEhr((w) => (w.method === 'PUT' && w.url.includes('/DocumentReference/') ? outcome(410, 'deleted') : undefined));
    const out = await saveVisit(VISIT, { documentReferenceId: 'gone-1' }, options(ehr.fetch));
    expect(ehr.writes.map((w) => `${w.method} ${w.url}`)).toEqual([`PUT ${BASE}/DocumentReference/gone-1`, `POST ${BASE}/DocumentReference`, `POST ${BASE}/QuestionnaireResponse`]);
    expect(out).toMatchObject({ ok: true, ids: { documentReferenceId: 'documentreference-1' } });
  });

  it('never puts an id that is not a FHIR id into a URL: it creates instead', async () => {
    const ehr = fakeEhr();
    await saveVisit(VISIT, { documentReferenceId: '../Patient/other' }, options(ehr.fetch));
    expect(ehr.writes[0]).toMatchObject({ method: 'POST', url: `${BASE}/DocumentReference` });
  });
});

describe('a write that does not go through', () => {
  it('says why in words, keeps what was saved, and leaves the rest for the next try', async () => {
    const refused = fakeEhr((w) => (w.url.endsWith('/QuestionnaireResponse') ? outcome(422, 'QuestionnaireResponse.item[0].answer: bad \u202evalue\n') : undefined));
    const out = await saveVisit(VISIT, {}, options(refused.fetch));
    expect(out).toEqual({ ok: false, ids: { documentReferenceId: 'documentreference-1' }, reason: 'The note was saved. The checklist answers were not saved: the EHR refused it (HTTP 422): QuestionnaireResponse.item[0].answer: bad value.' });
  });

  it.each([
    [401, 'The note was not saved: the session has expired (HTTP 401). Copy the note, then relaunch the app from the EHR.'],
    [403, 'The note was not saved: the EHR refused to store it (HTTP 403).'],
    [503, 'The note was not saved: the EHR was busy (HTTP 503). Try again in a moment.'],
  ])('HTTP %i', async (status, reason) => {
    const ehr = fakeEhr(() => new Response(null, { status }));
    expect(await saveVisit(VISIT, {}, options(ehr.fetch))).toEqual({ ok: false, ids: {}, reason });
    expect(ehr.writes).toHaveLength(1); // not retried by itself: the clinician saves again
  });

  it('does not follow a redirect with the note', async () => {
    const ehr = fakeEhr((w) => (w.url.startsWith(BASE) ? new Response(null, { status: 307, headers: { Location: 'https://elsewhere.example/fhir/DocumentReference' } }) : undefined));
    const out = await saveVisit(VISIT, {}, options(ehr.fetch));
    expect(out).toEqual({ ok: false, ids: {}, reason: 'The note was not saved: the EHR redirected the write; the app does not follow a redirect with the note.' });
    expect(ehr.writes.map((w) => w.url)).toEqual([`${BASE}/DocumentReference`]);
  });

  it('says when the EHR cannot be reached', async () => {
    const failing = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    expect(await saveVisit(VISIT, {}, options(failing))).toEqual({ ok: false, ids: {}, reason: 'The note was not saved: the EHR could not be reached.' });
  });

  it('sends nothing, token included, to a base on another origin than the token may go to', async () => {
    const ehr = fakeEhr();
    const { writeResource } = await import('../../../src/fhir/write-back/fhir-write.js');
    const r = await writeResource('POST', 'https://attacker.example/fhir/DocumentReference', {}, options(ehr.fetch));
    expect(r).toEqual({ ok: false, kind: 'foreign-origin', detail: 'the write would go to another site (https://attacker.example); the app does not send the token there' });
    expect(ehr.writes).toEqual([]);
  });
});
