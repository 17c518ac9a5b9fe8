/**
 * Malformed dates outside lab results (rule catalogue, second round): on a Condition, a medication
 * record, a checklist response or the Patient, a date that is not a FHIR date in full is read as
 * absent (never as another day) and counted in the mapping report, so dataStatus says so. Partial
 * dates stay valid. Ill-formed condition codes are counted too.
 */
import { describe, expect, it } from 'vitest';
import { CHECKLIST_QUESTIONNAIRE_URL } from '../../../rules/codes/checklist.js';
import { mapBundle } from '../../../src/fhir/read-bundle.js';

const subject = { reference: 'Patient/p' };
const bundle = (resources: Record<string, unknown>[], patient: Record<string, unknown> = {}) => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: [{ resource: { resourceType: 'Patient', id: 'p', gender: 'female', birthDate: '1960-05-05', ...patient } }, ...resources.map((resource) => ({ resource }))],
});
const condition = (extra: Record<string, unknown>) => ({
  resourceType: 'Condition', id: 'c', subject, code: { coding: [{ system: 'http://snomed.info/sct', code: '77386006', display: 'Pregnancy' }] },
  clinicalStatus: { coding: [{ code: 'active' }] }, ...extra,
});

describe('Condition dates', () => {
  it('reads "2026/11/20" and "20261120" as absent, never as 1 January 2026, and counts each', () => {
    const { record, report } = mapBundle(bundle([condition({ onsetDateTime: '2026/11/20', recordedDate: '20261120', abatementDateTime: '2026/12/01' })]));
    const [c] = record.conditions;
    expect(c).toBeDefined();
    expect(c!.onset).toBeUndefined();
    expect(c!.recorded).toBeUndefined();
    expect(c!.abatement).toBeUndefined();
    // An abatement whose day cannot be read is still an abatement.
    expect(c!.abated).toBe(true);
    expect(report.dropped).toEqual({
      'Condition: malformed onsetDateTime ignored': 1,
      'Condition: malformed recordedDate ignored': 1,
      'Condition: malformed abatementDateTime ignored': 1,
    });
  });

  it('a malformed onset leaves the recorded date to be read, as an absent onset would', () => {
    const { record } = mapBundle(bundle([condition({ onsetDateTime: 'last spring', recordedDate: '2026-10-01' })]));
    expect(record.conditions[0]).toMatchObject({ recorded: '2026-10-01' });
    expect(record.conditions[0]!.onset).toBeUndefined();
  });

  it('keeps partial dates and dateTimes without a zone, and counts nothing for them', () => {
    const { record, report } = mapBundle(bundle([condition({ onsetPeriod: { start: '2021-03' }, recordedDate: '2021', abatementPeriod: { end: '2026-01-02T10:00:00' } })]));
    expect(record.conditions[0]).toMatchObject({ onset: '2021-03-01', recorded: '2021-01-01', abatement: '2026-01-02' });
    expect(report.dropped).toEqual({});
  });

  it('counts a malformed period bound by its name', () => {
    const { report } = mapBundle(bundle([condition({ onsetPeriod: { start: '03/2021' } })]));
    expect(report.dropped).toEqual({ 'Condition: malformed onsetPeriod.start ignored': 1 });
  });

  it('counts codes that are not well formed for their system (they never match)', () => {
    const c = condition({ code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'CANCELLED' }, { system: 'http://snomed.info/sct', code: '12' }, { system: 'http://example.org/local', code: 'CANCELLED' }] } });
    const { record, report } = mapBundle(bundle([c]));
    expect(record.conditions[0]!.codings).toHaveLength(3);
    expect(report.dropped).toEqual({
      'Condition: code not well formed for ICD-10-CM (never matched)': 1,
      'Condition: code not well formed for SNOMED CT (never matched)': 1,
    });
  });
});

describe('medication dates', () => {
  const drug = { medicationCodeableConcept: { text: 'hydrochlorothiazide 25 mg' } };
  it.each([
    ['MedicationRequest', { intent: 'order', authoredOn: '2026/11/20' }, 'authoredOn', undefined],
    ['MedicationStatement', { effectiveDateTime: '20261120' }, 'effectiveDateTime', undefined],
    ['MedicationStatement', { effectivePeriod: { start: '2026-11-20', end: '2026/12/20' } }, 'effectivePeriod.end', '2026-11-20'],
    ['MedicationDispense', { whenHandedOver: '2026/11/20' }, 'whenHandedOver', undefined],
    ['MedicationAdministration', { effectiveDateTime: '11/20/2026' }, 'effectiveDateTime', undefined],
    ['MedicationRequest', { intent: 'order', authoredOn: '2026-11-20', dispenseRequest: { validityPeriod: { end: '2027/11/20' } } }, 'dispenseRequest.validityPeriod.end', '2026-11-20'],
  ])('%s: a malformed %j is read as absent and counted', (resourceType, dates, element, date) => {
    const { record, report } = mapBundle(bundle([{ resourceType, id: 'm', status: 'active', subject, ...drug, ...dates }]));
    const [m] = record.medications;
    expect(m).toBeDefined();
    expect(m!.date).toBe(date);
    expect(m!.periodEnd).toBeUndefined();
    expect(report.dropped).toEqual({ [`${resourceType}: malformed ${element} ignored`]: 1 });
  });

  it('an order with a malformed authoredOn is undated, not dated 1 January 2026', () => {
    const { record } = mapBundle(bundle([{ resourceType: 'MedicationRequest', id: 'm', status: 'active', intent: 'order', subject, ...drug, authoredOn: '2026/11/20' }]));
    expect(record.medications[0]!.date).toBeUndefined();
  });
});

describe('checklist and Patient dates', () => {
  it('a checklist response authored "2026/11/20" is undated and counted', () => {
    const qr = { resourceType: 'QuestionnaireResponse', id: 'qr', questionnaire: CHECKLIST_QUESTIONNAIRE_URL, status: 'completed', subject, authored: '2026/11/20', item: [{ linkId: 'calf-swelling', answer: [{ valueBoolean: false }] }] };
    const { record, report } = mapBundle(bundle([qr]));
    expect(record.checklists[0]!.authored).toBeUndefined();
    expect(report.dropped).toEqual({ 'QuestionnaireResponse: malformed authored ignored': 1 });
  });

  it.each(['1960/05/05', '19600505', '1960-02-30', '05-05-1960'])('a birthDate %j is absent (no age), never 1 January 1960, and counted', (birthDate) => {
    const { record, report } = mapBundle(bundle([], { birthDate }));
    expect(record.patient!.birthDate).toBeUndefined();
    expect(report.dropped).toEqual({ 'Patient: malformed birthDate ignored': 1 });
  });

  it.each([['1960', '1960'], ['1960-05', '1960-05'], ['1960-05-05', '1960-05-05'], ['1960-05-05T23:00:00-05:00', '1960-05-05']])('a birthDate %j is kept as %j', (birthDate, kept) => {
    const { record, report } = mapBundle(bundle([], { birthDate }));
    expect(record.patient!.birthDate).toBe(kept);
    expect(report.dropped).toEqual({});
  });

  it('a malformed deceasedDateTime is still a death, without a day, and counted', () => {
    const { record, report } = mapBundle(bundle([], { deceasedDateTime: '2020/01/01' }));
    expect(record.patient).toMatchObject({ deceased: true });
    expect(record.patient!.deceasedDate).toBeUndefined();
    expect(report.dropped).toEqual({ 'Patient: malformed deceasedDateTime ignored': 1 });
  });
});
