import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeConditionCases } from './condition-rule-cases.js';

const RULE = 'cond-malabsorption';
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1975-05-25' });

describe(RULE, () => {
  activeConditionCases(RULE, {
    icd10: { code: 'K90.0', display: 'Celiac disease' },
    snomed: { code: '396331005', display: 'Celiac disease' },
    text: 'Coeliac disease',
    lookAlikes: [
      { icd10: 'E73.9', display: 'Lactose intolerance, unspecified' },
      { text: 'Lactose intolerance' },
      { icd10: 'K21.9', display: 'Gastro-esophageal reflux disease without esophagitis' },
      { text: 'Gastritis' },
    ],
  });

  it('flags partial gastrectomy status Z90.3, grade C, asking for calcium, magnesium and vitamin D before any replacement', () => {
    const f = expectOutcome(patient().condition({ id: 'g', icd10: 'Z90.3', display: 'Acquired absence of stomach [part of]', recorded: '2019-04-04' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'g', code: 'Z90.3', value: 'active', date: '2019-04-04' })]);
    expect(f.summary).toBe('Malabsorption risk on record (Acquired absence of stomach [part of]): check calcium, magnesium and vitamin D');
    expect(f.grade).toBe('C');
    expect(f.citations.map((c) => c.key)).toEqual(['S31']);
    expect(f.nextStep).toBe('Gastroenterology. Check calcium, magnesium and 25-OH vitamin D; replace only a measured deficiency.');
  });

  it('matches post-gastric-surgery syndromes K91.1, bariatric surgery status Z98.84 and text "Gastric bypass"', () => {
    expectOutcome(patient().condition({ icd10: 'K91.1', display: 'Postgastric surgery syndromes' }), RULE, 'flagged');
    expectOutcome(patient().condition({ icd10: 'Z98.84', display: 'Bariatric surgery status' }), RULE, 'flagged');
    expectOutcome(patient().condition({ text: 'Status post gastric bypass' }), RULE, 'flagged');
  });
});
