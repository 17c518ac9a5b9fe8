import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeConditionCases } from './condition-rule-cases.js';

const RULE = 'cond-lumbar-radiculopathy';
const patient = () => new BundleBuilder({ gender: 'male', birthDate: '1956-08-18' });

describe(RULE, () => {
  activeConditionCases(RULE, {
    icd10: { code: 'M48.062', display: 'Spinal stenosis, lumbar region with neurogenic claudication' },
    snomed: { code: '18347007', display: 'Spinal stenosis of lumbar region' },
    text: 'Lumbar radiculopathy',
    lookAlikes: [
      { icd10: 'M54.12', display: 'Radiculopathy, cervical region' },
      { text: 'Cervical radiculopathy' },
      { icd10: 'M48.02', display: 'Spinal stenosis, cervical region' },
      { text: 'Thoracic disc herniation' },
      { icd10: 'M54.50', display: 'Low back pain, unspecified' },
    ],
  });

  it('flags lumbar radiculopathy M54.16, grade B, with the cauda equina emergency in the next step', () => {
    const f = expectOutcome(patient().condition({ id: 'r', icd10: 'M54.16', display: 'Radiculopathy, lumbar region', onset: '2025-12-01' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'r', code: 'M54.16', value: 'active', date: '2025-12-01' })]);
    expect(f.summary).toBe('Lumbar stenosis or radiculopathy on record (Radiculopathy, lumbar region): can cause leg cramps');
    expect(f.grade).toBe('B');
    expect(f.citations.map((c) => c.key)).toEqual(['S1', 'S39']);
    expect(f.nextStep).toContain('Saddle numbness or new bladder or bowel dysfunction: emergency (cauda equina)');
    expect(f.handoutSections).toEqual(['back-nerves']);
  });

  it('matches every KB code: M48.061, M54.17, M51.16, M51.17', () => {
    for (const icd10 of ['M48.061', 'M54.17', 'M51.16', 'M51.17']) expectOutcome(patient().condition({ icd10 }), RULE, 'flagged');
  });
});
