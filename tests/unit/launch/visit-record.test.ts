/**
 * What the visit leaves behind (src/app/visit-record.ts): the note follows the review as it stands;
 * Save to record goes through the launch's write-back with the ids of the first save; leaving with
 * work whose note was neither saved nor copied asks first (unsaved-work-guard.ts).
 */
import { describe, expect, it } from 'vitest';
import { ReviewSession } from '../../../src/app/review-session.js';
import { guardUnsavedWork } from '../../../src/app/unsaved-work-guard.js';
import { localInstant, VisitRecord } from '../../../src/app/visit-record.js';
import { mapBundle } from '../../../src/fhir/read-bundle.js';
import type { SavedIds, SaveOutcome, VisitToSave } from '../../../src/fhir/write-back/save-visit.js';
import type { WriteBack } from '../../../src/fhir/write-back/write-back.js';
import { frequencyBand } from '../../../src/frequency/frequency-band.js';
import { BundleBuilder } from '../../support/fhir-builder.js';

const AS_OF = '2026-11-21';
const context = { patientId: 'p' };

function session() {
  const b = new BundleBuilder({ id: 'p', gender: 'female', birthDate: '1950-01-01' }).medicationRequest({ rxnorm: '310798', text: 'Hydrochlorothiazide 25 MG Oral Tablet', date: '2026-06-01' });
  const { record, report } = mapBundle(b.bundle());
  return new ReviewSession({ record, report, queries: [] }, AS_OF);
}

/** A write-back whose saves are recorded and answered by `answer`. */
function available(answer: (visit: Omit<VisitToSave, 'patientId' | 'encounterId'>, saved: SavedIds) => SaveOutcome | Promise<SaveOutcome>) {
  const calls: { visit: Omit<VisitToSave, 'patientId' | 'encounterId'>; saved: SavedIds }[] = [];
  const wb: WriteBack = {
    state: 'available',
    context,
    save: async (visit, saved) => {
      calls.push({ visit, saved });
      return answer(visit, saved);
    },
  };
  return { wb, calls };
}

const monthly = { counts: { mode: 'monthly' as const, months: [{ month: '2026-09', episodes: 1 }, { month: '2026-10', episodes: 2 }] }, features: {} };

describe('VisitRecord', () => {
  it('builds the note from the review as it stands: answers, marks, frequency, handout', () => {
    const s = session();
    const v = new VisitRecord({ state: 'off', context });
    s.setChecklist({ 'calf-swelling': 'no' });
    s.setReview({ ruleId: 'med-thiazide-diuretic', relevance: 'relevant', discussed: true, reason: '' });
    s.setFrequency({ ...monthly, result: frequencyBand(monthly) });
    v.handoutPrinted('es');
    v.handoutPrinted('es');
    const { lines } = v.note(s);
    expect(lines).toContain('- Denied: One-sided calf swelling, warmth or tenderness.');
    expect(lines.find((l) => l.includes('(hydrochlorothiazide)'))).toMatch(/Clinician: .*relevant, discussed with the patient\.$/);
    expect(lines).toContain('Cramp frequency: about 1.5 cramps a month; band: infrequent (1 to 2 a month).');
    expect(lines.at(-1)).toBe('Patient handout: printed in Spanish.');
  });

  it('counts work as unsaved until the note as it now reads was copied or saved', async () => {
    const s = session();
    const { wb } = available((_v, saved) => ({ ok: true, ids: { ...saved, documentReferenceId: 'd1' } }));
    const v = new VisitRecord(wb);
    expect(v.hasUnsavedWork(s)).toBe(false); // nothing done yet
    s.setChecklist({ 'calf-swelling': 'no' });
    expect(v.hasUnsavedWork(s)).toBe(true);
    v.copied(v.note(s).text);
    expect(v.hasUnsavedWork(s)).toBe(false);
    s.setReview({ ruleId: 'med-thiazide-diuretic', relevance: null, discussed: true, reason: '' });
    expect(v.hasUnsavedWork(s)).toBe(true);
    await v.save(s);
    expect(v.hasUnsavedWork(s)).toBe(false);
    v.handoutPrinted('en');
    expect(v.hasUnsavedWork(s)).toBe(true);
  });

  it('saves through the launch’s write-back, then updates with the ids the first save got; says how it stands', async () => {
    const s = session();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { wb, calls } = available(async (_v, saved) => {
      await gate;
      return { ok: true, ids: { documentReferenceId: saved.documentReferenceId ?? 'd1', questionnaireResponseId: 'q1' } };
    });
    const v = new VisitRecord(wb);
    s.setChecklist({ 'calf-swelling': 'yes' });
    expect(v.saveView(s)).toEqual({ state: 'ready' });
    const saving = v.save(s, new Date(2026, 10, 21, 10, 31, 5));
    expect(v.saveView(s)).toEqual({ state: 'saving' });
    expect(await v.save(s)).toBeUndefined(); // a second press while saving sends nothing
    release();
    expect(await saving).toBe('q1');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.visit).toEqual({ noteText: v.note(s).text, answers: { 'calf-swelling': 'yes' }, asOf: AS_OF, savedAt: localInstant(new Date(2026, 10, 21, 10, 31, 5)) });
    expect(calls[0]!.saved).toEqual({});
    expect(v.saveView(s)).toEqual({ state: 'saved', at: '10:31', current: true });
    s.setChecklist({ 'calf-swelling': 'no' });
    expect(v.saveView(s)).toEqual({ state: 'saved', at: '10:31', current: false });
    await v.save(s, new Date(2026, 10, 21, 10, 40));
    expect(calls[1]!.saved).toEqual({ documentReferenceId: 'd1', questionnaireResponseId: 'q1' });
    expect(v.saveView(s)).toEqual({ state: 'saved', at: '10:40', current: true });
  });

  it('says why a save failed, keeps the work unsaved, and keeps what was saved for the next try', async () => {
    const s = session();
    const { wb, calls } = available(() => ({ ok: false, ids: { documentReferenceId: 'd1' }, reason: 'The note was saved. The checklist answers were not saved: the EHR was busy (HTTP 503). Try again in a moment.' }));
    const v = new VisitRecord(wb);
    s.setChecklist({ 'calf-swelling': 'yes' });
    await v.save(s);
    expect(v.saveView(s)).toEqual({ state: 'failed', reason: 'The note was saved. The checklist answers were not saved: the EHR was busy (HTTP 503). Try again in a moment.' });
    expect(v.hasUnsavedWork(s)).toBe(true);
    await v.save(s);
    expect(calls[1]!.saved).toEqual({ documentReferenceId: 'd1' });
  });

  it('has no save control when write-back is off, and says what is missing when it was not granted', () => {
    const s = session();
    expect(new VisitRecord({ state: 'off', context }).saveView(s)).toBeUndefined();
    expect(new VisitRecord({ state: 'not-granted', context, missing: ['patient/DocumentReference.c'] }).saveView(s)).toEqual({ state: 'not-granted', missing: ['patient/DocumentReference.c'] });
  });

  it('after a relaunch that restored saved answers: updates the same resources, and the note as first shown is kept', async () => {
    const s = session();
    const { wb, calls } = available((_v, saved) => ({ ok: true, ids: saved }));
    const v = new VisitRecord(wb, { questionnaireResponseId: 'q1', documentReferenceId: 'd1', answers: { 'calf-swelling': 'yes' } });
    s.adoptSavedChecklist('q1', { 'calf-swelling': 'yes' });
    v.keepRestored(s);
    expect(v.saveView(s)).toEqual({ state: 'ready', restored: true });
    expect(v.hasUnsavedWork(s)).toBe(false);
    s.setChecklist({ 'calf-swelling': 'yes', 'rest-pain': 'no' });
    expect(v.hasUnsavedWork(s)).toBe(true);
    await v.save(s);
    expect(calls[0]!.saved).toEqual({ questionnaireResponseId: 'q1', documentReferenceId: 'd1' });
  });
});

