/**
 * Rule catalogue, second round: "Implausible values and malformed data are unusable" and "Codes
 * match only when they are codes", end to end through the real mappers and engine. Each case is a
 * record that used to become a confident finding (issue 9): it must now be unusable, with the
 * reason where the rule says what is missing, or be judged against the default with the evidence
 * saying why the lab's range was not used.
 */
import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, finding, run, triggers } from '../../support/evaluate.js';

const man = () => new BundleBuilder({ gender: 'male', birthDate: '1948-09-12' });
const woman = () => new BundleBuilder({ gender: 'female', birthDate: '1958-02-11' });
const potassium = (value: number, extra: Record<string, unknown> = {}) => man().lab({ id: 'k', loinc: '2823-3', value, unit: 'mmol/L', date: '2026-11-10', ...extra });

describe('malformed dates', () => {
  it.each(['2026/11/20', '20261120'])('a potassium dated %j is not read as 1 January 2026: unusable, and the rule says why', (date) => {
    const f = expectOutcome(potassium(3.1, { date }), 'lab-low-potassium', 'insufficient-data');
    expect(f.missing).toEqual([`no usable potassium result in the last 3 months; the result "3.1 mmol/L" cannot be used: its date is not a valid FHIR date`]);
    expect(f.evidence).toEqual([expect.objectContaining({ id: 'k', role: 'unusable', note: 'not usable: its date is not a valid FHIR date' })]);
    expect(run(potassium(3.1, { date })).dataStatus.dropped).toEqual({ 'Observation: result unusable: its date is not a FHIR date': 1 });
  });

  it('a dateTime with a time but no zone is a date (local time)', () => {
    expectOutcome(potassium(3.1, { date: '2026-11-10T08:30:00' }), 'lab-low-potassium', 'flagged');
  });
});

describe('a unit code that disagrees with the unit text', () => {
  it('potassium "mmol/L" with UCUM code mg/dL is not 0.97 mmol/L: no severe-electrolyte red flag, no low potassium', () => {
    const b = potassium(3.8, { ucum: 'mg/dL' });
    const red = finding(run(b), 'redflag-severe-electrolyte');
    expect(red.outcome).toBe('insufficient-data');
    expect(red.missing[0]).toBe('no usable potassium result in the last 3 months; the result "3.8 mmol/L" of 2026-11-10 cannot be used: its unit code and unit text disagree');
    expect(expectOutcome(b, 'lab-low-potassium', 'insufficient-data').missing[0]).toContain('its unit code and unit text disagree');
  });

  it('the same unit spelled two ways is no conflict: meq/L against mEq/L', () => {
    expectOutcome(potassium(2.3, { unit: 'mEq/L', ucum: 'meq/L' }), 'redflag-severe-electrolyte', 'flagged');
  });
});

describe('values a living person cannot have', () => {
  it('potassium 0.9 mmol/L (below 1.0) is unusable, not a severe red flag; 1.0 is plausible and fires it', () => {
    const f = finding(run(potassium(0.9)), 'redflag-severe-electrolyte');
    expect(f.outcome).not.toBe('flagged');
    expect(f.missing[0]).toContain('the value is not physiologically plausible');
    expectOutcome(potassium(1.0), 'redflag-severe-electrolyte', 'flagged');
  });

  it('an eGFR in mL/min is a clearance, not an eGFR', () => {
    const f = expectOutcome(man().lab({ loinc: '33914-3', value: 41, unit: 'mL/min', date: '2026-10-20' }), 'lab-reduced-kidney-function', 'insufficient-data');
    expect(f.missing[0]).toContain('its unit is not per 1.73 m² (a clearance, not an eGFR)');
  });
});

