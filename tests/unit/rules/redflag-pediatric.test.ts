import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, finding, run, triggers } from '../../support/evaluate.js';
import { otherFormResponse } from './support/checklist-forms.js';

const RULE = 'redflag-pediatric';
const born = (birthDate?: string) => new BundleBuilder({ gender: 'female', ...(birthDate ? { birthDate } : {}) });

describe(RULE, () => {
  it('flags a 12-year-old for the pediatrician (example e04), with the Patient as evidence, routine', () => {
    const f = expectOutcome(born('2014-05-05'), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ resourceType: 'Patient', display: 'age', value: 12, unit: 'a', date: '2014-05-05' })]);
    expect(f.summary).toBe('Under 18 (age 12): pediatrician to assess; ask about weakness and falls');
    expect(f.urgency).toBe('routine');
    expect(f.redFlag).toBe(true);
    expect(f.grade).toBe('B/C');
    expect(f.citations.map((c) => c.key)).toEqual(['S23', 'S1']);
    expect(f.detail).toContain('after about age 8');
    expect(f.detail).not.toMatch(/growth/i);
  });

  it('stops on the 18th birthday: born 2008-11-21 is 18 (not flagged), born 2008-11-22 is 17 (flagged)', () => {
    const adult = expectOutcome(born('2008-11-21'), RULE, 'not-flagged');
    expect(adult.summary).toBe('Age 18: adult pathway applies');
    expect(adult.evidence).toEqual([expect.objectContaining({ resourceType: 'Patient', role: 'checked', value: 18 })]);
    expect(expectOutcome(born('2008-11-22'), RULE, 'flagged').summary).toContain('age 17');
  });

  it('counts a partial birth date from its last possible day, so a possible child is never called an adult', () => {
    expectOutcome(born('2008'), RULE, 'flagged'); // could be born as late as 2008-12-31: 17
    expectOutcome(born('2008-11'), RULE, 'flagged'); // as late as 2008-11-30: 17
    expectOutcome(born('2008-10'), RULE, 'not-flagged'); // at latest 2008-10-31: 18
    expectOutcome(born('2007'), RULE, 'not-flagged');
  });

  it('is insufficient-data without a birth date, or without a Patient resource', () => {
    const f = expectOutcome(born(), RULE, 'insufficient-data');
    expect(f.missing).toEqual(['age unknown (no birth date recorded)']);
    expect(f.summary).toBe('Age unknown (no birth date): cannot tell whether the pediatric pathway applies');
    const bundle = born('2014-05-05').bundle() as { entry: { resource: { resourceType: string } }[] };
    const noPatient = finding(run({ ...bundle, entry: bundle.entry.filter((e) => e.resource.resourceType !== 'Patient') }), RULE);
    expect(noPatient.outcome).toBe('insufficient-data');
    expect(noPatient.missing).toEqual(['age unknown (no Patient resource)']);
  });

  it('is urgent when the clinician reports weakness, with the answer as supporting evidence', () => {
    const f = expectOutcome(born('2016-02-10').checklist({ 'weakness-wasting-fasciculations': 'yes' }, '2026-11-21', 'qr'), RULE, 'flagged');
    expect(f.urgency).toBe('urgent');
    expect(f.summary).toBe('Child (age 10) with weakness or falls reported: urgent paediatric neurology and CK');
    expect(f.evidence).toContainEqual(expect.objectContaining({ resourceType: 'QuestionnaireResponse', id: 'qr', role: 'supporting', value: 'yes' }));
  });

  it("is urgent on frequent falls reported on another system's form (LOINC LA33-6)", () => {
    const f = expectOutcome(otherFormResponse(born('2016-02-10'), 'ext', '2026-11-21', { 'Frequent falls?': 'yes' }), RULE, 'flagged');
    expect(f.urgency).toBe('urgent');
  });

  it('stays routine when weakness and falls were answered no, or reported only at an earlier visit', () => {
    expect(expectOutcome(born('2016-02-10').checklist({ 'weakness-wasting-fasciculations': 'no', 'frequent-falls': 'no' }, '2026-11-21'), RULE, 'flagged').urgency).toBe('routine');
    expect(expectOutcome(born('2016-02-10').checklist({ 'frequent-falls': 'yes' }, '2026-11-19'), RULE, 'flagged').urgency).toBe('routine');
  });

  it('does not fire for an adult who reports weakness (that is redflag-neuromuscular)', () => {
    expectOutcome(born('1970-01-01').checklist({ 'weakness-wasting-fasciculations': 'yes' }, '2026-11-21'), RULE, 'not-flagged');
  });
});
