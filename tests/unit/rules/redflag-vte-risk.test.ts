import { describe, expect, it } from 'vitest';
import { BundleBuilder, SYS } from '../../support/fhir-builder.js';
import { expectOutcome, finding, runWithSources, triggers } from '../../support/evaluate.js';
import { otherFormResponse } from './support/checklist-forms.js';

const RULE = 'redflag-vte-risk';
const CALF = 'calf-swelling';
const woman = () => new BundleBuilder({ gender: 'female', birthDate: '1993-02-11' });
const calfNo = (b: BundleBuilder) => b.checklist({ [CALF]: 'no' }, '2026-11-21', 'qr');

describe(RULE, () => {
  it('flags pregnancy (Z33.1) as a prompt DVT check, with the Condition as evidence (example e02)', () => {
    const f = expectOutcome(woman().condition({ id: 'c1', icd10: 'Z33.1', display: 'Pregnant state, incidental', onset: '2026-06-24' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ resourceType: 'Condition', id: 'c1', code: 'Z33.1', value: 'active' })]);
    expect(f.summary).toBe('DVT risk (pregnancy): check for DVT before calling calf pain a cramp');
    expect(f.urgency).toBe('prompt');
    expect(f.redFlag).toBe(true);
    expect(f.grade).toBe('B');
    expect(f.citations.map((c) => c.key)).toEqual(['S7', 'S29b', 'S42', 'S43', 'S39']);
  });

  it('flags reported one-sided calf swelling as same-day, even without a risk factor', () => {
    const f = expectOutcome(new BundleBuilder({ gender: 'male', birthDate: '1960-01-01' }).checklist({ [CALF]: 'yes' }, '2026-11-21', 'qr'), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ resourceType: 'QuestionnaireResponse', id: 'qr', code: CALF, value: 'yes', date: '2026-11-21' })]);
    expect(f.urgency).toBe('same-day');
    expect(f.summary).toBe('One-sided calf swelling, warmth or tenderness: exclude DVT today (Wells, ultrasound)');
    expect(f.nextStep).toContain('same-day assessment (Wells score, compression ultrasound)');
  });

  it('names the risk factor beside reported calf swelling (combined pill by brand and pack code)', () => {
    const b = woman().medicationRequest({ id: 'yaz', rxnorm: '748856', text: 'Yaz 28 Day Pack' }).checklist({ [CALF]: 'yes' }, '2026-11-21');
    const f = expectOutcome(b, RULE, 'flagged');
    expect(f.urgency).toBe('same-day');
    expect(f.summary).toBe('One-sided calf swelling, warmth or tenderness with estrogen or a SERM: exclude DVT today (Wells, ultrasound)');
    expect(triggers(f)).toEqual(expect.arrayContaining([
      expect.objectContaining({ resourceType: 'MedicationRequest', id: 'yaz', code: '748856' }),
      expect.objectContaining({ resourceType: 'QuestionnaireResponse', code: CALF, value: 'yes' }),
    ]));
  });

  it('is not-flagged only with no risk factor and the calf question answered no', () => {
    const f = expectOutcome(calfNo(woman()), RULE, 'not-flagged');
    expect(f.evidence).toEqual([expect.objectContaining({ resourceType: 'QuestionnaireResponse', id: 'qr', role: 'checked', value: 'no' })]);
    expect(f.summary).toBe('No DVT risk factor on record and no one-sided calf swelling reported');
  });

  it('is insufficient-data when no checklist was completed, naming the question', () => {
    const f = expectOutcome(woman(), RULE, 'insufficient-data');
    expect(f.missing).toEqual(['not asked: one-sided calf swelling, warmth or tenderness (checklist not completed)']);
    expect(f.summary).toBe('No DVT risk factor on record; ask about one-sided calf swelling, warmth or tenderness');
  });

  it('treats a checklist from an earlier visit as not asked', () => {
    const f = expectOutcome(woman().checklist({ [CALF]: 'no' }, '2026-11-19'), RULE, 'insufficient-data');
    expect(f.missing[0]).toContain('checklist not completed for this visit (last one 2026-11-19)');
    expectOutcome(woman().checklist({ [CALF]: 'no' }, '2026-11-20'), RULE, 'not-flagged');
  });

  it("reads another system's form by item text, with yes as LOINC LA33-6", () => {
    const f = expectOutcome(otherFormResponse(woman(), 'ext', '2026-11-21', { 'Unilateral calf swelling or tenderness?': 'yes' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ resourceType: 'QuestionnaireResponse', id: 'ext', value: 'yes' })]);
    expect(f.urgency).toBe('same-day');
  });

  it('counts raloxifene by ATC, an estradiol patch reported in a MedicationStatement, and a vaginal ring', () => {
    expectOutcome(calfNo(woman().medicationRequest({ atc: 'G03XC01' })), RULE, 'flagged');
    expectOutcome(calfNo(woman().medicationStatement({ text: 'Estradiol 0.05 MG/Day Transdermal Patch', status: 'active', date: '2026-03-01' })), RULE, 'flagged');
    const ring = expectOutcome(calfNo(woman().medicationRequest({ rxnorm: '1367439', text: 'NuvaRing 0.12/0.015 MG per 24HR 21 Day Vaginal Ring' })), RULE, 'flagged');
    expect(ring.summary).toBe('DVT risk (estrogen or a SERM): check for DVT before calling calf pain a cramp');
  });

  it('does not count progestin-only contraception or a stopped estrogen', () => {
    expectOutcome(calfNo(woman().medicationRequest({ rxnorm: '757594', text: 'Jolivette 28 Day Pack' })), RULE, 'not-flagged');
    expectOutcome(calfNo(woman().medicationRequest({ text: 'Premarin 0.625 MG Oral Tablet', status: 'stopped', date: '2023-01-01' })), RULE, 'not-flagged');
  });

  it('counts postpartum up to 42 days after the EDD: 2026-10-10 counts, 2026-10-09 does not (boundary)', () => {
    const edd = (day: string) => calfNo(woman().codedObservation({ id: 'edd', loinc: '11778-8', date: '2026-04-01', valueDateTime: day }));
    const f = expectOutcome(edd('2026-10-10'), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ resourceType: 'Observation', id: 'edd', value: '2026-10-10' })]);
    expect(f.summary).toBe('DVT risk (postpartum): check for DVT before calling calf pain a cramp');
    expectOutcome(edd('2026-10-09'), RULE, 'not-flagged');
  });

  it('counts a pregnancy-status observation (82810-3, LA15173-0) and ignores pregnancy codes in a male record', () => {
    expectOutcome(calfNo(woman().codedObservation({ loinc: '82810-3', date: '2026-10-01', valueCoding: { system: SYS.loinc, code: 'LA15173-0', display: 'Pregnant' } })), RULE, 'flagged');
    expectOutcome(calfNo(new BundleBuilder({ gender: 'male', birthDate: '1980-01-01' }).condition({ icd10: 'Z33.1' })), RULE, 'not-flagged');
  });

  it('counts active cancer (ICD-10-CM C-code or SNOMED) but not resolved or refuted cancer', () => {
    const f = expectOutcome(calfNo(woman().condition({ id: 'ca', icd10: 'C50.911', display: 'Malignant neoplasm of right female breast' })), RULE, 'flagged');
    expect(f.summary).toBe('DVT risk (active cancer): check for DVT before calling calf pain a cramp');
    expectOutcome(calfNo(woman().condition({ snomed: '363406005', display: 'Malignant tumor of colon' })), RULE, 'flagged');
    expectOutcome(calfNo(woman().condition({ icd10: 'C50.911', clinicalStatus: 'resolved', abatement: '2019-05-01' })), RULE, 'not-flagged');
    expectOutcome(calfNo(woman().condition({ icd10: 'C50.911', verificationStatus: 'refuted' })), RULE, 'not-flagged');
  });

  it('counts a past DVT even when resolved (history is the risk), but not one refuted or entered in error', () => {
    const f = expectOutcome(calfNo(woman().condition({ id: 'dvt', icd10: 'I82.401', clinicalStatus: 'resolved', onset: '2018-02-01', abatement: '2018-08-01' })), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'dvt', code: 'I82.401', value: 'resolved' })]);
    expect(triggers(f)[0]!.note).toContain('history counts');
    expect(f.summary).toBe('DVT risk (previous DVT/PE): check for DVT before calling calf pain a cramp');
    expectOutcome(calfNo(woman().condition({ snomed: '128053003', display: 'Deep venous thrombosis', clinicalStatus: 'inactive' })), RULE, 'flagged');
    expectOutcome(calfNo(woman().condition({ icd10: 'I82.401', verificationStatus: 'refuted' })), RULE, 'not-flagged');
    expectOutcome(calfNo(woman().condition({ icd10: 'I82.401', verificationStatus: 'entered-in-error' })), RULE, 'not-flagged');
  });

  it('is insufficient-data, never not-flagged, when a risk-factor source could not be read', () => {
    const cond = finding(runWithSources(calfNo(woman()), { Condition: { state: 'failed', reason: 'HTTP 500' } }), RULE);
    expect(cond.outcome).toBe('insufficient-data');
    expect(cond.missing.join(' ')).toContain('conditions could not be read (HTTP 500)');
    expect(cond.summary).toBe('DVT not excluded: risk factors not fully readable');
    const meds = finding(runWithSources(calfNo(woman()), { MedicationRequest: { state: 'not-authorised' } }), RULE);
    expect(meds.outcome).toBe('insufficient-data');
    expect(meds.missing.join(' ')).toContain('MedicationRequest: not authorised');
  });

  it('still flags on a risk factor it could read when another source failed', () => {
    const f = finding(runWithSources(woman().condition({ icd10: 'Z33.1' }), { MedicationRequest: { state: 'failed' } }), RULE);
    expect(f.outcome).toBe('flagged');
    expect(f.missing).toEqual([]);
  });
});
