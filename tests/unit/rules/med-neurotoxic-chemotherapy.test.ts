import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeMedicationCases, staleAndUnidentifiedMedicationCases } from './medication-rule-cases.js';

const RULE = 'med-neurotoxic-chemotherapy';
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1964-03-15' });

describe(RULE, () => {
  it('flags a cisplatin administration (RxNorm 1736854) within 90 days, grade B/C, oncology next step', () => {
    const f = expectOutcome(patient().medicationAdministration({ id: 'cis', rxnorm: '1736854', rxnormDisplay: 'Cisplatin 50 MG Injection', date: '2026-10-12T08:00:00Z' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ resourceType: 'MedicationAdministration', id: 'cis', code: '1736854', value: 'completed', date: '2026-10-12' })]);
    expect(f.summary).toBe('Recent neurotoxic chemotherapy (cisplatin): nerve damage can cause cramps');
    expect(f.grade).toBe('B/C');
    expect(f.citations.map((c) => c.key)).toEqual(['S23', 'S31', 'S28']);
    expect(f.nextStep).toMatch(/oncology.*neuropathy.*magnesium/);
  });

  it.each([
    ['1736776', 'oxaliplatin'],
    ['583214', 'paclitaxel'],
    ['1860480', 'docetaxel'],
  ])('flags RxNorm %s (%s) by code alone', (rxnorm, drug) => {
    expect(expectOutcome(patient().medicationAdministration({ rxnorm, date: '2026-11-01' }), RULE, 'flagged').summary).toContain(`(${drug})`);
  });

  it('does not flag etoposide (1734340) or leucovorin (1803932)', () => {
    expectOutcome(patient().medicationAdministration({ rxnorm: '1734340', rxnormDisplay: 'Etoposide 100 MG Injection', date: '2026-11-01' }).medicationAdministration({ rxnorm: '1803932', rxnormDisplay: 'Leucovorin 100 MG Injection', date: '2026-11-01' }), RULE, 'not-flagged');
  });

  it('matches vincristine by ATC L01CA02 and imatinib by the Gleevec brand', () => {
    expect(expectOutcome(patient().medicationAdministration({ atc: 'L01CA02', date: '2026-11-01' }), RULE, 'flagged').summary).toContain('vincristine');
    expectOutcome(patient().medicationStatement({ text: 'Gleevec 400 mg', date: '2026-06-01' }), RULE, 'flagged');
  });

  it('shows a low magnesium (0.62 mmol/L) beside it, never changing the outcome', () => {
    const b = patient().medicationAdministration({ text: 'Cisplatin 50 MG Injection', date: '2026-11-01' }).lab({ id: 'mg', loinc: '2601-3', value: 0.62, unit: 'mmol/L', date: '2026-11-05' });
    const f = expectOutcome(b, RULE, 'flagged');
    expect(f.evidence).toContainEqual(expect.objectContaining({ id: 'mg', role: 'supporting', value: 0.62, unit: 'mmol/L' }));
    expect(f.detail).toContain('low magnesium 0.62 mmol/L (2026-11-05)');
    expectOutcome(patient().lab({ loinc: '2601-3', value: 0.62, unit: 'mmol/L', date: '2026-11-05' }), RULE, 'not-flagged');
  });

  activeMedicationCases(RULE, { text: 'Oxaliplatin 5 MG/ML Injectable Solution' });

  staleAndUnidentifiedMedicationCases(RULE, { text: 'Oxaliplatin 5 MG/ML Injectable Solution' });
});
