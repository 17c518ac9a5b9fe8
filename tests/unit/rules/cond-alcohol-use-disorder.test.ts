import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeConditionCases } from './condition-rule-cases.js';

const RULE = 'cond-alcohol-use-disorder';
const patient = () => new BundleBuilder({ gender: 'male', birthDate: '1968-08-08' });

describe(RULE, () => {
  activeConditionCases(RULE, {
    icd10: { code: 'F10.20', display: 'Alcohol dependence, uncomplicated' },
    snomed: { code: '7200002', display: 'Alcoholism' },
    text: 'Alcohol use disorder, moderate',
    lookAlikes: [
      { icd10: 'K76.0', display: 'Fatty (change of) liver, not elsewhere classified' },
      { text: 'Non-alcoholic fatty liver disease' },
      { text: 'Nonalcoholic steatohepatitis' },
      { icd10: 'F10.21', display: 'Alcohol dependence, in remission' },
      { icd10: 'F10.11', display: 'Alcohol abuse, in remission' },
      { text: 'Alcohol dependence in remission' },
      { icd10: 'Z63.72', display: 'Alcoholism and drug addiction in family' },
    ],
  });

  it('flags alcohol abuse F10.10, grade B/C, asking for magnesium and liver tests', () => {
    const f = expectOutcome(patient().condition({ id: 'a', icd10: 'F10.10', display: 'Alcohol abuse, uncomplicated', onset: '2021-01-01' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'a', code: 'F10.10', value: 'active', date: '2021-01-01' })]);
    expect(f.summary).toBe('Alcohol use disorder on record (Alcohol abuse, uncomplicated): check magnesium; neuropathy risk');
    expect(f.grade).toBe('B/C');
    expect(f.citations.map((c) => c.key)).toEqual(['S19', 'S28', 'S12']);
    expect(f.nextStep).toBe('Primary care or addiction services. Check magnesium and liver tests; look for neuropathy.');
    expect(f.handoutSections).toEqual(['alcohol']);
  });
});
