/**
 * Reading a patient Bundle: every Bundle type, urn:uuid references, one patient per bundle, and
 * clear refusals of input that is not a FHIR Bundle.
 */
import { describe, expect, it } from 'vitest';
import { mapBundle, NotFhirError, readBundle } from '../../../src/fhir/read-bundle.js';
import { BundleBuilder } from '../../support/fhir-builder.js';

describe('readBundle', () => {
  it.each(['collection', 'searchset', 'transaction', 'batch'] as const)('reads a %s bundle and resolves urn:uuid subject references', (type) => {
    const b = new BundleBuilder({ id: 'p1', gender: 'female', birthDate: '1980-01-01' });
    b.add({ resourceType: 'Condition', id: 'c', subject: { reference: 'urn:uuid:patient-p1' }, code: { text: 'varicose veins' }, clinicalStatus: { coding: [{ code: 'active' }] } });
    const { record } = mapBundle(b.bundle(type));
    expect(record.patient?.source.id).toBe('p1');
    expect(record.conditions.map((c) => c.source.id)).toEqual(['c']);
  });

  it('refuses what is not a FHIR Bundle, saying what it is', () => {
    expect(() => readBundle([1, 2])).toThrow(new NotFhirError('not a FHIR resource: the file is not a JSON object'));
    expect(() => readBundle({ hello: 1 })).toThrow(/no resourceType/);
    expect(() => readBundle({ resourceType: 'Patient', id: 'x' })).toThrow(/not a FHIR Bundle: resourceType is "Patient"/);
    expect(() => readBundle({ resourceType: 'Bundle', type: 'nonsense' })).toThrow(/type "nonsense" is not a Bundle type/);
  });

  it('refuses a bundle holding two patients', () => {
    const b = new BundleBuilder({ id: 'a' }).add({ resourceType: 'Patient', id: 'b' });
    expect(() => readBundle(b.bundle())).toThrow(/holds 2 patients/);
  });

  it('marks one page of a search (a next link) as truncated, so nothing reads as "not found"', () => {
    const bundle = { ...new BundleBuilder({ id: 'p' }).bundle('searchset'), link: [{ relation: 'next', url: 'http://x/fhir/Observation?page=2' }] };
    expect(mapBundle(bundle).record.sources['*']).toEqual({ state: 'truncated', reason: 'the bundle is one page of a search: its next page is not included' });
  });
});
