import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeConditionCases } from './condition-rule-cases.js';

const RULE = 'cond-cirrhosis';
const patient = () => new BundleBuilder({ gender: 'male', birthDate: '1961-07-30' });

describe(RULE, () => {
  activeConditionCases(RULE, {
    icd10: { code: 'K74.60', display: 'Unspecified cirrhosis of liver' },
    snomed: { code: '19943007', display: 'Cirrhosis of liver' },
    text: 'Liver cirrhosis',
    lookAlikes: [
      { icd10: 'K76.0', display: 'Fatty (change of) liver, not elsewhere classified' },
      { text: 'Non-alcoholic fatty liver disease' },
      { icd10: 'K74.00', display: 'Hepatic fibrosis, unspecified' },
      { icd10: 'K70.10', display: 'Alcoholic hepatitis without ascites' },
    ],
  });

  it('flags alcoholic cirrhosis with ascites (K70.31), grade A/B, with the hepatology route and no quinine', () => {
    const f = expectOutcome(patient().condition({ id: 'k', icd10: 'K70.31', display: 'Alcoholic cirrhosis of liver with ascites', onset: '2023-02-01' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'k', code: 'K70.31', value: 'active', date: '2023-02-01' })]);
    expect(f.summary).toBe('Liver cirrhosis on record (Alcoholic cirrhosis of liver with ascites): cramps are common in cirrhosis; hepatology route');
    expect(f.grade).toBe('A/B');
    expect(f.citations.map((c) => c.key)).toEqual(['S23', 'S1', 'S10']);
    expect(f.nextStep).toMatch(/^Hepatology or gastroenterology \(not endocrinology or infectious disease\)/);
    expect(f.nextStep).toContain('Quinine is not recommended');
    expect(f.nextStep).toMatch(/[Ss]alt and fluid intake are not changed without/);
    expect(f.handoutSections).toEqual(['cirrhosis']);
  });

  it('matches the other KB codes K74.69 and K70.30', () => {
    expectOutcome(patient().condition({ icd10: 'K74.69', display: 'Other cirrhosis of liver' }), RULE, 'flagged');
    expectOutcome(patient().condition({ icd10: 'K70.30', display: 'Alcoholic cirrhosis of liver without ascites' }), RULE, 'flagged');
  });

  it('is not fired by liver tests alone (lab findings never fire condition rules)', () => {
    const b = patient().lab({ loinc: '1742-6', value: 240, unit: 'U/L', date: '2026-11-01', high: 40 }).lab({ loinc: '1751-7', value: 2.6, unit: 'g/dL', date: '2026-11-01' });
    expect(expectOutcome(b, RULE, 'not-flagged').evidence).toEqual([]);
  });
});
