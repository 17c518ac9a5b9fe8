import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeConditionCases, timeLimitedConditionCases } from './condition-rule-cases.js';

const RULE = 'cond-dehydration';
const patient = () => new BundleBuilder({ gender: 'male', birthDate: '1940-01-31' });

describe(RULE, () => {
  activeConditionCases(RULE, {
    icd10: { code: 'E86.0', display: 'Dehydration' },
    snomed: { code: '34095006', display: 'Dehydration' },
    text: 'Diarrhoea',
    onset: '2026-10-02',
    recorded: '2026-10-10',
    lookAlikes: [
      { icd10: 'E87.70', display: 'Fluid overload, unspecified' },
      { text: 'Fluid overload' },
      { icd10: 'K59.00', display: 'Constipation, unspecified' },
      { text: 'Risk of dehydration' },
    ],
  });

  it('flags diarrhoea R19.7, grade B/C, saying the evidence conflicts and not advising more fluid', () => {
    const f = expectOutcome(patient().condition({ id: 'd', icd10: 'R19.7', display: 'Diarrhea, unspecified', onset: '2026-11-18' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'd', code: 'R19.7', value: 'active', date: '2026-11-18' })]);
    expect(f.summary).toBe('Dehydration or fluid loss on record (Diarrhea, unspecified): a possible contributor; evidence conflicts');
    expect(f.grade).toBe('B/C');
    expect(f.citations.map((c) => c.key)).toEqual(['S19', 'S28', 'S21', 'S32']);
    expect(f.detail).toContain('the evidence conflicts');
    expect(f.nextStep).toContain('No blanket advice to drink more');
    expect(f.handoutSections).toEqual(['fluids']);
  });

  it('with dialysis, heart failure, cirrhosis or hyponatraemia on record, shows it and says not to advise drinking more', () => {
    const cases = [
      { icd10: 'Z99.2', display: 'Dependence on renal dialysis' },
      { snomed: '88805009', display: 'Chronic congestive heart failure (disorder)' },
      { icd10: 'K74.60', display: 'Unspecified cirrhosis of liver' },
      { icd10: 'E87.1', display: 'Hypo-osmolality and hyponatremia' },
    ];
    for (const limit of cases) {
      const f = expectOutcome(patient().condition({ id: 'dx', icd10: 'E86.0', display: 'Dehydration' }).condition({ id: 'lim', ...limit }), RULE, 'flagged');
      expect(triggers(f)).toEqual([expect.objectContaining({ id: 'dx' })]);
      expect(f.evidence).toContainEqual(expect.objectContaining({ id: 'lim', role: 'supporting', display: limit.display }));
      expect(f.summary).toMatch(/^Dehydration or fluid loss on record; do not advise drinking more: fluid limit likely \(/);
      expect(f.summary).toContain(limit.display.slice(0, 20));
      expect(f.detail).toContain(`This patient also has ${limit.display}, which usually means a fluid limit: do not advise extra fluid`);
    }
  });

  it('names the fluid-limit condition in full in the summary (dialysis)', () => {
    const f = expectOutcome(patient().condition({ icd10: 'R19.7', display: 'Diarrhea, unspecified' }).condition({ icd10: 'Z99.2', display: 'Dependence on renal dialysis' }), RULE, 'flagged');
    expect(f.summary).toBe('Dehydration or fluid loss on record; do not advise drinking more: fluid limit likely (Dependence on renal dialysis)');
  });

  it('does not treat a resolved heart failure record as a fluid limit', () => {
    const f = expectOutcome(patient().condition({ icd10: 'E86.0', display: 'Dehydration' }).condition({ id: 'hf', icd10: 'I50.9', clinicalStatus: 'resolved' }), RULE, 'flagged');
    expect(f.evidence.map((e) => e.id)).not.toContain('hf');
    expect(f.summary).toContain('evidence conflicts');
  });

  it('matches other volume depletion (E86.1) and the Synthea code "Protracted diarrhea" (236077008)', () => {
    expectOutcome(patient().condition({ icd10: 'E86.1', display: 'Hypovolemia' }), RULE, 'flagged');
    expectOutcome(patient().condition({ snomed: '236077008', display: 'Protracted diarrhea' }), RULE, 'flagged');
  });
  timeLimitedConditionCases(RULE, {
    patient,
    birthDate: '1940-01-31',
    condition: { snomed: '236077008', display: 'Protracted diarrhea' },
    windowWords: '90 days',
    firstDayIn: '2026-08-23',
    lastDayOut: '2026-08-22',
  });
});
