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

  it('keeps review marks with a short reason, and clears them', () => {
    const s = session(new BundleBuilder({ id: 'p' }));
    s.setReview({ ruleId: 'med-statin', status: 'not-relevant', reason: 'x'.repeat(300) });
    expect(s.review['med-statin']).toEqual({ status: 'not-relevant', reason: 'x'.repeat(200) });
    s.setReview({ ruleId: 'med-statin', status: null, reason: '' });
    expect(s.review['med-statin']).toBeUndefined();
  });
});
