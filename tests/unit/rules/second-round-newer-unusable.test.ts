/**
 * The latest usable result is not the patient's latest state when a newer result carries a value
 * the app cannot interpret (a bound, text, a wrong or conflicting unit, an implausible number):
 * a rule may still flag on the usable one, but never calls it normal ("could not read" must not
 * read as "not found"). A newer result that is only pending or cancelled changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome } from '../../support/evaluate.js';

const patient = () => new BundleBuilder({ gender: 'male', birthDate: '1950-04-04' });

describe('a newer result the app cannot interpret', () => {
  it('keeps an older normal eGFR from clearing the kidneys when a newer one is in mL/min (a clearance)', () => {
    const b = patient()
      .lab({ id: 'old', loinc: '33914-3', value: 87, unit: 'mL/min/{1.73_m2}', date: '2026-03-02' })
      .lab({ id: 'new', loinc: '33914-3', value: 4.3, unit: 'mL/min', date: '2026-10-01' });
    const f = expectOutcome(b, 'lab-reduced-kidney-function', 'insufficient-data');
    expect(f.missing).toEqual([expect.stringMatching(/^a newer eGFR.* result "4.3 mL\/min" of 2026-10-01 could not be used \(.*1.73.*\): the latest usable one, of 2026-03-02, may be out of date$/)]);
    expect(f.evidence).toContainEqual(expect.objectContaining({ id: 'new', role: 'unusable' }));
  });

  it('keeps an older normal potassium from ruling out low potassium and the red flag when a newer one is "<2.0"', () => {
    const b = patient()
      .lab({ id: 'old', loinc: '2823-3', value: 4.2, unit: 'mmol/L', date: '2026-10-01' })
      .lab({ id: 'new', loinc: '2823-3', value: 2.0, comparator: '<', unit: 'mmol/L', date: '2026-11-15' });
    expect(expectOutcome(b, 'lab-low-potassium', 'insufficient-data').missing.join(' ')).toContain('a newer potassium result "<2 mmol/L" of 2026-11-15 could not be used (it is a bound, not a value)');
    expect(['insufficient-data']).toContain(expectOutcome(b, 'redflag-severe-electrolyte', 'insufficient-data').outcome);
  });

  it('keeps a normal random glucose from clearing hypoglycaemia when a newer fasting glucose is text', () => {
    const b = patient()
      .condition({ icd10: 'E11.9', display: 'Type 2 diabetes', onset: '2010-01-01' })
      .lab({ id: 'old', loinc: '2345-7', value: 96, unit: 'mg/dL', date: '2026-09-01' })
      .lab({ id: 'new', loinc: '1558-6', valueString: 'LOW, repeat', date: '2026-10-01' });
    expectOutcome(b, 'lab-hypoglycemia', 'insufficient-data');
  });

  it('changes nothing when the newer result is only pending (registered, no value) or entered in error', () => {
    const b = patient()
      .lab({ id: 'old', loinc: '2823-3', value: 4.2, unit: 'mmol/L', date: '2026-10-01' })
      .lab({ id: 'pending', loinc: '2823-3', status: 'registered', date: '2026-11-15' })
      .lab({ id: 'wrong', loinc: '2823-3', value: 1.9, unit: 'mg/dL', status: 'entered-in-error', date: '2026-11-16' });
    expectOutcome(b, 'lab-low-potassium', 'not-flagged');
  });

  it('still flags on a low usable result whatever came after it', () => {
    const b = patient()
      .lab({ id: 'low', loinc: '2823-3', value: 3.0, unit: 'mmol/L', date: '2026-10-01' })
      .lab({ id: 'new', loinc: '2823-3', valueString: 'hemolysed', date: '2026-11-15' });
    expectOutcome(b, 'lab-low-potassium', 'flagged');
  });
});
