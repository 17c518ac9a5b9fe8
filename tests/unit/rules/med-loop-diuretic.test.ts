import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { activeMedicationCases, staleAndUnidentifiedMedicationCases } from './medication-rule-cases.js';

const RULE = 'med-loop-diuretic';
const patient = () => new BundleBuilder({ gender: 'male', birthDate: '1948-02-11' });
const lasix = (b = patient()) => b.medicationRequest({ id: 'lasix', rxnorm: '315971', rxnormDisplay: 'Lasix 40mg', date: '2026-03-02' });
const supporting = (f: { evidence: readonly { role: string; resourceType: string }[] }) => f.evidence.filter((e) => e.role === 'supporting' && e.resourceType === 'Observation');

describe(RULE, () => {
  it('flags Lasix 40mg (RxNorm 315971, no ingredient in the text) as weak, grade C-weak, citing Garrison', () => {
    const f = expectOutcome(lasix(), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ resourceType: 'MedicationRequest', id: 'lasix', code: '315971', display: 'Lasix 40mg', value: 'active', date: '2026-03-02' })]);
    expect(f.summary).toBe('On a loop diuretic (furosemide): only a weak link to cramps, not significant (aSR 1.20, p = 0.07)');
    expect(f.grade).toBe('C-weak');
    expect(f.citations.map((c) => c.key)).toEqual(['S3']);
    expect(f.nextStep).toMatch(/cirrhosis or heart failure.*treating/);
  });

  it('shows a low potassium beside it as supporting evidence, naming it in the summary and detail', () => {
    const b = lasix().lab({ id: 'k', loinc: '2823-3', value: 3.1, unit: 'mmol/L', date: '2026-11-01' });
    const f = expectOutcome(b, RULE, 'flagged');
    expect(triggers(f).map((e) => e.id)).toEqual(['lasix']);
    expect(supporting(f)).toEqual([expect.objectContaining({ id: 'k', code: '2823-3', value: 3.1, unit: 'mmol/L', date: '2026-11-01' })]);
    expect(f.summary).toContain('low electrolytes shown beside it');
    expect(f.detail).toContain('low potassium 3.1 mmol/L (2026-11-01)');
  });

  it('never lets electrolytes change the outcome: low potassium alone is not-flagged, normal values leave the flag as it is', () => {
    const alone = expectOutcome(patient().lab({ loinc: '2823-3', value: 2.9, unit: 'mmol/L', date: '2026-11-01' }), RULE, 'not-flagged');
    expect(alone.evidence).toEqual([]);
    const normal = expectOutcome(lasix().lab({ loinc: '2823-3', value: 4.2, unit: 'mmol/L', date: '2026-11-01' }).lab({ loinc: '2951-2', value: 140, unit: 'mmol/L', date: '2026-11-01' }), RULE, 'flagged');
    expect(supporting(normal)).toEqual([]);
    expect(normal.detail).toContain('No low potassium, magnesium or sodium');
  });

  it('uses the default limits in the unit they are stated in: K 3.5, Mg 0.70 mmol/L and 1.7 mg/dL, Na 135 are not low; just below is', () => {
    const low = (loinc: string, value: number, unit: string) => supporting(expectOutcome(lasix().lab({ loinc, value, unit, date: '2026-11-01' }), RULE, 'flagged')).length;
    expect([low('2823-3', 3.5, 'mmol/L'), low('2823-3', 3.4, 'mmol/L')]).toEqual([0, 1]);
    expect([low('2823-3', 3.5, 'mEq/L'), low('2823-3', 3.49, 'mEq/L')]).toEqual([0, 1]);
    expect([low('2601-3', 0.7, 'mmol/L'), low('2601-3', 0.69, 'mmol/L')]).toEqual([0, 1]);
    expect([low('19123-9', 1.7, 'mg/dL'), low('19123-9', 1.69, 'mg/dL')]).toEqual([0, 1]);
    expect([low('2951-2', 135, 'mmol/L'), low('2951-2', 134, 'mmol/L')]).toEqual([0, 1]);
  });

  it("prefers the lab's own lower limit for the supporting values", () => {
    const f = expectOutcome(lasix().lab({ id: 'k', loinc: '2823-3', value: 3.6, unit: 'mmol/L', low: 3.7, high: 5.2, date: '2026-11-01' }), RULE, 'flagged');
    expect(supporting(f)).toEqual([expect.objectContaining({ id: 'k', note: expect.stringContaining("lab's lower limit 3.7") })]);
  });

  it('shows only electrolytes from the last 3 months: 2026-08-21 is shown, 2026-08-20 is not', () => {
    expect(supporting(expectOutcome(lasix().lab({ loinc: '2823-3', value: 3.0, unit: 'mmol/L', date: '2026-08-21' }), RULE, 'flagged'))).toHaveLength(1);
    expect(supporting(expectOutcome(lasix().lab({ loinc: '2823-3', value: 3.0, unit: 'mmol/L', date: '2026-08-20' }), RULE, 'flagged'))).toHaveLength(0);
  });

  it('matches bumetanide by ATC C03CA02, torsemide by the Demadex brand in a statement, furosemide by ATC C03CA01 via a referenced Medication', () => {
    expectOutcome(patient().medicationRequest({ atc: 'C03CA02' }), RULE, 'flagged');
    expectOutcome(patient().medicationStatement({ via: 'contained', text: 'Demadex 20 mg tablet', date: '2026-06-01' }), RULE, 'flagged');
    expect(expectOutcome(patient().medicationDispense({ rxnorm: '4603', date: '2026-10-01' }), RULE, 'flagged').summary).toContain('furosemide');
    const f = expectOutcome(patient().medicationRequest({ via: 'reference', atc: 'C03CA01' }), RULE, 'flagged');
    expect(f.summary).toContain('furosemide');
  });

  it('does not flag other diuretics', () => {
    expectOutcome(patient().medicationRequest({ text: 'Spironolactone 25 MG' }).medicationRequest({ text: 'Hydrochlorothiazide 25 MG' }).medicationRequest({ text: 'Acetazolamide 250 MG' }), RULE, 'not-flagged');
  });

  describe('cramp timeline (Table A temporal weighting; never changes the outcome)', () => {
    const withCramp = (drugDate: string, cramp: Record<string, string> = { icd10: 'G47.62' }) =>
      patient()
        .medicationRequest({ id: 'first', text: 'Furosemide 40 MG Oral Tablet', status: 'completed', date: drugDate })
        .medicationRequest({ text: 'Furosemide 40 MG Oral Tablet', date: '2026-10-01' })
        .condition({ id: 'cramp', onset: '2026-06-01', display: 'Sleep related leg cramps', ...cramp });

    it('says so when the drug was first recorded exactly 12 months before the first cramp complaint, with the Condition beside it', () => {
      const f = expectOutcome(withCramp('2025-06-01'), RULE, 'flagged');
      expect(f.detail).toContain('furosemide was first recorded on 2025-06-01, within 12 months before the first recorded cramp complaint (2026-06-01)');
      expect(f.evidence).toContainEqual(expect.objectContaining({ resourceType: 'Condition', id: 'cramp', role: 'supporting', code: 'G47.62' }));
    });

    it('does not weight a drug first recorded one day more than 12 months before', () => {
      const f = expectOutcome(withCramp('2025-05-31'), RULE, 'flagged');
      expect(f.detail).toContain('more than 12 months before the first recorded cramp complaint (2026-06-01)');
      expect(f.evidence.some((e) => e.resourceType === 'Condition')).toBe(false);
    });

    it('reads the complaint from R25.2 or SNOMED 55300003, and ignores a refuted one', () => {
      expect(expectOutcome(withCramp('2026-01-10', { icd10: 'R25.2' }), RULE, 'flagged').detail).toContain('within 12 months');
      expect(expectOutcome(withCramp('2026-01-10', { snomed: '55300003', display: 'Cramp' }), RULE, 'flagged').detail).toContain('within 12 months');
      expect(expectOutcome(withCramp('2026-01-10', { icd10: 'G47.62', verificationStatus: 'refuted' }), RULE, 'flagged').detail).not.toContain('Timeline');
    });

    it('says when cramps came first, or on the same day, without weighting the drug', () => {
      expect(expectOutcome(withCramp('2026-07-01'), RULE, 'flagged').detail).toContain('the first recorded cramp complaint (2026-06-01) came before furosemide was first recorded (2026-07-01)');
      expect(expectOutcome(withCramp('2026-06-01'), RULE, 'flagged').detail).toContain('on the day of the first recorded cramp complaint');
    });
  });

  activeMedicationCases(RULE, { text: 'Furosemide 40 MG Oral Tablet' });

  staleAndUnidentifiedMedicationCases(RULE, { text: 'Furosemide 40 MG Oral Tablet' });
});
