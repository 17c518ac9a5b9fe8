import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeConditionCases } from './condition-rule-cases.js';

const RULE = 'cond-peripheral-arterial-disease';
const patient = () => new BundleBuilder({ gender: 'male', birthDate: '1947-04-22' });

describe(RULE, () => {
  activeConditionCases(RULE, {
    icd10: { code: 'I70.213', display: 'Atherosclerosis of native arteries of extremities with intermittent claudication, bilateral legs' },
    snomed: { code: '399957001', display: 'Peripheral arterial occlusive disease' },
    text: 'Peripheral arterial disease',
    lookAlikes: [
      { icd10: 'I70.0', display: 'Atherosclerosis of aorta' },
      { icd10: 'M48.062', display: 'Spinal stenosis, lumbar region with neurogenic claudication' },
      { text: 'Neurogenic claudication' },
      { icd10: 'I25.10', display: 'Atherosclerotic heart disease of native coronary artery without angina pectoris' },
    ],
  });

  it('flags peripheral vascular disease I73.9, grade B, with a vascular referral, the claudication distinction and urgent rest pain', () => {
    const f = expectOutcome(patient().condition({ id: 'p', icd10: 'I73.9', display: 'Peripheral vascular disease, unspecified', onset: '2020-02-02' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'p', code: 'I73.9', value: 'active', date: '2020-02-02' })]);
    expect(f.summary).toBe('Peripheral arterial disease on record (Peripheral vascular disease, unspecified): associated with night cramps');
    expect(f.grade).toBe('B');
    expect(f.citations.map((c) => c.key)).toEqual(['S35', 'S1', 'S40']);
    expect(f.nextStep).toContain('Vascular surgery referral with an ankle-brachial index');
    expect(f.nextStep).toContain('Night rest pain: urgent vascular referral');
    expect(f.detail).toContain('claudication, not a cramp');
    expect(f.handoutSections).toEqual(['circulation']);
  });

  it('matches SNOMED 400047006 and other I70.2 codes', () => {
    expectOutcome(patient().condition({ snomed: '400047006', display: 'Peripheral vascular disease' }), RULE, 'flagged');
    expectOutcome(patient().condition({ icd10: 'I70.221', display: 'Atherosclerosis of native arteries of extremities with rest pain, right leg' }), RULE, 'flagged');
  });
});
