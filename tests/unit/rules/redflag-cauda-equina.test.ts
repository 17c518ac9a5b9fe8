import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, finding, runWithSources, triggers } from '../../support/evaluate.js';
import { otherFormResponse } from './support/checklist-forms.js';

const RULE = 'redflag-cauda-equina';
const SADDLE = 'saddle-numbness-bladder-bowel';
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1958-12-02' });

describe(RULE, () => {
  it('flags reported saddle numbness or bladder/bowel dysfunction as an emergency', () => {
    const f = expectOutcome(patient().checklist({ [SADDLE]: 'yes' }, '2026-11-21', 'qr'), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ resourceType: 'QuestionnaireResponse', id: 'qr', code: SADDLE, value: 'yes', date: '2026-11-21' })]);
    expect(f.urgency).toBe('emergency');
    expect(f.summary).toBe('Saddle numbness or new bladder/bowel dysfunction reported: possible cauda equina; emergency assessment');
    expect(f.grade).toBe('C');
    expect(f.citations.map((c) => c.key)).toEqual(['S39']);
  });

  it('shows lumbar stenosis as supporting evidence when it fires, and never fires on the code alone', () => {
    const b = patient().condition({ id: 'ls', icd10: 'M48.062', display: 'Spinal stenosis, lumbar region with neurogenic claudication' });
    expectOutcome(b, RULE, 'insufficient-data');
    const f = expectOutcome(b.checklist({ [SADDLE]: 'yes' }, '2026-11-21'), RULE, 'flagged');
    expect(f.evidence).toContainEqual(expect.objectContaining({ id: 'ls', role: 'supporting', code: 'M48.062' }));
  });

  it('is not-flagged when answered no, and insufficient-data when not asked', () => {
    const no = expectOutcome(patient().checklist({ [SADDLE]: 'no' }, '2026-11-21', 'qr'), RULE, 'not-flagged');
    expect(no.evidence).toEqual([expect.objectContaining({ id: 'qr', role: 'checked', value: 'no' })]);
    const none = expectOutcome(patient(), RULE, 'insufficient-data');
    expect(none.missing).toEqual(['not asked: saddle numbness, or new bladder or bowel trouble (checklist not completed)']);
    expect(none.summary).toBe('Not asked: saddle numbness or new bladder or bowel dysfunction');
  });

  it('treats a checklist from an earlier visit as not asked (the day before counts, two days before does not)', () => {
    expectOutcome(patient().checklist({ [SADDLE]: 'no' }, '2026-11-20'), RULE, 'not-flagged');
    const old = expectOutcome(patient().checklist({ [SADDLE]: 'yes' }, '2026-11-19'), RULE, 'insufficient-data');
    expect(old.missing).toEqual(['not asked: saddle numbness, or new bladder or bowel trouble (checklist not completed for this visit (last one 2026-11-19))']);
  });

  it("reads another system's form by item text, with yes as LOINC LA33-6", () => {
    const f = expectOutcome(otherFormResponse(patient(), 'ext', '2026-11-21', { 'Saddle anaesthesia or new bladder dysfunction?': 'yes' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ resourceType: 'QuestionnaireResponse', id: 'ext', code: SADDLE, value: 'yes' })]);
    expectOutcome(otherFormResponse(patient(), 'ext2', '2026-11-21', { 'Urinary retention?': 'no' }), RULE, 'not-flagged');
  });

  it('reads a yes answered as a string on the app form', () => {
    const b = patient().add({ resourceType: 'QuestionnaireResponse', id: 'qs', questionnaire: 'http://example.org/fhir/leg-cramps/Questionnaire/point-of-care-checklist', status: 'completed', authored: '2026-11-21T09:30:00Z', item: [{ linkId: SADDLE, answer: [{ valueString: 'Yes' }] }] });
    expect(triggers(expectOutcome(b, RULE, 'flagged'))[0]).toMatchObject({ id: 'qs', date: '2026-11-21' });
  });

  it('decides on the answer alone: a failed Condition source only loses supporting evidence', () => {
    expect(finding(runWithSources(patient().checklist({ [SADDLE]: 'no' }, '2026-11-21'), { Condition: { state: 'failed' } }), RULE).outcome).toBe('not-flagged');
  });
});
