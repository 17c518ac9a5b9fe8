/**
 * The visit's review: checklist answers re-run the engine (red flags update as the clinician
 * ticks), review marks are kept in memory.
 */
import { describe, expect, it } from 'vitest';
import { ReviewSession } from '../../../src/app/review-session.js';
import { mapBundle } from '../../../src/fhir/read-bundle.js';
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
});
