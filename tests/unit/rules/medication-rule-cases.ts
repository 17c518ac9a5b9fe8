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

/**
 * The second round's "stale active orders" and "unidentified medication" decisions (rule
 * catalogue), for every medication rule. As of 2026-11-21 the 15-month window starts 2025-08-21.
 */
export function staleAndUnidentifiedMedicationCases(ruleId: string, drug: DrugSpec): void {
  it('counts an active order authored 15 months ago (2025-08-21); one authored the day before becomes a question, not a finding', () => {
    expectOutcome(patient().medicationRequest({ ...drug, id: 'in', date: '2025-08-21' }), ruleId, 'flagged');
    const f = expectOutcome(patient().medicationRequest({ ...drug, id: 'old', date: '2025-08-20' }), ruleId, 'insufficient-data');
    expect(f.missing).toEqual([expect.stringMatching(/^whether the patient still takes .+ \(order from 2025 still marked active; nothing since\)$/)]);
    expect(f.evidence).toEqual([expect.objectContaining({ id: 'old', role: 'unusable', date: '2025-08-20', note: expect.stringContaining('not counted: order from 2025 still marked active; nothing since') })]);
    expect(f.summary).toMatch(/^Still taking .+\? Order from 2025 still marked active; nothing since$/);
  });

  it('counts an old active order again when the same drug was dispensed or administered within 15 months, or a statement asserted it, or its validity period was in force', () => {
    const old = () => patient().medicationRequest({ ...drug, id: 'order-1974', date: '1974-05-02' });
    for (const b of [
      old().medicationDispense({ ...drug, date: '2025-09-01' }),
      old().medicationAdministration({ ...drug, date: '2025-08-21T09:00:00Z' }),
      old().medicationStatement({ ...drug, status: 'active', date: '1990-01-01', asserted: '2026-01-05' }),
    ]) {
      const f = expectOutcome(b, ruleId, 'flagged');
      expect(f.evidence).toContainEqual(expect.objectContaining({ id: 'order-1974', role: 'trigger' }));
    }
    expectOutcome(patient().medicationRequest({ ...drug, date: '1974-05-02', validity: { start: '2025-01-01', end: '2025-12-31' } }), ruleId, 'flagged');
    expectOutcome(patient().medicationRequest({ ...drug, date: '1974-05-02', validity: { start: '1974-05-02', end: '1975-05-01' } }), ruleId, 'insufficient-data');
    // A dispense 15 months and a day ago, and a cancelled one, are no sign of use.
    expectOutcome(old().medicationDispense({ ...drug, date: '2025-08-20' }), ruleId, 'insufficient-data');
    expectOutcome(old().medicationDispense({ ...drug, status: 'cancelled', date: '2026-10-01' }), ruleId, 'insufficient-data');
  });

  it('counts an undated active order, marked undated; a statement asserted over 15 months ago with nothing since is a question', () => {
    const undated = expectOutcome(patient().medicationRequest({ ...drug, id: 'undated' }), ruleId, 'flagged');
    expect(undated.evidence).toContainEqual(expect.objectContaining({ id: 'undated', role: 'trigger', note: expect.stringContaining('undated') }));
    const statement = expectOutcome(patient().medicationStatement({ ...drug, status: 'active', date: '2019-03-01' }), ruleId, 'insufficient-data');
    expect(statement.missing).toEqual([expect.stringContaining('(statement from 2019 still marked active; nothing since)')]);
    expectOutcome(patient().medicationStatement({ ...drug, status: 'active', date: '2019-03-01', asserted: '2026-11-01' }), ruleId, 'flagged');
  });

  it('is insufficient-data, naming the order, when an active medication cannot be identified; a stopped one or a current match is not affected', () => {
    const unknown = () => patient().medicationRequest({ id: 'mystery', via: 'unresolved', date: '2026-10-01' });
    const f = expectOutcome(unknown(), ruleId, 'insufficient-data');
    expect(f.missing).toEqual([expect.stringMatching(/^an unidentified medication \(MedicationRequest mystery: its medication "Medication\/mystery-med" could not be read\): it may be /)]);
    expect(f.evidence).toEqual([expect.objectContaining({ id: 'mystery', role: 'unusable', display: '(unidentified medication)' })]);
    expectOutcome(patient().medicationRequest({ via: 'unresolved', status: 'stopped', date: '2026-10-01' }), ruleId, 'not-flagged');
    expectOutcome(unknown().medicationRequest({ ...drug, id: 'known', date: '2026-10-01' }), ruleId, 'flagged');
  });
}
