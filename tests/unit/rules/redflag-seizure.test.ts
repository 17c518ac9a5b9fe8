import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, triggers } from '../../support/evaluate.js';
import { otherFormResponse } from './support/checklist-forms.js';

const RULE = 'redflag-seizure';
const SEIZURE = 'loss-of-consciousness-jerking';
const patient = () => new BundleBuilder({ gender: 'male', birthDate: '1985-01-20' });

describe(RULE, () => {
  it('flags reported loss of consciousness or whole-body jerking: not a cramp, urgent seizure assessment', () => {
    const f = expectOutcome(patient().checklist({ [SEIZURE]: 'yes' }, '2026-11-21', 'qr'), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ resourceType: 'QuestionnaireResponse', id: 'qr', code: SEIZURE, value: 'yes', date: '2026-11-21' })]);
    expect(f.urgency).toBe('urgent');
    expect(f.summary).toBe('Loss of consciousness or whole-body jerking reported: not a leg cramp; urgent seizure assessment');
    expect(f.nextStep).toContain('EEG belongs in that work-up, not in ordinary cramp work-up');
    expect(f.grade).toBe('B/C');
    expect(f.citations.map((c) => c.key)).toEqual(['S27', 'S1', 'S7']);
  });

  it('is not-flagged when answered no', () => {
    const f = expectOutcome(patient().checklist({ [SEIZURE]: 'no' }, '2026-11-21', 'qr'), RULE, 'not-flagged');
    expect(f.evidence).toEqual([expect.objectContaining({ id: 'qr', role: 'checked', value: 'no' })]);
    expect(f.summary).toBe('No loss of consciousness or whole-body jerking reported');
  });

  it('is insufficient-data when no checklist was completed, or the item was left unanswered', () => {
    const none = expectOutcome(patient(), RULE, 'insufficient-data');
    expect(none.missing).toEqual(['not asked: loss of consciousness or whole-body jerking during an episode (checklist not completed)']);
    const blank = expectOutcome(patient().checklist({ 'calf-swelling': 'no' }, '2026-11-21'), RULE, 'insufficient-data');
    expect(blank.missing).toEqual(['not asked: loss of consciousness or whole-body jerking during an episode (not answered on the checklist)']);
  });

  it('treats a checklist from an earlier visit as not asked', () => {
    const f = expectOutcome(patient().checklist({ [SEIZURE]: 'yes' }, '2026-11-19'), RULE, 'insufficient-data');
    expect(f.missing[0]).toContain('last one 2026-11-19');
  });

  it("reads another system's form by item text (\"convulsions\", \"loss of consciousness\") with LOINC answers", () => {
    expectOutcome(otherFormResponse(patient(), 'ext', '2026-11-21', { 'Convulsions during the episode?': 'yes' }), RULE, 'flagged');
    expectOutcome(otherFormResponse(patient(), 'ext2', '2026-11-21', { 'Any loss of consciousness?': 'no' }), RULE, 'not-flagged');
  });
});
