import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeConditionCases } from './condition-rule-cases.js';

const RULE = 'cond-varicose-veins';
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1963-10-10' });

describe(RULE, () => {
  activeConditionCases(RULE, {
    icd10: { code: 'I83.93', display: 'Asymptomatic varicose veins of bilateral lower extremities' },
    snomed: { code: '72866009', display: 'Varicose veins of lower limb' },
    text: 'Varicose veins of both legs',
    lookAlikes: [
      { icd10: 'I85.00', display: 'Esophageal varices without bleeding' },
      { text: 'Esophageal varices' },
      { text: 'Oesophageal varicose veins' },
      { icd10: 'I86.1', display: 'Scrotal varices' },
      { icd10: 'I78.1', display: 'Nevus, non-neoplastic' },
    ],
  });

  it('flags chronic venous insufficiency I87.2, grade B/C, with phlebology if symptomatic and compression', () => {
    const f = expectOutcome(patient().condition({ id: 'v', icd10: 'I87.2', display: 'Venous insufficiency (chronic) (peripheral)', onset: '2019-06-01' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'v', code: 'I87.2', value: 'active', date: '2019-06-01' })]);
    expect(f.summary).toBe('Varicose veins or venous insufficiency on record (Venous insufficiency (chronic) (peripheral)): may worsen cramps');
    expect(f.grade).toBe('B/C');
    expect(f.citations.map((c) => c.key)).toEqual(['S32', 'S7']);
    expect(f.nextStep).toMatch(/^If symptomatic .*phlebology or vascular surgery with duplex ultrasound\. Compression stockings/);
    expect(f.handoutSections).toEqual(['varicose-veins']);
  });

  it('matches I83.90–I83.92 and the I83.8xx codes (varicose veins with pain or other complications)', () => {
    for (const icd10 of ['I83.90', 'I83.91', 'I83.92', 'I83.811', 'I83.893']) expectOutcome(patient().condition({ icd10 }), RULE, 'flagged');
  });
});
