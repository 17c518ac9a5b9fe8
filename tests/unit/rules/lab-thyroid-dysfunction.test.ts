import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, finding, runWithSources, triggers } from '../../support/evaluate.js';

const RULE = 'lab-thyroid-dysfunction';
const patient = () => new BundleBuilder({ gender: 'female', birthDate: '1966-07-07' });
const tsh = (value: number, extra: Record<string, unknown> = {}, unit = 'mIU/L') => patient().lab({ id: 'tsh', loinc: '3016-3', value, unit, date: '2026-04-10', ...extra });

describe(RULE, () => {
  it('flags a high TSH as suggesting hypothyroidism, with free T4 shown as supporting evidence', () => {
    const b = tsh(9.8).lab({ id: 't4', loinc: '14920-3', value: 8.1, unit: 'pmol/L', date: '2026-04-10', low: 12, high: 22 });
    const f = expectOutcome(b, RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'tsh', code: '3016-3', value: 9.8, unit: 'mIU/L', date: '2026-04-10', note: 'above 4.5 mIU/L' })]);
    expect(f.evidence.find((e) => e.id === 't4')).toMatchObject({ role: 'supporting', value: 8.1, unit: 'pmol/L', note: expect.stringContaining('lab range 12–22 pmol/L') });
    expect(f.summary).toBe('TSH high: 9.8 mIU/L on 2026-04-10; suggests an under-active thyroid (hypothyroidism); free T4 8.1 pmol/L');
  });

  it('flags a low TSH as suggesting hyperthyroidism, and says when there is no free T4', () => {
    const f = expectOutcome(tsh(0.05), RULE, 'flagged');
    expect(f.summary).toBe('TSH low: 0.05 mIU/L on 2026-04-10; suggests an over-active thyroid (hyperthyroidism)');
    expect(f.detail).toContain('No free T4 in the last 12 months');
  });

  it('default range boundaries: 4.5 and 0.4 mIU/L are within range; 4.51 and 0.39 are not', () => {
    expectOutcome(tsh(4.5), RULE, 'not-flagged');
    expectOutcome(tsh(4.51), RULE, 'flagged');
    expectOutcome(tsh(0.4), RULE, 'not-flagged');
    expectOutcome(tsh(0.39), RULE, 'flagged');
  });

  it('reads µIU/mL (the same quantity as mIU/L) and Synthea\'s m[IU]/L', () => {
    expectOutcome(tsh(4.6, {}, 'u[IU]/mL'), RULE, 'flagged');
    expectOutcome(tsh(2.39, {}, 'm[IU]/L'), RULE, 'not-flagged');
  });

  it("prefers the lab's own range to the default, both ways", () => {
    expectOutcome(tsh(4.8, { low: 0.27, high: 5.0 }), RULE, 'not-flagged');
    const f = expectOutcome(tsh(4.2, { low: 0.4, high: 4.0 }), RULE, 'flagged');
    expect(triggers(f)[0]!.note).toBe("above the lab's upper limit 4 mIU/L");
    expectOutcome(tsh(0.35, { low: 0.3, high: 4.2 }), RULE, 'not-flagged');
  });

  it('uses an interpretation code alone when there is no range, in either direction', () => {
    expect(expectOutcome(tsh(4.3, { interpretation: 'H' }), RULE, 'flagged').summary).toContain('TSH high');
    expect(expectOutcome(tsh(0.45, { interpretation: 'L' }), RULE, 'flagged').summary).toContain('TSH low');
    expectOutcome(tsh(5.2, { interpretation: 'N' }), RULE, 'not-flagged');
  });

  it('refuses a comparator (TSH "<0.01") and a text value', () => {
    const lt = expectOutcome(tsh(0.01, { comparator: '<' }), RULE, 'insufficient-data');
    expect(lt.missing).toEqual(['no usable TSH result in the last 12 months; the result "<0.01 mIU/L" of 2026-04-10 cannot be used: it is a bound, not a value']);
    expectOutcome(patient().lab({ loinc: '3016-3', valueString: 'see comment', date: '2026-04-10' }), RULE, 'insufficient-data');
  });

  it('uses only results within 12 months: 2025-11-21 counts, 2025-11-20 is stale and named', () => {
    expectOutcome(patient().lab({ loinc: '11580-8', value: 8, unit: 'mIU/L', date: '2025-11-21' }), RULE, 'flagged');
    const stale = expectOutcome(patient().lab({ loinc: '11580-8', value: 8, unit: 'mIU/L', date: '2025-11-20' }), RULE, 'insufficient-data');
    expect(stale.missing).toEqual(['no usable TSH result in the last 12 months; last one 2025-11-20 (8 mIU/L)']);
  });

  it('does not decide on free T4 alone', () => {
    expectOutcome(patient().lab({ loinc: '14920-3', value: 40, unit: 'pmol/L', date: '2026-04-10', interpretation: 'H' }), RULE, 'insufficient-data');
  });

  it('ignores a newer TSH entered in error or cancelled', () => {
    for (const status of ['entered-in-error', 'cancelled']) {
      expectOutcome(tsh(2.1).lab({ loinc: '3016-3', value: 12, unit: 'mIU/L', date: '2026-09-01', status }), RULE, 'not-flagged');
    }
  });

  it('is insufficient-data when the TSH source failed and the value it has is normal', () => {
    const f = finding(runWithSources(tsh(2.0), { 'Observation:tsh': { state: 'failed', reason: 'HTTP 504' } }), RULE);
    expect(f.outcome).toBe('insufficient-data');
    expect(f.missing).toEqual(['TSH results could not be read (HTTP 504): a newer result may be missing']);
  });
});

