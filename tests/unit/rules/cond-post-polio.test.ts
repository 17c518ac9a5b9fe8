import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeConditionCases } from './condition-rule-cases.js';

const RULE = 'cond-post-polio';
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1946-10-01' });

describe(RULE, () => {
  // The knowledge base gives no SNOMED code for post-polio and none could be verified, so there is
  // no SNOMED case; a SNOMED-coded record with an unlisted code is matched by its display text.
  activeConditionCases(RULE, {
    icd10: { code: 'G14', display: 'Postpolio syndrome' },
    text: 'Post-polio syndrome',
    lookAlikes: [
      { text: 'Polio vaccination' },
      { text: 'Poliomyelitis immunization' },
      { icd10: 'Z23', display: 'Encounter for immunization' },
      { text: 'Acute poliomyelitis' },
      { icd10: 'A80.9', display: 'Acute poliomyelitis, unspecified' },
    ],
  });

  it('flags sequelae of poliomyelitis B91, grade C, saying the support is weak, with neurology', () => {
    const f = expectOutcome(patient().condition({ id: 'p', icd10: 'B91', display: 'Sequelae of poliomyelitis', onset: '1955-01-01' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'p', code: 'B91', value: 'active', date: '1955-01-01' })]);
    expect(f.summary).toBe('Post-polio on record (Sequelae of poliomyelitis): a possible, weakly supported contributor');
    expect(f.grade).toBe('C');
    expect(f.citations.map((c) => c.key)).toEqual(['S7']);
    expect(f.detail).toContain('The link to night cramps is weakly supported');
    expect(f.nextStep).toMatch(/^Neurology/);
  });
});
