import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeMedicationCases, staleAndUnidentifiedMedicationCases } from './medication-rule-cases.js';

const RULE = 'med-isa-beta-blocker';
const patient = () => new BundleBuilder({ gender: 'male', birthDate: '1957-08-08' });

describe(RULE, () => {
  it('flags pindolol, grade B/C, citing BMJ Best Practice and Garrison’s negative control', () => {
    const f = expectOutcome(patient().medicationRequest({ id: 'p', text: 'Pindolol 5 MG Oral Tablet', date: '2026-03-03' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'p', display: 'Pindolol 5 MG Oral Tablet', value: 'active', date: '2026-03-03' })]);
    expect(f.summary).toBe('On pindolol, a beta-blocker with intrinsic sympathomimetic activity: a listed cramp risk factor');
    expect(f.grade).toBe('B/C');
    expect(f.citations.map((c) => c.key)).toEqual(['S23', 'S3']);
  });

  it('matches pindolol by ATC C07AA03 and by RxNorm 8332 with no text', () => {
    expect(expectOutcome(patient().medicationRequest({ atc: 'C07AA03' }), RULE, 'flagged').summary).toContain('pindolol');
    expect(triggers(expectOutcome(patient().medicationRequest({ rxnorm: '8332' }), RULE, 'flagged'))[0]).toMatchObject({ code: '8332' });
  });

  it('matches acebutolol by ATC C07AB04, by RxNorm 149 and by the Sectral brand in a statement', () => {
    expect(expectOutcome(patient().medicationRequest({ atc: 'C07AB04' }), RULE, 'flagged').summary).toContain('acebutolol');
    expectOutcome(patient().medicationRequest({ rxnorm: '149' }), RULE, 'flagged');
    expectOutcome(patient().medicationStatement({ via: 'contained', text: 'Sectral 200 mg', date: '2026-10-01' }), RULE, 'flagged');
  });

  it('never flags other beta-blockers: metoprolol [Toprol] (RxNorm 866414), atenolol, propranolol', () => {
    const f = expectOutcome(
      patient()
        .medicationRequest({ rxnorm: '866414', rxnormDisplay: '24 HR metoprolol succinate 100 MG Extended Release Oral Tablet [Toprol]' })
        .medicationRequest({ atc: 'C07AB03' })
        .medicationRequest({ text: 'Propranolol Hydrochloride 40 MG' }),
      RULE,
      'not-flagged',
    );
    expect(f.evidence).toEqual([]);
  });

  activeMedicationCases(RULE, { text: 'Acebutolol 200 MG Oral Capsule' });

  staleAndUnidentifiedMedicationCases(RULE, { text: 'Acebutolol 200 MG Oral Capsule' });
});
