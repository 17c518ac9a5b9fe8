import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { expectOutcome, finding, runWithSources, triggers } from '../../support/evaluate.js';

const RULE = 'lab-raised-ck';
const person = (gender?: string) => new BundleBuilder({ ...(gender ? { gender } : {}), birthDate: '1957-02-02' });
const ck = (value: number, gender = 'female', extra: Record<string, unknown> = {}, unit = 'U/L') => person(gender).lab({ id: 'ck', loinc: '2157-6', value, unit, date: '2026-07-07', ...extra });

describe(RULE, () => {
  it('flags CK 410 U/L in a woman, and shows an active statin beside it', () => {
    const b = ck(410).medicationRequest({ id: 'statin', text: 'Atorvastatin 40 MG Oral Tablet', date: '2026-01-05' });
    const f = expectOutcome(b, RULE, 'flagged');
    expect(triggers(f)).toEqual([expect.objectContaining({ id: 'ck', code: '2157-6', value: 410, unit: 'U/L', date: '2026-07-07', note: 'above 135 U/L; default limit for this patient 135 U/L (female limit)' })]);
    expect(f.evidence.find((e) => e.id === 'statin')).toMatchObject({ role: 'supporting', resourceType: 'MedicationRequest' });
    expect(f.summary).toBe('CK raised: 410 U/L on 2026-07-07 (on atorvastatin)');
  });

  it('default limit by sex: women 135 (136 flags), men 170 (170 does not, 171 does)', () => {
    expectOutcome(ck(135), RULE, 'not-flagged');
    expectOutcome(ck(136), RULE, 'flagged');
    expectOutcome(ck(150, 'male'), RULE, 'not-flagged');
    expectOutcome(ck(170, 'male'), RULE, 'not-flagged');
    expectOutcome(ck(171, 'male'), RULE, 'flagged');
  });

  it('uses the lower (female) limit when sex is unknown or not recorded, and says so', () => {
    const f = expectOutcome(ck(150, 'unknown'), RULE, 'flagged');
    expect(triggers(f)[0]!.note).toContain('female limit used because sex is recorded as unknown');
    expectOutcome(ck(150, ''), RULE, 'flagged');
  });

  it('converts µkat/L (× 60): 2.3 µkat/L (138 U/L) is raised for a woman, 2.25 (135) is not', () => {
    expectOutcome(ck(2.3, 'female', {}, 'ukat/L'), RULE, 'flagged');
    expectOutcome(ck(2.25, 'female', {}, 'ukat/L'), RULE, 'not-flagged');
  });

  it("prefers the lab's own upper limit to the default, both ways", () => {
    expectOutcome(ck(180, 'female', { low: 26, high: 192 }), RULE, 'not-flagged');
    const f = expectOutcome(ck(150, 'male', { low: 39, high: 145 }), RULE, 'flagged');
    expect(triggers(f)[0]!.note).toContain("above the lab's upper limit 145 U/L");
  });

  it('uses an interpretation code alone when there is no range', () => {
    expectOutcome(ck(120, 'female', { interpretation: 'H' }), RULE, 'flagged');
    expectOutcome(ck(160, 'female', { interpretation: 'N' }), RULE, 'not-flagged');
  });

  it('refuses a comparator and a text value', () => {
    const gt = expectOutcome(ck(20000, 'female', { comparator: '>' }), RULE, 'insufficient-data');
    expect(gt.missing).toEqual(['no usable creatine kinase (CK) result in the last 12 months; the result ">20000 U/L" of 2026-07-07 cannot be used: it is a bound, not a value']);
    expectOutcome(person('female').lab({ loinc: '2157-6', valueString: 'haemolysed', date: '2026-07-07' }), RULE, 'insufficient-data');
  });

  it('uses only results within 12 months: 2025-11-21 counts, 2025-11-20 is stale', () => {
    expectOutcome(person('female').lab({ loinc: '2157-6', value: 400, unit: 'U/L', date: '2025-11-21' }), RULE, 'flagged');
    const stale = expectOutcome(person('female').lab({ loinc: '2157-6', value: 400, unit: 'U/L', date: '2025-11-20' }), RULE, 'insufficient-data');
    expect(stale.missing).toEqual(['no usable creatine kinase (CK) result in the last 12 months; last one 2025-11-20 (400 U/L)']);
  });

  it('ignores a newer CK that was cancelled', () => {
    expectOutcome(ck(90).lab({ loinc: '2157-6', value: 900, unit: 'U/L', date: '2026-08-01', status: 'cancelled' }), RULE, 'not-flagged');
  });

  it('is insufficient-data when the CK source failed and the value it has is normal', () => {
    const f = finding(runWithSources(ck(90), { 'Observation:ck': { state: 'failed', reason: 'HTTP 500' } }), RULE);
    expect(f.outcome).toBe('insufficient-data');
    expect(f.missing).toEqual(['creatine kinase (CK) results could not be read (HTTP 500): a newer result may be missing']);
  });
});
