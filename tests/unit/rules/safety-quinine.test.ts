import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { AS_OF, expectOutcome, finding, runWithSources, triggers } from '../../support/evaluate.js';

const RULE = 'safety-quinine';
const TONIC = 'tonic-water-for-cramps';
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1941-05-05' });
const askedNo = (b = patient()) => b.checklist({ [TONIC]: 'no' }, AS_OF, 'qr-no');

/** Nothing the rule says may present quinine as something to take. */
const SUGGESTS_QUININE = /(try|start|take|consider|prescribe|use) (a )?(quinine|tonic)|quinine (may|can|could|will) (help|relieve|prevent)/i;

describe(RULE, () => {
  it('flags an active quinine order as a safety warning, grade A, citing FDA and MHRA, with a plan to stop', () => {
    const f = expectOutcome(patient().medicationRequest({ id: 'q', text: 'Quinine Sulfate 324 MG Oral Capsule', date: '2026-09-01' }), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ resourceType: 'MedicationRequest', id: 'q', display: 'Quinine Sulfate 324 MG Oral Capsule', value: 'active', date: '2026-09-01' })]);
    expect(f.summary).toBe('Quinine in use (quinine): not recommended for cramps (bleeding, kidney harm); plan to stop');
    expect(f.grade).toBe('A');
    expect(f.redFlag).toBe(false);
    expect(f.citations.map((c) => c.key)).toEqual(['S4', 'S6']);
    expect(f.nextStep).toMatch(/Plan to stop.*no benefit after 4 weeks.*every 3 months.*CBC and creatinine.*QT/);
  });

  it('never words quinine as a treatment, in any outcome', () => {
    const outcomes = [
      expectOutcome(patient().medicationRequest({ text: 'Qualaquin 324 mg' }), RULE, 'flagged'),
      expectOutcome(askedNo(), RULE, 'not-flagged'),
      expectOutcome(patient(), RULE, 'not-flagged'),
      finding(runWithSources(patient(), { MedicationRequest: { state: 'failed' } }), RULE),
    ];
    for (const f of outcomes) for (const text of [f.summary, f.detail, f.nextStep]) expect(text).not.toMatch(SUGGESTS_QUININE);
  });

  it('flags tonic water or quinine for cramps reported on the checklist, with no quinine on record', () => {
    const f = expectOutcome(patient().checklist({ [TONIC]: 'yes' }, AS_OF, 'qr-yes'), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ resourceType: 'QuestionnaireResponse', id: 'qr-yes', code: TONIC, value: 'yes', date: AS_OF })]);
    expect(f.summary).toBe('Takes tonic water or quinine for cramps: not recommended (bleeding, kidney harm); advise stopping');
  });

  it('is not-flagged with medications read in full, no quinine, and the tonic-water question answered no', () => {
    const f = expectOutcome(askedNo(), RULE, 'not-flagged');
    expect(f.summary).toBe('No quinine on record and no tonic water or quinine taken for cramps');
    expect(f.evidence).toEqual([expect.objectContaining({ id: 'qr-no', role: 'checked', value: 'no' })]);
  });

  it('is not-flagged without a checklist (shared example e02), and the summary asks about tonic water', () => {
    const f = expectOutcome(patient().condition({ icd10: 'Z34.00', display: 'Encounter for supervision of normal first pregnancy' }), RULE, 'not-flagged');
    expect(f.summary).toBe('No quinine on record; ask about tonic water or quinine bought for the cramps');
    expect(f.missing).toEqual([]);
    const stale = expectOutcome(patient().checklist({ [TONIC]: 'yes' }, '2026-11-19'), RULE, 'not-flagged');
    expect(stale.summary).toBe('No quinine on record; ask about tonic water or quinine bought for the cramps');
  });

  it('flags quinine on record even when the checklist was not asked (either source is enough)', () => {
    expect(triggers(expectOutcome(patient().medicationRequest({ atc: 'P01BC01' }), RULE, 'flagged'))[0]).toMatchObject({ code: 'P01BC01' });
    expectOutcome(patient().medicationRequest({ rxnorm: '9071' }), RULE, 'flagged');
  });

  it('matches tonic water recorded as a medicine, and quinine by a referenced Medication', () => {
    expectOutcome(patient().medicationStatement({ via: 'contained', text: 'Tonic water, 1 glass at night', date: '2026-11-01' }), RULE, 'flagged');
    expectOutcome(patient().medicationRequest({ via: 'reference', text: 'Quinine sulphate 300 mg tablets' }), RULE, 'flagged');
  });

  it('does not mistake hydroxychloroquine or quinidine for quinine', () => {
    expectOutcome(askedNo().medicationRequest({ text: 'Hydroxychloroquine Sulfate 200 MG Oral Tablet' }).medicationRequest({ text: 'Quinidine Gluconate 324 MG' }), RULE, 'not-flagged');
  });

  it('does not count stopped or entered-in-error quinine, and counts a dispense at 90 days but not 91', () => {
    for (const status of ['stopped', 'entered-in-error']) expectOutcome(askedNo().medicationRequest({ text: 'Quinine Sulfate 324 MG', status }), RULE, 'not-flagged');
    expectOutcome(askedNo().medicationDispense({ text: 'Quinine Sulfate 324 MG', date: '2026-08-23' }), RULE, 'flagged');
    expectOutcome(askedNo().medicationDispense({ text: 'Quinine Sulfate 324 MG', date: '2026-08-22' }), RULE, 'not-flagged');
  });

  it('is insufficient-data, never not-flagged, when a medication source failed, whether or not tonic water was asked', () => {
    for (const state of ['failed', 'not-authorised'] as const) {
      for (const b of [askedNo(), patient()]) {
        const f = finding(runWithSources(b, { MedicationStatement: { state } }), RULE);
        expect(f.outcome).toBe('insufficient-data');
        expect(f.summary).toBe('Quinine use could not be checked: medications could not all be read');
        expect(f.missing.join(' ')).toContain('MedicationStatement');
      }
    }
    expect(finding(runWithSources(patient().checklist({ [TONIC]: 'yes' }, AS_OF), { MedicationRequest: { state: 'failed' } }), RULE).outcome).toBe('flagged');
  });
});
