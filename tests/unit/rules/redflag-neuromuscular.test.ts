import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, finding, runWithSources, triggers } from '../../support/evaluate.js';
import { otherFormResponse } from './support/checklist-forms.js';

const RULE = 'redflag-neuromuscular';
const WEAK = 'weakness-wasting-fasciculations';
const LONG = 'widespread-or-long-cramps';
const patient = () => new BundleBuilder({ gender: 'male', birthDate: '1962-05-14' });
const bothNo = (b: BundleBuilder) => b.checklist({ [WEAK]: 'no', [LONG]: 'no' }, '2026-11-21', 'qr');

describe(RULE, () => {
  it('flags reported weakness, wasting or fasciculations: prompt neurology, with the answer as evidence', () => {
    const f = expectOutcome(patient().checklist({ [WEAK]: 'yes', [LONG]: 'no' }, '2026-11-21', 'qr'), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ resourceType: 'QuestionnaireResponse', id: 'qr', code: WEAK, value: 'yes' })]);
    expect(f.summary).toBe('Neuromuscular red flag (weakness, wasting or fasciculations): prompt neurology, EMG/NCS');
    expect(f.urgency).toBe('prompt');
    expect(f.grade).toBe('B');
    expect(f.citations.map((c) => c.key)).toEqual(['S7', 'S23', 'S36']);
  });

  it('flags widespread cramps or cramps over 10 minutes even when the other question is unanswered', () => {
    const f = expectOutcome(patient().checklist({ [LONG]: 'yes' }, '2026-11-21'), RULE, 'flagged');
    expect(f.summary).toBe('Neuromuscular red flag (widespread cramps or cramps over 10 min): prompt neurology, EMG/NCS');
  });

  it('flags an active motor-neuron-disease code (G12.21), without any checklist', () => {
    const f = expectOutcome(patient().condition({ id: 'als', icd10: 'G12.21', display: 'Amyotrophic lateral sclerosis' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ resourceType: 'Condition', id: 'als', code: 'G12.21', value: 'active' })]);
    expect(f.summary).toBe('Neuromuscular red flag (motor neuron disease on record): prompt neurology, EMG/NCS');
  });

  it('matches ALS by SNOMED 86044005 and by text only', () => {
    expectOutcome(bothNo(patient().condition({ snomed: '86044005' })), RULE, 'flagged');
    expectOutcome(bothNo(patient().condition({ text: 'Motor neurone disease' })), RULE, 'flagged');
  });

  it('does not count a refuted, entered-in-error or "suspected" motor neuron disease', () => {
    expectOutcome(bothNo(patient().condition({ icd10: 'G12.21', verificationStatus: 'refuted' })), RULE, 'not-flagged');
    expectOutcome(bothNo(patient().condition({ icd10: 'G12.21', verificationStatus: 'entered-in-error' })), RULE, 'not-flagged');
    expectOutcome(bothNo(patient().condition({ text: 'Suspected motor neuron disease, ruled out' })), RULE, 'not-flagged');
  });

  it('shows a neuropathy as supporting evidence but does not fire on it', () => {
    const f = expectOutcome(patient().condition({ id: 'pn', icd10: 'G62.9' }).checklist({ [WEAK]: 'yes' }, '2026-11-21'), RULE, 'flagged');
    expect(f.evidence).toContainEqual(expect.objectContaining({ id: 'pn', role: 'supporting' }));
    expectOutcome(bothNo(patient().condition({ icd10: 'G62.9' })), RULE, 'not-flagged');
  });

  it('is not-flagged only with both questions answered no and no MND on record', () => {
    const f = expectOutcome(bothNo(patient()), RULE, 'not-flagged');
    expect(f.evidence).toContainEqual(expect.objectContaining({ resourceType: 'QuestionnaireResponse', id: 'qr', role: 'checked', value: 'no' }));
    expect(f.evidence.every((e) => e.role === 'checked')).toBe(true);
    expect(f.summary).toBe('No weakness, wasting, fasciculations or atypical cramps reported; no motor neuron disease on record');
  });

  it('is insufficient-data with no checklist for this visit, naming both questions', () => {
    const f = expectOutcome(patient(), RULE, 'insufficient-data');
    expect(f.missing).toEqual([
      'not asked: muscle weakness, wasting or visible twitching (fasciculations) (checklist not completed)',
      'not asked: cramps in unusual or widespread muscles, or lasting longer than 10 minutes (checklist not completed)',
    ]);
    expect(f.summary).toBe('Not asked: weakness, wasting, fasciculations, widespread or prolonged cramps');
    const old = expectOutcome(patient().checklist({ [WEAK]: 'yes', [LONG]: 'no' }, '2026-11-19'), RULE, 'insufficient-data');
    expect(old.missing[0]).toContain('last one 2026-11-19');
  });

  it("reads another system's form by item text, with LOINC answer codings", () => {
    const f = expectOutcome(otherFormResponse(patient(), 'ext', '2026-11-21', { 'Visible fasciculations?': 'yes', 'Cramps lasting more than 10 minutes?': 'no' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ resourceType: 'QuestionnaireResponse', id: 'ext', code: WEAK, value: 'yes' })]);
    expectOutcome(otherFormResponse(patient(), 'ext2', '2026-11-21', { 'Muscle wasting?': 'no', 'Widespread cramps (thighs, abdomen, hands)?': 'no' }), RULE, 'not-flagged');
  });

  it('is insufficient-data, never not-flagged, when Conditions could not be read', () => {
    const f = finding(runWithSources(bothNo(patient()), { Condition: { state: 'not-authorised' } }), RULE);
    expect(f.outcome).toBe('insufficient-data');
    expect(f.missing).toEqual(['conditions not authorised, so motor neuron disease cannot be ruled out']);
    expect(f.summary).toBe('Neuromuscular red flags could not all be checked');
  });
});
