/**
 * The semantics every medication rule shares (rule catalogue, "Active medication" and outcome
 * semantics), run against each rule with one of its own drugs, so a rule that bypasses the shared
 * primitive, or a drug that stops matching, fails here. Rule-specific cases (codes, brands, traps,
 * summary wording) stay in each rule's own test file.
 */
import { expect, it } from 'vitest';
import { BundleBuilder, type DrugSpec } from '../../support/fhir-builder.js';
import { expectOutcome, finding, runWithSources } from '../../support/evaluate.js';

const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1950-03-01' });

export function activeMedicationCases(ruleId: string, drug: DrugSpec): void {
  it('counts a dispense 90 days before the as-of date, not one 91 days before (recent-use boundary)', () => {
    expectOutcome(patient().medicationDispense({ ...drug, id: 'd90', date: '2026-08-23' }), ruleId, 'flagged');
    const f = expectOutcome(patient().medicationDispense({ ...drug, id: 'd91', date: '2026-08-22' }), ruleId, 'not-flagged');
    expect(f.evidence).toEqual([expect.objectContaining({ id: 'd91', role: 'checked', note: expect.stringContaining('over 90 days ago') })]);
  });

  it('counts an administration within 90 days and a completed statement that ended within 90 days (days, then a period end)', () => {
    expectOutcome(patient().medicationAdministration({ ...drug, date: '2026-08-23T10:00:00Z' }), ruleId, 'flagged');
    expectOutcome(patient().medicationAdministration({ ...drug, date: '2026-08-22T10:00:00Z' }), ruleId, 'not-flagged');
    expectOutcome(patient().medicationStatement({ ...drug, status: 'completed', date: '2026-01-01', periodEnd: '2026-08-23' }), ruleId, 'flagged');
    expectOutcome(patient().medicationStatement({ ...drug, status: 'completed', date: '2026-01-01', periodEnd: '2026-08-22' }), ruleId, 'not-flagged');
  });

  it('does not count a stopped, cancelled, draft or entered-in-error order, nor a doNotPerform one', () => {
    for (const status of ['stopped', 'cancelled', 'draft', 'entered-in-error']) {
      expectOutcome(patient().medicationRequest({ ...drug, status, date: '2026-01-01' }), ruleId, 'not-flagged');
    }
    expectOutcome(patient().medicationRequest({ ...drug, doNotPerform: true }), ruleId, 'not-flagged');
  });

  it('is not-flagged with no medications in a complete export', () => {
    const f = expectOutcome(patient(), ruleId, 'not-flagged');
    expect(f.missing).toEqual([]);
  });

  it('is insufficient-data, never not-flagged, when a medication source failed or was not authorised, and names it', () => {
    for (const [source, state] of [['MedicationStatement', 'not-authorised'], ['MedicationRequest', 'failed']] as const) {
      const f = finding(runWithSources(patient(), { [source]: { state, reason: 'test' } }), ruleId);
      expect(f.outcome).toBe('insufficient-data');
      expect(f.missing.join(' ')).toContain(source);
    }
  });

  it('still flags the drug it can see when another medication source could not be read', () => {
    const f = finding(runWithSources(patient().medicationRequest({ ...drug, id: 'seen' }), { MedicationDispense: { state: 'truncated' } }), ruleId);
    expect(f.outcome).toBe('flagged');
    expect(f.evidence).toContainEqual(expect.objectContaining({ id: 'seen', role: 'trigger' }));
  });
}
