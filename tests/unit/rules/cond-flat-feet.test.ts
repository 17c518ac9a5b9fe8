import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeConditionCases } from './condition-rule-cases.js';

const RULE = 'cond-flat-feet';
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1990-09-19' });

describe(RULE, () => {
  activeConditionCases(RULE, {
    icd10: { code: 'M21.42', display: 'Flat foot [pes planus] (acquired), left foot' },
    snomed: { code: '53226007', display: 'Flat foot' },
    text: 'Pes planus',
    lookAlikes: [
      { icd10: 'Q66.70', display: 'Congenital pes cavus, unspecified foot' },
      { text: 'Pes cavus' },
      { icd10: 'M72.2', display: 'Plantar fascial fibromatosis' },
    ],
  });

  it('flags congenital pes planus Q66.50, grade C, saying there is little research and podiatry only if painful', () => {
    const f = expectOutcome(patient().condition({ id: 'f', icd10: 'Q66.50', display: 'Congenital pes planus, unspecified foot', onset: '1991-01-01' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'f', code: 'Q66.50', value: 'active', date: '1991-01-01' })]);
    expect(f.summary).toBe('Flat feet on record (Congenital pes planus, unspecified foot): weak, little-researched link to cramps');
    expect(f.grade).toBe('C');
    expect(f.citations.map((c) => c.key)).toEqual(['S37']);
    expect(f.nextStep).toBe('Supportive footwear. Podiatry or orthopaedics only if the feet are painful.');
    expect(f.handoutSections).toEqual(['flat-feet']);
  });

  it('matches M21.40 and M21.41', () => {
    expectOutcome(patient().condition({ icd10: 'M21.40' }), RULE, 'flagged');
    expectOutcome(patient().condition({ icd10: 'M21.41' }), RULE, 'flagged');
  });
});
