/**
 * After a relaunch the same day, what this visit saved comes back (src/fhir/write-back/saved-visit.ts):
 * the app's own checklist response for this patient, authored today, in this encounter when both
 * name one, newest first, with the note it points at. Everything else is not this visit's.
 */
import { describe, expect, it } from 'vitest';
import { CHECKLIST_QUESTIONNAIRE_URL } from '../../../rules/codes/checklist.js';
import { checklistForRecord, CHART_NOTE_EXTENSION } from '../../../src/fhir/write-back/checklist-for-record.js';
import { findSavedVisit, savedVisitIn } from '../../../src/fhir/write-back/saved-visit.js';

const TODAY = '2026-11-21';
const context = { patientId: 'p-1', asOf: TODAY };
const saved = (over: Record<string, unknown> = {}) => ({
  ...checklistForRecord({ answers: { 'calf-swelling': 'yes', 'rest-pain': 'no' }, patientId: 'p-1', asOf: TODAY, documentReferenceId: 'doc-1' }),
  id: 'qr-1',
  meta: { lastUpdated: '2026-11-21T09:00:00Z' },
  ...over,
});

describe('findSavedVisit', () => {
  it('finds today’s own response with its answers and the note it points at', () => {
    expect(findSavedVisit([saved()], context)).toEqual({ questionnaireResponseId: 'qr-1', documentReferenceId: 'doc-1', answers: { 'calf-swelling': 'yes', 'rest-pain': 'no' } });
  });

  it('takes the newest when there are several', () => {
    const older = saved({ id: 'qr-old', meta: { lastUpdated: '2026-11-21T08:00:00Z' } });
    const newer = saved({ id: 'qr-new', meta: { lastUpdated: '2026-11-21T09:30:00+01:00' }, item: [{ linkId: 'rest-pain', answer: [{ valueBoolean: true }] }] });
    expect(findSavedVisit([newer, older], context)).toMatchObject({ questionnaireResponseId: 'qr-new', answers: { 'rest-pain': 'yes' } });
    expect(findSavedVisit([older, newer], context)?.questionnaireResponseId).toBe('qr-new');
  });

  it.each([
    ['another questionnaire', { questionnaire: 'http://other.example/Questionnaire/x' }],
    ['another patient', { subject: { reference: 'Patient/p-2' } }],
    ['another day', { authored: '2026-11-20' }],
    ['a malformed day', { authored: '21/11/2026' }],
    ['entered in error', { status: 'entered-in-error' }],
    ['stopped', { status: 'stopped' }],
    ['an id that is not a FHIR id', { id: 'qr/../x' }],
    ['not a response', { resourceType: 'Observation' }],
  ])('ignores a response of %s', (_what, over) => {
    expect(findSavedVisit([saved(over)], context)).toBeUndefined();
  });

  it('matches the encounter only when both the launch and the response name one', () => {
    const inEncounter = saved({ encounter: { reference: 'Encounter/e-1' } });
    expect(findSavedVisit([inEncounter], { ...context, encounterId: 'e-1' })).toBeDefined();
    expect(findSavedVisit([inEncounter], { ...context, encounterId: 'e-2' })).toBeUndefined();
    expect(findSavedVisit([inEncounter], context)).toBeDefined();
    expect(findSavedVisit([saved()], { ...context, encounterId: 'e-2' })).toBeDefined();
  });

  it('reads an absolute subject, a versionless canonical and an empty response; leaves out a hostile note reference', () => {
    const r = saved({ subject: { reference: 'https://ehr.example/fhir/Patient/p-1' }, questionnaire: CHECKLIST_QUESTIONNAIRE_URL, item: [], extension: [{ url: CHART_NOTE_EXTENSION, valueReference: { reference: 'DocumentReference/../../x' } }] });
    expect(findSavedVisit([r], context)).toEqual({ questionnaireResponseId: 'qr-1', answers: {} });
  });

  it('reads what the launch’s QuestionnaireResponse query returned, and nothing else', () => {
    const q = (resourceType: string, resources: unknown[]) => ({ query: { resourceType }, resources: resources.map((resource) => ({ resource })) });
    const fetched = { queries: [q('Observation', [saved({ id: 'qr-wrong-query' })]), q('QuestionnaireResponse', [saved()])] } as unknown as Parameters<typeof savedVisitIn>[0];
    expect(savedVisitIn(fetched, context)?.questionnaireResponseId).toBe('qr-1');
    expect(savedVisitIn({ queries: [] }, context)).toBeUndefined();
  });
});
