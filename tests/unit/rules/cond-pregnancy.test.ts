import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BundleBuilder, SYS } from '../../support/fhir-builder.js';
import { AS_OF, expectOutcome, finding, run, runWithSources, triggers } from '../../support/evaluate.js';
import { activeConditionCases, timeLimitedConditionCases } from './condition-rule-cases.js';

const RULE = 'cond-pregnancy';
const woman = () => new BundleBuilder({ gender: 'female', birthDate: '1993-02-11' });
type Answer = { system: string; code: string; display: string };
const PREGNANT: Answer = { system: SYS.loinc, code: 'LA15173-0', display: 'Pregnant' };
const NOT_PREGNANT: Answer = { system: SYS.loinc, code: 'LA26683-5', display: 'Not pregnant' };
const status = (b: BundleBuilder, date: string, answer: Answer = PREGNANT, id = `ps-${date}`) => b.codedObservation({ id, loinc: '82810-3', date, valueCoding: answer });
const edd = (b: BundleBuilder, due: string, recorded = '2026-09-01') => b.codedObservation({ id: 'edd', loinc: '11778-8', date: recorded, valueDateTime: due });

describe(RULE, () => {
  activeConditionCases(RULE, {
    icd10: { code: 'Z33.1', display: 'Pregnant state, incidental' },
    snomed: { code: '77386006', display: 'Pregnant' },
    text: 'Intrauterine pregnancy',
    patient: woman,
    // The pregnancy primitive does not list a non-active pregnancy Condition as checked evidence.
    showsChecked: false,
    onset: '2026-04-02',
    recorded: '2026-05-10',
    lookAlikes: [
      { icd10: 'O03.9', display: 'Complete or unspecified spontaneous abortion without complication' },
      { snomed: '19169002', display: 'Miscarriage in first trimester' },
      { icd10: 'O90.89', display: 'Other complications of the puerperium, not elsewhere classified' },
      { text: 'Puerperal fever' },
      { icd10: 'Z32.02', display: 'Encounter for pregnancy test, result negative' },
      { icd10: 'Z39.2', display: 'Encounter for routine postpartum follow-up' },
      { text: 'History of pregnancy' },
    ],
  });

  it('flags the shared example e02 (Z33.1 Condition), grade A, with obstetric next step, DVT awareness and no quinine', () => {
    const bundle = JSON.parse(readFileSync(new URL('../../../../shared/examples/e02-pregnancy-condition.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    const f = finding(run(bundle, AS_OF), RULE);
    expect(f.outcome).toBe('flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ resourceType: 'Condition', id: 'c1', code: 'Z33.1', display: 'Pregnant state, incidental', value: 'active', date: '2026-06-24' })]);
    expect(f.summary).toBe('Pregnant: leg cramps are very common, most of all late in pregnancy; no quinine');
    expect(f.grade).toBe('A');
    expect(f.citations.map((c) => c.key)).toEqual(['S19', 'S23', 'S9', 'S34']);
    expect(f.nextStep).toMatch(/^Obstetrician or midwife/);
    expect(f.nextStep).toContain('deep-vein thrombosis');
    expect(f.nextStep).toContain('No quinine or tonic water; supplements only if the obstetric team agrees');
    expect(f.handoutSections).toEqual(['pregnancy']);
  });

  it('matches Z34.x, O26.89-, Z3A.32, O09.x and SNOMED 72892002 "Normal pregnancy"', () => {
    for (const icd10 of ['Z34.83', 'Z34.00', 'O26.893', 'Z3A.32', 'O09.523']) {
      expect(triggers(expectOutcome(woman().condition({ icd10 }), RULE, 'flagged'))[0]!.code).toBe(icd10);
    }
    expectOutcome(woman().condition({ snomed: '72892002', display: 'Normal pregnancy' }), RULE, 'flagged');
  });

  it('flags pregnancy by the pregnancy-status Observation alone (82810-3 = LA15173-0, or SNOMED 77386006)', () => {
    const f = expectOutcome(status(woman(), '2026-10-02', PREGNANT, 'ps'), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ resourceType: 'Observation', id: 'ps', code: '82810-3', value: 'Pregnant', date: '2026-10-02', note: expect.stringContaining('pregnant') })]);
    expectOutcome(status(woman(), '2026-10-02', { system: SYS.snomed, code: '77386006', display: 'Pregnant' }), RULE, 'flagged');
  });

  it('is not-flagged for a "not pregnant" answer (LA26683-5)', () => {
    expectOutcome(status(woman(), '2026-10-02', NOT_PREGNANT), RULE, 'not-flagged');
  });

  it('reads the latest status: a later "not pregnant" replaces an earlier "pregnant", and vice versa', () => {
    expectOutcome(status(status(woman(), '2026-05-01', PREGNANT), '2026-10-01', NOT_PREGNANT), RULE, 'not-flagged');
    expectOutcome(status(status(woman(), '2026-05-01', NOT_PREGNANT), '2026-10-01', PREGNANT), RULE, 'flagged');
  });

  it('counts a pregnancy status within 10 months: 2026-01-21 counts, 2026-01-20 does not (boundary)', () => {
    expectOutcome(status(woman(), '2026-01-21'), RULE, 'flagged');
    expectOutcome(status(woman(), '2026-01-20'), RULE, 'not-flagged');
  });

  it('counts a future EDD at most 40 weeks ahead: 2027-08-28 counts, 2027-08-29 and 41 weeks ahead do not (boundary)', () => {
    const f = expectOutcome(edd(woman(), '2027-08-28'), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'edd', code: '11778-8', value: '2027-08-28', note: expect.stringContaining('within the next 40 weeks') })]);
    expectOutcome(edd(woman(), '2027-08-29'), RULE, 'not-flagged');
    expectOutcome(edd(woman(), '2027-09-04'), RULE, 'not-flagged');
  });

  it('does not count an EDD in the past (the pregnancy has ended)', () => {
    expectOutcome(edd(woman(), '2026-11-01'), RULE, 'not-flagged');
    expectOutcome(edd(woman(), AS_OF), RULE, 'not-flagged');
  });

  it('names the gestational age from the EDD: 8 weeks ahead = 32 weeks, third trimester; 20 weeks ahead = 20 weeks', () => {
    const third = expectOutcome(edd(woman(), '2027-01-16'), RULE, 'flagged');
    expect(third.summary).toBe('Pregnant (32 weeks, third trimester): leg cramps are very common, most of all late in pregnancy; no quinine');
    expect(third.detail).toContain('(32 weeks, third trimester)');
    const second = expectOutcome(edd(woman(), '2027-04-10'), RULE, 'flagged');
    expect(second.summary).toBe('Pregnant (20 weeks): leg cramps are very common, most of all late in pregnancy; no quinine');
  });

  it('names the gestational age from a gestational-age Observation carried forward (30 weeks two weeks ago = 32)', () => {
    const b = woman().condition({ icd10: 'Z34.83' }).codedObservation({ loinc: '11884-4', date: '2026-11-07', valueQuantity: { value: 30, unit: 'wk' } });
    expect(expectOutcome(b, RULE, 'flagged').summary).toContain('(32 weeks, third trimester)');
  });

  it('applies the plausibility filter: a male patient with Z33.1 is not-flagged, with the data shown as checked', () => {
    const f = expectOutcome(new BundleBuilder({ gender: 'male', birthDate: '1990-01-01' }).condition({ id: 'z', icd10: 'Z33.1' }), RULE, 'not-flagged');
    expect(f.evidence).toEqual([expect.objectContaining({ id: 'z', role: 'checked', note: expect.stringContaining('ignored: Patient.gender is male') })]);
  });

  it('applies the age filter 12–55 in whole years on the as-of date: 11 and 56 are not-flagged, 12 and 55 are flagged', () => {
    const aged = (birthDate: string) => new BundleBuilder({ gender: 'female', birthDate }).condition({ id: 'z', icd10: 'Z33.1' });
    expect(expectOutcome(aged('2014-11-22'), RULE, 'not-flagged').evidence[0]!.note).toContain('age 11 is outside 12–55');
    expectOutcome(aged('2014-11-21'), RULE, 'flagged');
    expectOutcome(aged('1971-11-21'), RULE, 'flagged');
    expect(expectOutcome(aged('1970-11-21'), RULE, 'not-flagged').evidence[0]!.note).toContain('age 56 is outside 12–55');
  });

  it('keeps a patient of unknown gender in (plausibility allows female or unknown)', () => {
    expectOutcome(new BundleBuilder({ birthDate: '1995-05-05' }).condition({ icd10: 'Z33.1' }), RULE, 'flagged');
  });

  it('still flags on an Observation when the Condition source failed (flags on what it has)', () => {
    const f = finding(runWithSources(status(woman(), '2026-10-02'), { Condition: { state: 'failed', reason: 'HTTP 503' } }), RULE);
    expect(f.outcome).toBe('flagged');
  });

  it('is insufficient-data when the pregnancy-status Observations could not be read and nothing else shows pregnancy', () => {
    const f = finding(runWithSources(woman(), { 'Observation:pregnancy-status': { state: 'not-authorised' } }), RULE);
    expect(f.outcome).toBe('insufficient-data');
    expect(f.missing).toEqual(['pregnancy data could not all be read (Observation:pregnancy-status: not authorised)']);
    expect(f.summary).toBe('Pregnancy could not be checked: some pregnancy data could not be read');
  });
  timeLimitedConditionCases(RULE, {
    patient: woman,
    birthDate: '1993-02-11',
    condition: { icd10: 'Z34.90', display: 'Encounter for supervision of normal pregnancy' },
    windowWords: '10 months',
    firstDayIn: '2026-01-21',
    lastDayOut: '2026-01-20',
  });
});
