/**
 * The visit's review: checklist answers re-run the engine (red flags update as the clinician
 * ticks), review marks are kept in memory.
 */
import { describe, expect, it } from 'vitest';
import { ReviewSession } from '../../../src/app/review-session.js';
import { mapBundle } from '../../../src/fhir/read-bundle.js';
import type { FetchedRecord } from '../../../src/fhir/live/fetch-record.js';
import type { QueryOutcome } from '../../../src/fhir/live/run-query.js';
import { BundleBuilder } from '../../support/fhir-builder.js';

function session(b: BundleBuilder) {
  const { record, report } = mapBundle(b.bundle());
  return new ReviewSession({ record, report, queries: [] }, '2026-11-21');
}
const outcome = (s: ReviewSession, id: string) => s.report.findings.find((f) => f.ruleId === id)!.outcome;

describe('ReviewSession', () => {
  it('turns checklist answers into findings: calf swelling fires the DVT red flag, saddle numbness the cauda equina one', () => {
    const s = session(new BundleBuilder({ id: 'p', gender: 'male', birthDate: '1960-01-01' }));
    expect(outcome(s, 'redflag-vte-risk')).toBe('insufficient-data');
    s.setChecklist({ 'calf-swelling': 'yes', 'saddle-numbness-bladder-bowel': 'no' });
    expect(outcome(s, 'redflag-vte-risk')).toBe('flagged');
    expect(s.report.findings.find((f) => f.ruleId === 'redflag-vte-risk')!.urgency).toBe('same-day');
    expect(outcome(s, 'redflag-cauda-equina')).toBe('not-flagged');
    s.setChecklist({ 'saddle-numbness-bladder-bowel': 'yes' });
    expect(outcome(s, 'redflag-cauda-equina')).toBe('flagged');
    expect(outcome(s, 'redflag-vte-risk')).toBe('insufficient-data');
  });

  it('keeps review marks in two independent dimensions, the reason only with "not relevant", and clears them', () => {
    const s = session(new BundleBuilder({ id: 'p' }));
    s.setReview({ ruleId: 'med-statin', relevance: 'not-relevant', discussed: false, reason: 'x'.repeat(300) });
    expect(s.review['med-statin']).toEqual({ relevance: 'not-relevant', discussed: false, reason: 'x'.repeat(200) });
    s.setReview({ ruleId: 'med-statin', relevance: 'relevant', discussed: true, reason: 'left over' });
    expect(s.review['med-statin']).toEqual({ relevance: 'relevant', discussed: true, reason: '' });
    s.setReview({ ruleId: 'med-statin', relevance: null, discussed: true, reason: '' });
    expect(s.review['med-statin']).toEqual({ relevance: null, discussed: true, reason: '' });
    s.setReview({ ruleId: 'med-statin', relevance: null, discussed: false, reason: '' });
    expect(s.review['med-statin']).toBeUndefined();
  });

  it('keeps the frequency calculator\'s last result for the summary', () => {
    const s = session(new BundleBuilder({ id: 'p' }));
    expect(s.frequency).toBeUndefined();
    const result = { monthlyMean: 1.5, fourWeekCount: null, band: 'infrequent' as const, reasons: ['1.5 a month'], seasonCaveat: null, overriddenByRedFlags: false };
    s.setFrequency({ counts: { mode: 'monthly', months: [{ month: '2026-10', episodes: 1 }, { month: '2026-09', episodes: 2 }] }, features: {}, result });
    expect(s.frequency?.result.monthlyMean).toBe(1.5);
  });

  it('retries only the failed queries and re-evaluates, keeping the checklist answers and the marks', async () => {
    const patient = () => new BundleBuilder({ id: 'p', gender: 'male', birthDate: '1960-01-01' });
    const unread = mapBundle(patient().bundle());
    const read = mapBundle(patient().lab({ id: 'o-k', loinc: '2823-3', value: 3.0, unit: 'mmol/L', date: '2026-11-10' }).bundle());
    const failed: QueryOutcome = { query: { name: 'Observation: electrolytes', resourceType: 'Observation', interaction: 'search', params: {}, sourceKeys: ['Observation:potassium'] }, status: { state: 'failed', reason: 'server error (HTTP 503)' }, resources: [], requests: 1, pages: 0, ms: 1 };
    const complete: QueryOutcome = { ...failed, query: { ...failed.query, name: 'Condition', resourceType: 'Condition', sourceKeys: ['Condition'] }, status: { state: 'complete' } };
    const first: FetchedRecord = { record: { ...unread.record, sources: { ...unread.record.sources, 'Observation:potassium': failed.status } }, report: unread.report, queries: [failed, complete] };
    const s = new ReviewSession(first, '2026-11-21');
    s.setChecklist({ 'calf-swelling': 'yes' });
    s.setReview({ ruleId: 'redflag-vte-risk', relevance: 'relevant', discussed: true, reason: '' });
    expect(outcome(s, 'lab-low-potassium')).toBe('insufficient-data');
    expect(s.retryableQueries).toEqual(['Observation: electrolytes']);

    const asked: (readonly string[])[] = [];
    const report = await s.retry(async (earlier, names) => {
      asked.push(names);
      expect(earlier).toBe(first);
      return { ...read, queries: [{ ...failed, status: { state: 'complete' } }, complete] };
    });
    expect(asked).toEqual([['Observation: electrolytes']]);
    expect(report).toBe(s.report);
    expect(outcome(s, 'lab-low-potassium')).toBe('flagged');
    expect(outcome(s, 'redflag-vte-risk')).toBe('flagged');
    expect(s.review['redflag-vte-risk']).toEqual({ relevance: 'relevant', discussed: true, reason: '' });
    expect(s.retryableQueries).toEqual([]);
  });

  it('leaves the session as it was when the retry is refused (another patient\'s record)', async () => {
    const before = session(new BundleBuilder({ id: 'p' })).fetched;
    const failing = { ...before, queries: [{ query: { name: 'Condition', resourceType: 'Condition', interaction: 'search' as const, params: {}, sourceKeys: ['Condition'] as const }, status: { state: 'failed' as const }, resources: [], requests: 1, pages: 0, ms: 1 }] };
    const s2 = new ReviewSession(failing, '2026-11-21');
    await expect(s2.retry(async () => { throw new Error('wrong patient'); })).rejects.toThrow('wrong patient');
    expect(s2.fetched).toBe(failing);
  });
});