describe('ReviewSession.adoptSavedChecklist', () => {
  it('restores the answers, and the stored copy no longer counts once the clinician changes them', () => {
    const b = new BundleBuilder({ id: 'p', gender: 'male', birthDate: '1960-01-01' }).checklist({ 'calf-swelling': 'yes' }, AS_OF, 'saved-qr');
    const { record, report } = mapBundle(b.bundle());
    const s = new ReviewSession({ record, report, queries: [] }, AS_OF);
    expect(s.report.findings.find((f) => f.ruleId === 'redflag-vte-risk')!.outcome).toBe('flagged');
    s.adoptSavedChecklist('saved-qr', { 'calf-swelling': 'yes' });
    expect(s.checklist).toEqual({ 'calf-swelling': 'yes' });
    expect(s.report.findings.find((f) => f.ruleId === 'redflag-vte-risk')!.outcome).toBe('flagged');
    // Cleared on screen: the saved "yes" must not keep the red flag up.
    s.setChecklist({});
    expect(s.report.findings.find((f) => f.ruleId === 'redflag-vte-risk')!.outcome).toBe('insufficient-data');
  });
});

describe('localInstant', () => {
  it('is a FHIR instant with the local offset, the same moment to the second', () => {
    const d = new Date(2026, 10, 21, 10, 31, 5, 700);
    const text = localInstant(d);
    expect(text).toMatch(/^2026-11-21T10:31:05[+-]\d{2}:\d{2}$/);
    expect(Date.parse(text)).toBe(Math.floor(d.getTime() / 1000) * 1000);
  });
});

describe('guardUnsavedWork', () => {
  // Node's Event has a read-only returnValue; a browser's BeforeUnloadEvent lets a page set it.
  const beforeUnload = () => Object.defineProperty(new Event('beforeunload', { cancelable: true }), 'returnValue', { value: 'untouched', writable: true }) as Event & { returnValue: unknown };

  it('asks before leaving only while there is unsaved work, and stops when released', () => {
    const target = new EventTarget();
    let unsaved = false;
    const release = guardUnsavedWork(() => unsaved, target as unknown as Window);
    const calm = beforeUnload();
    target.dispatchEvent(calm);
    expect(calm.defaultPrevented).toBe(false);
    unsaved = true;
    const asked = beforeUnload();
    target.dispatchEvent(asked);
    expect(asked.defaultPrevented).toBe(true);
    expect(asked.returnValue).toBe('');
    release();
    const after = beforeUnload();
    target.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
  });
});
