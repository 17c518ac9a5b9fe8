/**
 * Deceased patients (rule catalogue, second round): the evaluator's `patient` object says so, age
 * is the age at death, a death after the as-of date means alive then, and the rules still run.
 */
import { describe, expect, it } from 'vitest';
import { vitalStatus } from '../../../rules/engine/vital-status.js';
import { BundleBuilder } from '../../support/fhir-builder.js';
import { run } from '../../support/evaluate.js';

const patient = (extra: Record<string, unknown>) => {
  const b = new BundleBuilder({ id: 'p', gender: 'female', birthDate: '1907-03-14' });
  const bundle = b.bundle() as { entry: { resource: Record<string, unknown> }[] };
  return { ...bundle, entry: bundle.entry.map((e) => (e.resource.resourceType === 'Patient' ? { ...e, resource: { ...e.resource, ...extra } } : e)) };
};

describe('deceased patients in the report', () => {
  it('reports deceasedDateTime as deceased, with the day of death and the age at death, not "age 119"', () => {
    const r = run(patient({ deceasedDateTime: '1994-08-02T04:10:00-05:00' }), '2026-11-21');
    expect(r.patient).toEqual({ id: 'p', ageYears: 87, gender: 'female', deceased: true, deceasedDate: '1994-08-02' });
  });

  it('counts the birthday on the day of death: died on her 87th birthday → 87, the day before → 86', () => {
    expect(run(patient({ deceasedDateTime: '1994-03-14' }), '2026-11-21').patient.ageYears).toBe(87);
    expect(run(patient({ deceasedDateTime: '1994-03-13' }), '2026-11-21').patient.ageYears).toBe(86);
  });

  it('reads deceasedBoolean true as deceased, with age at the as-of date and no deceasedDate', () => {
    const r = run(patient({ deceasedBoolean: true }), '2000-01-01');
    expect(r.patient).toEqual({ id: 'p', ageYears: 92, gender: 'female', deceased: true });
  });

  it('is alive on the as-of date when the death is dated after it (a review of an earlier day), and with deceasedBoolean false', () => {
    expect(run(patient({ deceasedDateTime: '1994-08-02' }), '1994-08-01').patient).toEqual({ id: 'p', ageYears: 87, gender: 'female', deceased: false });
    expect(run(patient({ deceasedDateTime: '1994-08-02' }), '1994-08-02').patient.deceased).toBe(true);
    expect(run(patient({ deceasedBoolean: false }), '2026-11-21').patient.deceased).toBe(false);
  });

  it('still runs every rule as of the as-of date, so a chart review stays possible', () => {
    const r = run(patient({ deceasedDateTime: '1994-08-02' }), '2026-11-21');
    expect(r.findings.length).toBeGreaterThan(60);
    expect(r.findings.every((f) => f.outcome !== 'error')).toBe(true);
  });

  it('keeps a malformed death date as a death without a day, never as a wrong day', () => {
    const r = run(patient({ deceasedDateTime: '1994/08/02' }), '2026-11-21');
    expect(r.patient.deceased).toBe(true);
    expect(r.patient).not.toHaveProperty('deceasedDate');
  });
});

describe('vitalStatus', () => {
  it('gives no age without a birth date, and handles a partial birth date from its last possible day', () => {
    expect(vitalStatus({ source: { resourceType: 'Patient', id: 'x' }, gender: 'male', deceased: true, deceasedDate: '2001-02-03' }, '2026-01-01')).toEqual({ deceased: true, deceasedDate: '2001-02-03' });
    expect(vitalStatus({ source: { resourceType: 'Patient', id: 'x' }, gender: 'male', birthDate: '1950', deceased: true, deceasedDate: '2000-06-01' }, '2026-01-01').ageYears).toBe(49);
  });
});