describe(`${RULE} in thyroid hormone users (rule catalogue, second round)`, () => {
  const onLevo = (value: number) => tsh(value).medicationRequest({ id: 'levo', text: 'Levothyroxine sodium 0.1 MG Oral Tablet', date: '2026-02-01' });

  it('reads a low TSH on levothyroxine as over-replacement, with the drug beside it and primary care as the next step', () => {
    const f = expectOutcome(onLevo(0.05), RULE, 'flagged');
    expect(f.summary).toBe('TSH low on levothyroxine: 0.05 mIU/L on 2026-04-10; suggests over-replacement: review the thyroid hormone dose');
    expect(f.evidence).toContainEqual(expect.objectContaining({ id: 'levo', role: 'supporting' }));
    expect(f.detail).toContain('suggests over-replacement');
    expect(f.nextStep).toBe('Primary care: review the thyroid hormone dose.');
  });

  it('reads a high TSH on liothyronine (Cytomel, in a statement) as under-replacement', () => {
    const b = tsh(7.9).medicationStatement({ text: 'Cytomel 25 MCG Oral Tablet', status: 'active', date: '2026-06-01' });
    const f = expectOutcome(b, RULE, 'flagged');
    expect(f.summary).toBe('TSH high on liothyronine: 7.9 mIU/L on 2026-04-10; suggests under-replacement: review the thyroid hormone dose');
  });

  it('keeps the thyroid-disease wording without a thyroid hormone in use (a stopped order), and asks about a stale one', () => {
    const stopped = expectOutcome(tsh(0.05).medicationRequest({ text: 'Levothyroxine 0.1 MG', status: 'stopped', date: '2026-02-01' }), RULE, 'flagged');
    expect(stopped.summary).toBe('TSH low: 0.05 mIU/L on 2026-04-10; suggests an over-active thyroid (hyperthyroidism)');
    expect(stopped.nextStep).toMatch(/^Primary care or endocrinology/);
    const stale = expectOutcome(tsh(0.05).medicationRequest({ text: 'Levothyroxine 0.1 MG', date: '2014-02-01' }), RULE, 'flagged');
    expect(stale.summary).toBe('TSH low: 0.05 mIU/L on 2026-04-10; ask whether still taking levothyroxine (old order)');
  });

  it('does not change the outcome: a TSH within range on levothyroxine is not-flagged', () => {
    expectOutcome(onLevo(2.1), RULE, 'not-flagged');
  });
});
