import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeConditionCases } from './condition-rule-cases.js';

const RULE = 'cond-myopathy';
const patient = () => new BundleBuilder({ gender: 'male', birthDate: '1988-02-14' });

describe(RULE, () => {
  activeConditionCases(RULE, {
    icd10: { code: 'G71.12', display: 'Myotonia congenita' },
    snomed: { code: '129565002', display: 'Myopathy' },
    text: 'Myotonia congenita',
    lookAlikes: [
      { icd10: 'I42.9', display: 'Cardiomyopathy, unspecified' },
      { text: 'Dilated cardiomyopathy' },
      { icd10: 'G70.00', display: 'Myasthenia gravis without (acute) exacerbation' },
      { icd10: 'M79.10', display: 'Myalgia, unspecified site' },
      { icd10: 'E74.00', display: 'Glycogen storage disease, unspecified' },
    ],
  });

  it('flags McArdle disease E74.04, grade C, as a muscle disease (not a liver one), with the neuromuscular clinic and CK', () => {
    const f = expectOutcome(patient().condition({ id: 'mc', icd10: 'E74.04', display: 'McArdle disease', onset: '2008-07-07' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'mc', code: 'E74.04', value: 'active', date: '2008-07-07' })]);
    expect(f.summary).toBe('Muscle disease on record (McArdle disease): may explain cramps; neuromuscular clinic');
    expect(f.grade).toBe('C');
    expect(f.citations.map((c) => c.key)).toEqual(['S23', 'S7']);
    expect(f.detail).toContain('McArdle disease is a muscle glycogen enzyme defect (not a liver disease)');
    expect(f.nextStep).toMatch(/^Neuromuscular clinic; check CK/);
  });

  it('matches a text-only McArdle record and other myopathies (G72.0 drug-induced, G71.00 muscular dystrophy)', () => {
    expectOutcome(patient().condition({ text: "McArdle's disease" }), RULE, 'flagged');
    expectOutcome(patient().condition({ icd10: 'G72.0', display: 'Drug-induced myopathy' }), RULE, 'flagged');
    expectOutcome(patient().condition({ icd10: 'G71.00', display: 'Muscular dystrophy, unspecified' }), RULE, 'flagged');
  });

  it('is not fired by a raised CK alone (lab-raised-ck)', () => {
    expect(expectOutcome(patient().lab({ loinc: '2157-6', value: 900, unit: 'U/L', date: '2026-11-02', high: 170 }), RULE, 'not-flagged').evidence).toEqual([]);
  });
});
