import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeConditionCases } from './condition-rule-cases.js';

const RULE = 'cond-multiple-sclerosis';
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1982-03-19' });

describe(RULE, () => {
  activeConditionCases(RULE, {
    icd10: { code: 'G35', display: 'Multiple sclerosis' },
    snomed: { code: '24700007', display: 'Multiple sclerosis' },
    text: 'Relapsing remitting multiple sclerosis',
    lookAlikes: [
      { icd10: 'G36.0', display: 'Neuromyelitis optica [Devic]' },
      { icd10: 'G37.9', display: 'Demyelinating disease of central nervous system, unspecified' },
      { icd10: 'M34.9', display: 'Systemic sclerosis, unspecified' },
      { text: 'Systemic sclerosis' },
      { text: 'Amyotrophic lateral sclerosis' },
    ],
  });

  it('flags the FY2026 code G35.A (relapsing-remitting), grade B/C, routing to the MS team with spasticity as the mimic', () => {
    const f = expectOutcome(patient().condition({ id: 'm', icd10: 'G35.A', display: 'Relapsing-remitting multiple sclerosis', onset: '2015-05-05' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'm', code: 'G35.A', value: 'active', date: '2015-05-05' })]);
    expect(f.summary).toBe('Multiple sclerosis on record (Relapsing-remitting multiple sclerosis): spasms or spasticity may mimic cramps; MS team');
    expect(f.grade).toBe('B/C');
    expect(f.citations.map((c) => c.key)).toEqual(['S23']);
    expect(f.nextStep).toMatch(/^Neurology or the MS team: assess for spasticity/);
    expect(f.handoutSections).toEqual(['multiple-sclerosis']);
  });

  it('matches both the legacy header G35 and every FY2026 code: G35.B0–B2, G35.C0–C2, G35.D', () => {
    for (const icd10 of ['G35', 'G35.B0', 'G35.B1', 'G35.B2', 'G35.C0', 'G35.C1', 'G35.C2', 'G35.D']) {
      expect(triggers(expectOutcome(patient().condition({ icd10 }), RULE, 'flagged'))[0]!.code).toBe(icd10);
    }
  });
});
