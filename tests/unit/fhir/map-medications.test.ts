/**
 * Medication mapping: the four resource types, inline concepts and references to contained or
 * separate Medications, statuses and dates.
 */
import { describe, expect, it } from 'vitest';
import { mapBundle } from '../../../src/fhir/read-bundle.js';
import { BundleBuilder } from '../../support/fhir-builder.js';

const meds = (b: BundleBuilder) => mapBundle(b.bundle()).record.medications;

describe('medication mapping', () => {
  it('reads each resource type with its own date field', () => {
    const b = new BundleBuilder({ id: 'p' })
      .medicationRequest({ id: 'r', text: 'a', date: '2026-01-01' })
      .medicationStatement({ id: 's', text: 'b', date: '2026-02-01', periodEnd: '2026-03-01', status: 'completed' })
      .medicationDispense({ id: 'd', text: 'c', date: '2026-04-01' })
      .medicationAdministration({ id: 'a', text: 'd', date: '2026-05-01' });
    expect(meds(b).map((m) => [m.kind, m.source.id, m.date, m.periodEnd])).toEqual([
      ['request', 'r', '2026-01-01', undefined],
      ['statement', 's', '2026-02-01', '2026-03-01'],
      ['dispense', 'd', '2026-04-01', undefined],
      ['administration', 'a', '2026-05-01', undefined],
    ]);
  });

  it('follows medicationReference to a contained Medication, with ingredients and form', () => {
    const [m] = meds(new BundleBuilder().medicationRequest({ via: 'contained', rxnorm: '316049', text: 'HCTZ tabs', ingredients: ['hydrochlorothiazide'], form: 'Oral Tablet', route: 'Oral route' }));
    expect(m).toMatchObject({ codings: [{ code: '316049' }], text: 'HCTZ tabs', ingredientTexts: ['hydrochlorothiazide'], formTexts: ['Oral Tablet', 'Oral route'] });
  });

  it('follows medicationReference to a separate Medication by urn:uuid and by Medication/id', () => {
    const [byUuid] = meds(new BundleBuilder().medicationRequest({ via: 'reference', text: 'Lasix 40mg' }));
    expect(byUuid?.text).toBe('Lasix 40mg');
    const b = new BundleBuilder({ id: 'p' });
    b.add({ resourceType: 'Medication', id: 'med9', code: { text: 'spironolactone 25 mg' } }, 'http://ehr.example/fhir/Medication/med9');
    b.add({ resourceType: 'MedicationRequest', id: 'r9', status: 'active', intent: 'order', subject: { reference: 'Patient/p' }, medicationReference: { reference: 'Medication/med9' } });
    expect(meds(b)[0]?.text).toBe('spironolactone 25 mg');
  });

  it('keeps an unresolvable reference by its display and counts it', () => {
    const b = new BundleBuilder({ id: 'p' });
    b.add({ resourceType: 'MedicationRequest', id: 'r', status: 'active', intent: 'order', subject: { reference: 'Patient/p' }, medicationReference: { reference: 'Medication/missing', display: 'Aldactone' } });
    const { record, report } = mapBundle(b.bundle());
    expect(record.medications[0]?.text).toBe('Aldactone');
    expect(report.dropped).toEqual({ 'MedicationRequest: medicationReference not resolved (kept by its display text only)': 1 });
  });

  it('keeps status, intent and doNotPerform as sent', () => {
    const [m] = meds(new BundleBuilder().medicationRequest({ text: 'x', status: 'on-hold', intent: 'plan', doNotPerform: true }));
    expect(m).toMatchObject({ status: 'on-hold', intent: 'plan', doNotPerform: true });
  });

  it('drops resources about another patient and says so', () => {
    const b = new BundleBuilder({ id: 'p' });
    b.add({ resourceType: 'MedicationRequest', id: 'x', status: 'active', intent: 'order', subject: { reference: 'Patient/someone-else' }, medicationCodeableConcept: { text: 'quinine' } });
    const { record, report } = mapBundle(b.bundle());
    expect(record.medications).toEqual([]);
    expect(report.dropped).toEqual({ 'MedicationRequest: belongs to another patient': 1 });
  });

  it('drops a medication resource without a status or a medication, and counts why', () => {
    const b = new BundleBuilder({ id: 'p' });
    b.add({ resourceType: 'MedicationStatement', id: 'n1', subject: { reference: 'Patient/p' }, medicationCodeableConcept: { text: 'x' } });
    b.add({ resourceType: 'MedicationStatement', id: 'n2', status: 'active', subject: { reference: 'Patient/p' } });
    const { report } = mapBundle(b.bundle());
    expect(report.dropped).toEqual({ 'MedicationStatement: no status': 1, 'MedicationStatement: no medication': 1 });
  });
});
