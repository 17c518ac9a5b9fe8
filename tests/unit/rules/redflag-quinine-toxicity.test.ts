import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, finding, runWithSources, triggers } from '../../support/evaluate.js';
import { otherFormResponse } from './support/checklist-forms.js';

const RULE = 'redflag-quinine-toxicity';
const BLEEDING = 'bleeding-on-quinine';
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1944-07-21' });
const onQuinine = () => patient().medicationRequest({ id: 'q', text: 'quinine sulfate 324 MG Oral Capsule', date: '2026-10-07' });
const platelets = (b: BundleBuilder, value: number, date = '2026-11-11', extra: Record<string, unknown> = {}) =>
  b.lab({ id: 'plt', loinc: '777-3', value, unit: '10*3/uL', date, ...extra });

describe(RULE, () => {
  it('flags quinine with platelets 98 × 10⁹/L, naming the drug and the count, as urgent', () => {
    const f = expectOutcome(platelets(onQuinine(), 98), RULE, 'flagged');
    expect(triggers(f)).toEqual([
      expect.objectContaining({ resourceType: 'MedicationRequest', id: 'q', display: 'quinine sulfate 324 MG Oral Capsule', value: 'active' }),
      expect.objectContaining({ resourceType: 'Observation', id: 'plt', code: '777-3', value: 98, unit: '10*9/L', date: '2026-11-11' }),
    ]);
    expect(f.summary).toBe('On quinine with platelets 98 ×10⁹/L on 2026-11-11: stop quinine; urgent CBC and creatinine');
    expect(f.urgency).toBe('urgent');
    expect(f.redFlag).toBe(true);
    expect(f.grade).toBe('A');
    expect(f.citations.map((c) => c.key)).toEqual(['S4', 'S6']);
    expect(f.nextStep).toMatch(/^Stop quinine now\. Urgent CBC/);
  });

  it('is not flagged with normal platelets but stays insufficient-data while the bleeding question is unasked (example e03)', () => {
    const f = expectOutcome(platelets(onQuinine(), 250), RULE, 'insufficient-data');
    expect(f.missing).toEqual(['not asked: unusual bruising or bleeding while taking quinine (checklist not completed)']);
    expect(f.summary).toBe('On quinine: toxicity not excluded; ask about bruising or bleeding');
    expect(f.evidence).toContainEqual(expect.objectContaining({ id: 'plt', role: 'checked', value: 250 }));
    expect(f.urgency).toBeUndefined();
  });

  it('is not-flagged with a recent normal count and bleeding answered no', () => {
    const f = expectOutcome(platelets(onQuinine(), 250).checklist({ [BLEEDING]: 'no' }, '2026-11-21', 'qr'), RULE, 'not-flagged');
    expect(f.evidence).toEqual(expect.arrayContaining([
      expect.objectContaining({ resourceType: 'QuestionnaireResponse', id: 'qr', role: 'checked', value: 'no' }),
      expect.objectContaining({ id: 'plt', role: 'checked' }),
    ]));
    expect(f.summary).toBe('On quinine: platelets 250 ×10⁹/L on 2026-11-11, no bleeding reported; still plan to stop it');
  });

  it('uses 150 × 10⁹/L as a strict limit, in both units (boundary)', () => {
    const answered = (b: BundleBuilder) => b.checklist({ [BLEEDING]: 'no' }, '2026-11-21');
    expectOutcome(answered(platelets(onQuinine(), 150)), RULE, 'not-flagged');
    expectOutcome(answered(platelets(onQuinine(), 149)), RULE, 'flagged');
    expectOutcome(answered(platelets(onQuinine(), 150_000, '2026-11-11', { unit: '/uL' })), RULE, 'not-flagged');
    const f = expectOutcome(answered(platelets(onQuinine(), 149_000, '2026-11-11', { unit: '/uL' })), RULE, 'flagged');
    expect(triggers(f)[1]).toMatchObject({ value: 149_000, unit: '/uL' });
  });

  it('is same-day below 50 × 10⁹/L and urgent at 50 (boundary of the severe limit)', () => {
    expect(expectOutcome(platelets(onQuinine(), 49), RULE, 'flagged').urgency).toBe('same-day');
    expect(expectOutcome(platelets(onQuinine(), 50), RULE, 'flagged').urgency).toBe('urgent');
    expect(expectOutcome(platelets(onQuinine(), 49_999, '2026-11-11', { unit: '/uL' }), RULE, 'flagged').urgency).toBe('same-day');
  });

  it("ignores the lab's own range and interpretation: the red-flag limit is fixed", () => {
    expectOutcome(platelets(onQuinine(), 140, '2026-11-11', { low: 130, high: 400, interpretation: 'N' }), RULE, 'flagged');
  });

  it('fires on a low count up to 12 months old: 2025-11-21 counts, 2025-11-20 does not (boundary)', () => {
    expectOutcome(platelets(onQuinine(), 90, '2025-11-21'), RULE, 'flagged');
    const stale = expectOutcome(platelets(onQuinine(), 90, '2025-11-20').checklist({ [BLEEDING]: 'no' }, '2026-11-21'), RULE, 'insufficient-data');
    expect(stale.missing).toEqual(['no usable platelets result in the last 12 months; last one 2025-11-20 (90 10*9/L)']);
    expect(stale.summary).toBe('On quinine: toxicity not excluded; check a current platelet count');
  });

  it('reassures on a normal count only up to 3 months old: 2026-08-21 counts, 2026-08-20 asks for a new one (boundary)', () => {
    const answered = (date: string) => platelets(onQuinine(), 260, date).checklist({ [BLEEDING]: 'no' }, '2026-11-21');
    expectOutcome(answered('2026-08-21'), RULE, 'not-flagged');
    const old = expectOutcome(answered('2026-08-20'), RULE, 'insufficient-data');
    expect(old.missing).toEqual(['latest platelets 260 10*9/L on 2026-08-20 is normal but older than 3 months: a current result is needed']);
  });

  it('flags reported bruising or bleeding on quinine as same-day, even with normal platelets', () => {
    const f = expectOutcome(platelets(onQuinine(), 250).checklist({ [BLEEDING]: 'yes' }, '2026-11-21', 'qr'), RULE, 'flagged');
    expect(triggers(f)).toEqual(expect.arrayContaining([
      expect.objectContaining({ resourceType: 'MedicationRequest', id: 'q' }),
      expect.objectContaining({ resourceType: 'QuestionnaireResponse', id: 'qr', code: BLEEDING, value: 'yes', date: '2026-11-21' }),
    ]));
    expect(f.urgency).toBe('same-day');
    expect(f.summary).toBe('Bruising or bleeding reported on quinine: stop quinine; CBC and creatinine today');
  });

  it('flags reported bleeding on quinine when no quinine is on record (bought over the counter, tonic water)', () => {
    const f = expectOutcome(patient().checklist({ [BLEEDING]: 'yes' }, '2026-11-20', 'qr'), RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ resourceType: 'QuestionnaireResponse', id: 'qr', value: 'yes' })]);
  });

  it('treats tonic water or over-the-counter quinine reported on the checklist as quinine in use', () => {
    const low = expectOutcome(platelets(patient(), 120).checklist({ 'tonic-water-for-cramps': 'yes', [BLEEDING]: 'no' }, '2026-11-21', 'qr'), RULE, 'flagged');
    expect(triggers(low)).toEqual(expect.arrayContaining([expect.objectContaining({ resourceType: 'QuestionnaireResponse', id: 'qr', value: 'yes' }), expect.objectContaining({ id: 'plt', value: 120 })]));
    expectOutcome(platelets(patient(), 250).checklist({ 'tonic-water-for-cramps': 'yes' }, '2026-11-21'), RULE, 'insufficient-data');
    expectOutcome(platelets(patient(), 120).checklist({ 'tonic-water-for-cramps': 'no' }, '2026-11-21'), RULE, 'not-flagged');
  });

  it('is not-flagged without quinine on record, whether or not the bleeding question was asked', () => {
    expect(expectOutcome(patient(), RULE, 'not-flagged').summary).toBe('No quinine on record and no bleeding on quinine reported');
    expectOutcome(platelets(patient(), 40), RULE, 'not-flagged');
    expectOutcome(patient().checklist({ [BLEEDING]: 'no' }, '2026-11-21'), RULE, 'not-flagged');
  });

  it('does not count a stopped or entered-in-error quinine order', () => {
    for (const status of ['stopped', 'entered-in-error']) {
      const f = expectOutcome(platelets(patient().medicationRequest({ id: 'old', text: 'quinine sulfate 324 MG', status, date: '2024-02-01' }), 40), RULE, 'not-flagged');
      expect(f.evidence).toContainEqual(expect.objectContaining({ id: 'old', role: 'checked' }));
    }
  });

  it('treats a checklist from an earlier visit as not asked (older than a day)', () => {
    const f = expectOutcome(platelets(onQuinine(), 250).checklist({ [BLEEDING]: 'no' }, '2026-11-19'), RULE, 'insufficient-data');
    expect(f.missing).toEqual(['not asked: unusual bruising or bleeding while taking quinine (checklist not completed for this visit (last one 2026-11-19))']);
  });

  it("reads another system's form by item text, with yes as LOINC LA33-6", () => {
    const b = otherFormResponse(platelets(onQuinine(), 250), 'other', '2026-11-21', { 'Any unusual bruising or bleeding since starting quinine?': 'yes' });
    const f = expectOutcome(b, RULE, 'flagged');
    expect(triggers(f)).toContainEqual(expect.objectContaining({ resourceType: 'QuestionnaireResponse', id: 'other', value: 'yes' }));
  });

  it('matches quinine by ATC P01BC01 alone, and tonic water reported in a MedicationStatement with a contained Medication', () => {
    expectOutcome(platelets(patient().medicationRequest({ atc: 'P01BC01' }), 120), RULE, 'flagged');
    const f = expectOutcome(platelets(patient().medicationStatement({ id: 'tw', via: 'contained', text: 'Tonic water', status: 'active', date: '2026-09-01' }), 120), RULE, 'flagged');
    expect(triggers(f)[0]).toMatchObject({ resourceType: 'MedicationStatement', id: 'tw' });
  });

  it('does not mistake quinidine or hydroxychloroquine for quinine', () => {
    const b = platelets(patient().medicationRequest({ text: 'quiNIDine sulfate 200 MG' }).medicationRequest({ text: 'hydroxychloroquine sulfate 200 MG' }), 40);
    expectOutcome(b, RULE, 'not-flagged');
  });

  it('refuses a platelet count given as a bound (<20) and says so', () => {
    const f = expectOutcome(platelets(onQuinine(), 20, '2026-11-11', { comparator: '<' }).checklist({ [BLEEDING]: 'no' }, '2026-11-21'), RULE, 'insufficient-data');
    expect(f.missing.join(' ')).toMatch(/"<20 10\*3\/uL" of 2026-11-11 cannot be used: it is a bound/);
  });

  it('is insufficient-data, never not-flagged, when medications or platelets could not be read', () => {
    const meds = finding(runWithSources(patient(), { MedicationStatement: { state: 'failed', reason: 'HTTP 503' } }), RULE);
    expect(meds.outcome).toBe('insufficient-data');
    expect(meds.missing.join(' ')).toContain('MedicationStatement: could not be read (HTTP 503)');
    expect(meds.summary).toBe('Quinine use could not be checked: medications not fully read');
    const plt = finding(runWithSources(onQuinine().checklist({ [BLEEDING]: 'no' }, '2026-11-21'), { 'Observation:platelets': { state: 'not-authorised' } }), RULE);
    expect(plt.outcome).toBe('insufficient-data');
    expect(plt.missing).toEqual(['platelets results not authorised']);
  });
});