describe('reference ranges that cannot be right do not decide', () => {
  it('a potassium lower limit of 42 is ignored: 4.0 mmol/L is not low, and the evidence says why', () => {
    const f = expectOutcome(potassium(4.0, { low: 42, high: 50 }), 'lab-low-potassium', 'not-flagged');
    expect(f.evidence[0]).toMatchObject({ id: 'k', role: 'checked', note: "not below 3.5 mmol/L; the lab's range 42–50 mmol/L was ignored: more than four times the default limit" });
    const low = expectOutcome(potassium(3.2, { low: 42, high: 50 }), 'lab-low-potassium', 'flagged');
    expect(triggers(low)[0]!.note).toBe("below 3.5 mmol/L; the lab's range 42–50 mmol/L was ignored: more than four times the default limit");
  });

  it('a negative lower limit is ignored: 3.2 mmol/L is low by the default', () => {
    const f = expectOutcome(potassium(3.2, { low: -1, high: 5.1 }), 'lab-low-potassium', 'flagged');
    expect(triggers(f)[0]!.note).toBe("below 3.5 mmol/L; the lab's range -1–5.1 mmol/L was ignored: a limit is negative");
  });

  it('an inverted range is ignored, and so is the flag computed against it', () => {
    const f = expectOutcome(potassium(3.2, { low: 5.1, high: 3.5, interpretation: 'N' }), 'lab-low-potassium', 'flagged');
    expect(triggers(f)[0]!.note).toBe("below 3.5 mmol/L; the lab's range 5.1–3.5 mmol/L was ignored: its lower limit is above its upper limit; its flag N was not used either");
    expectOutcome(potassium(3.8, { low: 42, high: 50, interpretation: 'L' }), 'lab-low-potassium', 'not-flagged');
  });

  it('boundary: a limit exactly four times the default (or a quarter of it) is the lab\'s and decides', () => {
    expectOutcome(potassium(4.0, { low: 14, high: 20 }), 'lab-low-potassium', 'flagged');
    expectOutcome(potassium(4.0, { low: 14.01, high: 20 }), 'lab-low-potassium', 'not-flagged');
    expectOutcome(potassium(3.2, { low: 0.875, high: 5 }), 'lab-low-potassium', 'not-flagged');
    expectOutcome(potassium(3.2, { low: 0.87, high: 5 }), 'lab-low-potassium', 'flagged');
  });

  it("compares the range in the default's unit: a magnesium range in mmol/L is the lab's own", () => {
    const mg = (value: number, low: number) => man().lab({ id: 'mg', loinc: '2601-3', value, unit: 'mmol/L', date: '2026-11-10', low, high: 1.0 });
    // 0.75 mmol/L = 1.82 mg/dL, within four times 1.7 mg/dL: it decides (0.72 is below it).
    expectOutcome(mg(0.72, 0.75), 'lab-low-magnesium', 'flagged');
    // 0.1 mmol/L = 0.24 mg/dL, less than a quarter of 1.7 mg/dL: ignored, and 0.65 mmol/L is low by the default.
    const f = expectOutcome(mg(0.65, 0.1), 'lab-low-magnesium', 'flagged');
    expect(triggers(f)[0]!.note).toContain("the lab's range 0.1–1 mmol/L was ignored: less than a quarter of the default limit");
  });

  it('a TSH range with an upper limit of 450 is ignored in both directions: 6 mIU/L is high by the default', () => {
    const tsh = (value: number) => woman().lab({ id: 'tsh', loinc: '3016-3', value, unit: 'mIU/L', date: '2026-10-10', low: 0.4, high: 450 });
    const f = expectOutcome(tsh(6), 'lab-thyroid-dysfunction', 'flagged');
    expect(triggers(f)[0]!.note).toContain("the lab's range 0.4–450 mIU/L was ignored: more than four times the default limit");
    expectOutcome(tsh(0.3), 'lab-thyroid-dysfunction', 'flagged');
  });

  it('red-flag thresholds are fixed and do not use ranges anyway', () => {
    expectOutcome(potassium(2.4, { low: 1, high: 2 }), 'redflag-severe-electrolyte', 'flagged');
  });
});

describe('codes match only when they are codes', () => {
  const cancer = (icd10: string) => woman().condition({ id: 'ca', icd10, display: 'Cancelled entry', onset: '2026-10-15' }).checklist({ 'calf-swelling': 'no' }, '2026-11-21', 'qr');

  it('the ICD-10-CM "code" CANCELLED is not a C-code: no DVT red flag for active cancer', () => {
    const f = finding(run(cancer('CANCELLED')), 'redflag-vte-risk');
    expect(f.outcome).toBe('not-flagged');
    expect(triggers(f)).toEqual([]);
    expect(finding(run(cancer('C50.91199')), 'redflag-vte-risk').outcome).toBe('not-flagged');
  });

  it('the dotless C50911 of many exports is a C-code', () => {
    const f = expectOutcome(cancer('C50911'), 'redflag-vte-risk', 'flagged');
    expect(f.summary).toBe('DVT risk (active cancer): check for DVT before calling calf pain a cramp');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'ca', code: 'C50911' })]);
  });

  it('a condition code list is not matched by a code that is not well formed for its system', () => {
    expectOutcome(man().condition({ icd10: 'E11X.9XYZ', display: 'Type 2 diabetes mellitus' }), 'cond-diabetes', 'not-flagged');
    expectOutcome(man().condition({ icd10: 'e11.9' }), 'cond-diabetes', 'flagged');
  });
});

describe('how a range is shown', () => {
  it('names each bound\'s unit when they differ', () => {
    const b = man().add({
      resourceType: 'Observation', id: 'k2', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '2823-3' }] }, effectiveDateTime: '2026-11-10',
      valueQuantity: { value: 3.0, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
      referenceRange: [{ low: { value: 13.7, unit: 'mg/dL' }, high: { value: 5.1, unit: 'mmol/L' } }],
    });
    const f = expectOutcome(b, 'redflag-severe-electrolyte', 'insufficient-data');
    expect(f.evidence.find((e) => e.id === 'k2')?.note).toBe('not below 2.5 mmol/L; not above 6 mmol/L; lab range 13.7 mg/dL–5.1 mmol/L');
  });
});
