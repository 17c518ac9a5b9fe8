/**
 * Save to record, through the app's own layers, against the real sandbox: the launch with the write
 * scopes, the chart note built from the review, the save (a DocumentReference and a
 * QuestionnaireResponse), and a relaunch the same day that reads the checklist back through the live
 * query plan, so the answers return to the review and the engine reads them like any other data.
 * Saving again updates the same two resources.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../../rules/index.js';
import { calendarDayOf } from '../../../rules/engine/time.js';
import { createSandbox, type Sandbox } from '../../../sandbox/server.js';
import { ReviewSession } from '../../../src/app/review-session.js';
import { fetchPatientRecord } from '../../../src/fhir/live/fetch-record.js';
import type { Session } from '../../../src/fhir/session.js';
import { savedVisitIn } from '../../../src/fhir/write-back/saved-visit.js';
import { writeBackFor } from '../../../src/fhir/write-back/write-back.js';
import { WRITE_BACK_SCOPES } from '../../../src/fhir/write-back/write-scopes.js';
import { buildChartNote } from '../../../src/note/chart-note.js';
import { tokenForLaunch } from '../compose/support.js';

const AS_OF = calendarDayOf(new Date());
const PATIENT = 'all-clear';
const READ = 'launch openid fhirUser patient/*.rs';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await createSandbox({ port: 0, appUrl: 'http://127.0.0.1:5173' });
});
afterAll(async () => {
  await sandbox?.close();
});

async function launchApp(scope: string): Promise<{ session: Session; review: ReviewSession }> {
  const token = await tokenForLaunch(sandbox, sandbox.auth.createLaunch({ patientId: PATIENT }).launchId, scope);
  const session: Session = { serverUrl: sandbox.fhirBase, accessToken: token.access_token, patientId: token.patient, scope: token.scope, needPatientBanner: true };
  const fetched = await fetchPatientRecord(session, { rules: ALL_RULES, asOf: AS_OF });
  return { session, review: new ReviewSession(fetched, AS_OF) };
}

describe('save to record and relaunch, against the sandbox', () => {
  it('saves the note and checklist, reads the answers back after a relaunch, and updates the same resources', async () => {
    const first = await launchApp(`${READ} ${WRITE_BACK_SCOPES.join(' ')}`);
    expect(first.review.fetched.record.sources.QuestionnaireResponse).toEqual({ state: 'complete', since: AS_OF });
    const writeBack = writeBackFor(first.session, { writeBack: true });
    if (writeBack.state !== 'available') throw new Error(`write-back is ${writeBack.state}`);
    expect(savedVisitIn(first.review.fetched, { patientId: PATIENT, asOf: AS_OF })).toBeUndefined();

    first.review.setChecklist({ 'calf-swelling': 'yes', 'saddle-numbness-bladder-bowel': 'no' });
    const noteText = buildChartNote({ report: first.review.report, review: first.review.review, checklist: first.review.checklist }).text;
    const saved = await writeBack.save({ noteText, answers: first.review.checklist, asOf: AS_OF, savedAt: `${AS_OF}T10:31:00Z` }, {});
    expect(saved.ok).toBe(true);
    const ids = saved.ids;
    expect(ids).toEqual({ documentReferenceId: expect.any(String), questionnaireResponseId: expect.any(String) });
    expect(sandbox.fhir.savedNotes(PATIENT).map((n) => [n.id, n.text])).toEqual([[ids.documentReferenceId, noteText]]);

    // Relaunch: the live plan reads today's checklist; the answers come back with the ids to update.
    const again = await launchApp(READ);
    const back = savedVisitIn(again.review.fetched, { patientId: PATIENT, asOf: AS_OF });
    expect(back).toEqual({ questionnaireResponseId: ids.questionnaireResponseId, documentReferenceId: ids.documentReferenceId, answers: { 'calf-swelling': 'yes', 'saddle-numbness-bladder-bowel': 'no' } });
    // The engine reads the saved response like any other data: the DVT red flag stands on it.
    const dvt = again.review.report.findings.find((f) => f.ruleId === 'redflag-vte-risk')!;
    expect(dvt.outcome).toBe('flagged');
    expect(dvt.evidence).toContainEqual(expect.objectContaining({ resourceType: 'QuestionnaireResponse', id: ids.questionnaireResponseId, code: 'calf-swelling', value: 'yes' }));

    // Saving again (the relaunched visit, with write scopes) updates the same two resources.
    const third = await launchApp(`${READ} ${WRITE_BACK_SCOPES.join(' ')}`);
    const restored = savedVisitIn(third.review.fetched, { patientId: PATIENT, asOf: AS_OF })!;
    third.review.adoptSavedChecklist(restored.questionnaireResponseId, restored.answers);
    third.review.setChecklist({ ...restored.answers, 'rest-pain': 'no' });
    const wb = writeBackFor(third.session, { writeBack: true });
    if (wb.state !== 'available') throw new Error(`write-back is ${wb.state}`);
    const text2 = buildChartNote({ report: third.review.report, review: third.review.review, checklist: third.review.checklist }).text;
    const updated = await wb.save({ noteText: text2, answers: third.review.checklist, asOf: AS_OF, savedAt: `${AS_OF}T11:00:00Z` }, { questionnaireResponseId: restored.questionnaireResponseId, documentReferenceId: restored.documentReferenceId! });
    expect(updated).toEqual({ ok: true, ids });
    expect(sandbox.fhir.savedNotes(PATIENT).map((n) => [n.id, n.text])).toEqual([[ids.documentReferenceId, text2]]);
    expect(sandbox.fhir.read('QuestionnaireResponse', ids.questionnaireResponseId!)).toMatchObject({ item: expect.arrayContaining([expect.objectContaining({ linkId: 'rest-pain' })]) });
  });

  it('without the write scopes, write-back says what was not granted', async () => {
    const { session } = await launchApp(READ);
    expect(writeBackFor(session, { writeBack: true })).toMatchObject({ state: 'not-granted', missing: ['patient/DocumentReference.c', 'patient/DocumentReference.u', 'patient/QuestionnaireResponse.c', 'patient/QuestionnaireResponse.u'] });
  });
});
