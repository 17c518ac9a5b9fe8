/**
 * Property-based tests: generated hostile resources never make the mappers or the engine throw,
 * never produce an `error` outcome, and never make a rule fire. Everything from a FHIR server or a
 * file is hostile until mapped (wrong types, prototype keys, script strings, absurd numbers,
 * references to nowhere, deep nesting).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateBundleJson } from '../../../src/evaluation/evaluate-bundle.js';
import { mapBundle } from '../../../src/fhir/read-bundle.js';

const AS_OF = '2026-11-21';

/** Strings an attacker or a broken feed sends. None names a drug, code or condition the rules know. */
const hostileString = fc.oneof(
  fc.constantFrom('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '__proto__', 'constructor', 'prototype', '${7*7}', '\u0000', '\u202e', '💥', ' ', '', '-1', 'NaN', 'Infinity', '1e309', '../../etc/passwd', 'Patient/../../admin', '#', 'urn:uuid:', 'a'.repeat(5000)),
  fc.string({ maxLength: 30 }).filter((s) => !/[a-z]{4,}/i.test(s)),
);

const hostileNumber = fc.oneof(fc.constantFrom(0, -0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 0.1 + 0.2), fc.double({ noNaN: false }));

const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom('code', 'coding', 'system', 'value', 'unit', 'reference', 'text', 'display', 'start', 'end')), tie('value'), { maxKeys: 4 }),
  ),
})).value;

// 'Patient' is generated with the patient's own id (below): a second patient makes the bundle a
// refused input, tested in read-bundle.test.ts.
const RESOURCE_TYPES = ['MedicationRequest', 'MedicationStatement', 'MedicationDispense', 'MedicationAdministration', 'Medication', 'Observation', 'Condition', 'QuestionnaireResponse', 'Patient', 'Procedure', 'Encounter', 'Bundle'];
const FIELDS = ['id', 'status', 'intent', 'subject', 'patient', 'code', 'medicationCodeableConcept', 'medicationReference', 'contained', 'valueQuantity', 'valueString', 'valueCodeableConcept', 'valueDateTime', 'referenceRange', 'interpretation', 'effectiveDateTime', 'effectivePeriod', 'authoredOn', 'whenHandedOver', 'clinicalStatus', 'verificationStatus', 'onsetDateTime', 'abatementDateTime', 'item', 'answer', 'questionnaire', 'authored', 'dosageInstruction', 'dosage', 'ingredient', 'form', 'doNotPerform', 'birthDate', 'gender', 'communication', '__proto__', 'constructor'];

const hostileResource = fc.record({
  resourceType: fc.oneof(fc.constantFrom(...RESOURCE_TYPES), hostileValue),
  fields: fc.dictionary(fc.constantFrom(...FIELDS), hostileValue, { maxKeys: 8 }),
}).map(({ resourceType, fields }) => {
  // JSON.parse makes "__proto__" an own property; build the object the same way.
  const resource = JSON.parse(JSON.stringify({ ...fields, resourceType })) as Record<string, unknown>;
  if (resource.resourceType === 'Patient') resource.id = 'p';
  return resource as unknown;
});

const adult = { resourceType: 'Patient', id: 'p', gender: 'male', birthDate: '1960-05-05' };

const bundleOf = (resources: unknown[], type: string) => ({
  resourceType: 'Bundle',
  type,
  entry: [{ fullUrl: 'urn:uuid:p', resource: adult }, ...resources.map((resource, i) => ({ fullUrl: i % 2 ? `urn:uuid:${i}` : undefined, resource }))],
});

describe('hostile input', () => {
  it('never makes the mappers throw, and every kept item is counted', () => {
    fc.assert(
      fc.property(fc.array(hostileResource, { maxLength: 12 }), fc.constantFrom('collection', 'searchset', 'transaction', 'batch'), (resources, type) => {
        const { record, report } = mapBundle(bundleOf(resources, type));
        expect(record.patient?.source.id).toBe('p');
        const kept = Object.values(report.toJSON().kept).reduce((a, b) => a + b, 0);
        const mapped = record.medications.length + record.conditions.length + record.checklists.length
          + Object.values(record.labs).flat().length + Object.values(record.codedObservations).flat().length;
        expect(kept).toBe(mapped);
      }),
      { numRuns: 400 },
    );
  });

  it('never makes the engine throw, error or flag anything', () => {
    fc.assert(
      fc.property(fc.array(hostileResource, { maxLength: 12 }), (resources) => {
        const report = evaluateBundleJson(bundleOf(resources, 'collection'), AS_OF);
        const bad = report.findings.filter((f) => f.outcome === 'error' || f.outcome === 'flagged');
        expect(bad.map((f) => `${f.ruleId}: ${f.outcome} ${f.error ?? f.summary}`)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps hostile strings as inert text: they never enter a summary as markup', () => {
    const script = '<script>alert(1)</script>';
    const report = evaluateBundleJson(bundleOf([
      { resourceType: 'MedicationRequest', id: script, status: 'active', intent: 'order', subject: { reference: 'Patient/p' }, medicationCodeableConcept: { text: `furosemide ${script}` } },
    ], 'collection'), AS_OF);
    const loop = report.findings.find((f) => f.ruleId === 'med-loop-diuretic');
    expect(loop?.outcome).toBe('flagged');
    // The text is carried as data (the UI renders it as text), never interpreted.
    expect(loop?.evidence.some((e) => e.display === `furosemide ${script}`)).toBe(true);
  });
});

describe('mapping is order-independent', () => {
  it('gives the same findings whatever the order of entries', () => {
    const resources = [
      { resourceType: 'MedicationRequest', id: 'm', status: 'active', intent: 'order', subject: { reference: 'Patient/p' }, medicationCodeableConcept: { text: 'spironolactone 25 mg' } },
      { resourceType: 'Observation', id: 'o1', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '2601-3' }] }, effectiveDateTime: '2026-11-01', valueQuantity: { value: 0.6, unit: 'mmol/L' } },
      { resourceType: 'Observation', id: 'o2', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '2601-3' }] }, effectiveDateTime: '2026-10-01', valueQuantity: { value: 0.9, unit: 'mmol/L' } },
      { resourceType: 'Condition', id: 'c', subject: { reference: 'Patient/p' }, code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I83.90' }] }, clinicalStatus: { coding: [{ code: 'active' }] } },
    ];
    const outcomes = (rs: unknown[]) => evaluateBundleJson(bundleOf(rs, 'collection'), AS_OF).findings.map((f) => `${f.ruleId}:${f.outcome}:${f.evidence.map((e) => e.id).join(',')}`);
    const expected = outcomes(resources);
    fc.assert(fc.property(fc.shuffledSubarray(resources, { minLength: resources.length }), (shuffled) => {
      expect(outcomes(shuffled)).toEqual(expected);
    }), { numRuns: 30 });
  });
});
