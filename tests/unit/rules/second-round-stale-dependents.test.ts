/**
 * Rules that use a drug as an input treat a stale order like a medication rule does (rule
 * catalogue, second round: "Stale 'active' medication orders"): insufficient-data where the stale
 * order alone would have made them fire, with the question in `missing`; a recent sign of use
 * makes the same order count again. As of 2026-11-21.
 */
import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome } from '../../support/evaluate.js';

const older = () => new BundleBuilder({ gender: 'male', birthDate: '1941-05-09' });

describe('gap-diuretic-without-electrolytes with a diuretic order from 1974', () => {
  const hctz = (b = older()) => b.medicationRequest({ id: 'hctz', text: 'Hydrochlorothiazide 25 MG Oral Tablet', date: '1974-06-12' });

  it('asks whether the patient still takes it instead of asking for tests', () => {
    const f = expectOutcome(hctz(), 'gap-diuretic-without-electrolytes', 'insufficient-data');
    expect(f.missing).toContain('whether the patient still takes hydrochlorothiazide (order from 1974 still marked active; nothing since)');
    expectOutcome(hctz(), 'med-thiazide-diuretic', 'insufficient-data');
  });

  it('asks for the tests again when the drug was dispensed in the last 15 months', () => {
    const b = hctz().medicationDispense({ text: 'Hydrochlorothiazide 25 MG Oral Tablet', date: '2026-01-10' });
    expectOutcome(b, 'gap-diuretic-without-electrolytes', 'flagged');
    expectOutcome(b, 'med-thiazide-diuretic', 'flagged');
  });
});

describe('redflag-quinine-toxicity and safety-quinine with a quinine order from 2009', () => {
  const quinine = () => older().medicationRequest({ id: 'q', text: 'quinine sulfate 324 MG Oral Capsule', date: '2009-03-02' }).lab({ id: 'plt', loinc: '777-3', value: 62, unit: '10*3/uL', date: '2026-11-11' });

  it('does not claim quinine toxicity on a stale order, and asks', () => {
    const f = expectOutcome(quinine(), 'redflag-quinine-toxicity', 'insufficient-data');
    expect(f.missing).toContain('whether the patient still takes quinine (order from 2009 still marked active; nothing since)');
    const safety = expectOutcome(quinine(), 'safety-quinine', 'insufficient-data');
    expect(safety.summary).toBe('Still taking quinine? Order from 2009 still marked active; nothing since');
  });

  it('fires when the same quinine was asserted as taken this year', () => {
    const b = quinine().medicationStatement({ text: 'Quinine sulfate 324 MG', status: 'active', date: '2009-03-02', asserted: '2026-09-30' });
    expectOutcome(b, 'redflag-quinine-toxicity', 'flagged');
  });
});

describe('redflag-nocturnal-hypoglycemia with a sulfonylurea order from 2011', () => {
  it('asks whether the patient still takes glipizide; fires with a dispense in the last 15 months', () => {
    const b = () => older().medicationRequest({ text: 'glipiZIDE 5 MG Oral Tablet', date: '2011-08-01' }).lab({ loinc: '2345-7', value: 58, unit: 'mg/dL', date: '2026-11-02' });
    const f = expectOutcome(b(), 'redflag-nocturnal-hypoglycemia', 'insufficient-data');
    expect(f.missing).toContain('whether the patient still takes glipizide (order from 2011 still marked active; nothing since)');
    expectOutcome(b().medicationDispense({ text: 'glipiZIDE 5 MG Oral Tablet', date: '2025-12-01' }), 'redflag-nocturnal-hypoglycemia', 'flagged');
  });
});

describe('med-neurotoxic-chemotherapy on orders never closed since 1966-1975', () => {
  it('is a question, not "recent neurotoxic chemotherapy"', () => {
    const f = expectOutcome(older().medicationRequest({ text: 'Cisplatin 50 MG Injection', date: '1968-02-01' }), 'med-neurotoxic-chemotherapy', 'insufficient-data');
    expect(f.summary).toBe('Still taking cisplatin? Order from 1968 still marked active; nothing since');
  });
});
