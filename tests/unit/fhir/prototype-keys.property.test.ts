/**
 * Property: the names of Object.prototype's members (`constructor`, `__proto__`, `toString`, ...)
 * sent where FHIR carries a unit, a unit code, an interpretation code or word, a code or a resource
 * type never become a unit, an interpretation, a code match or a medication kind. Every lookup
 * table reached by FHIR strings asks for its own keys (Maps, Sets or hasOwnProperty).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANALYTES } from '../../../rules/codes/labs.js';
import * as cramp from '../../../rules/codes/conditions/cramp.js';
import * as kidney from '../../../rules/codes/conditions/kidney.js';
import * as metabolic from '../../../rules/codes/conditions/metabolic.js';
import * as neurological from '../../../rules/codes/conditions/neurological.js';
import * as other from '../../../rules/codes/conditions/other.js';
import * as pregnancy from '../../../rules/codes/conditions/pregnancy.js';
import * as vascular from '../../../rules/codes/conditions/vascular.js';
import type { ConditionCodeList } from '../../../rules/codes/conditions/types.js';
import { MEDICATION_CLASSES } from '../../../rules/codes/medications/index.js';
import { matchConditionList } from '../../../rules/engine/condition-matching.js';
import { matchClass, resolveMedication } from '../../../rules/engine/medication-resolution.js';
import { normaliseUnit, readUnit, toCanonical } from '../../../rules/engine/units.js';
import { MappingReport } from '../../../src/fhir/mapping-report.js';
import { mapMedication } from '../../../src/fhir/map-medications.js';
import { mapObservation } from '../../../src/fhir/map-observations.js';
import { mapBundle } from '../../../src/fhir/read-bundle.js';

const PROTOTYPE_NAMES = [
  'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable',
  'toLocaleString', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__', 'prototype',
];

/** A prototype member's name as a sender might write it: any case, padded, or inside a unit. */
const hostileName = fc.tuple(fc.constantFrom(...PROTOTYPE_NAMES), fc.constantFrom('as is', 'upper', 'lower', 'padded', 'per litre')).map(([name, how]) => {
  switch (how) {
    case 'upper': return name.toUpperCase();
    case 'lower': return name.toLowerCase();
    case 'padded': return ` ${name} `;
    case 'per litre': return `${name}/L`;
    default: return name;
  }
});

const LAB_CODES = Object.values(ANALYTES).flatMap((a) => a.loinc.map((l) => l.code));
const CONDITION_LISTS: ConditionCodeList[] = [cramp, kidney, metabolic, neurological, other, pregnancy, vascular]
  .flatMap((m) => Object.values(m))
  .filter((v): v is ConditionCodeList => typeof v === 'object' && v !== null && 'icd10' in v && 'snomed' in v);

const RUNS = { numRuns: 200 };

describe('prototype member names from FHIR', () => {
  it('never become a unit', () => {
    fc.assert(fc.property(hostileName, fc.constantFrom(...Object.keys(ANALYTES)), (name, analyte) => {
      expect(normaliseUnit(name)).toBeUndefined();
      expect(readUnit(analyte, name, name)).toEqual({ problem: 'unknown-unit' });
      expect(readUnit(analyte, name, undefined)).toEqual({ problem: 'unknown-unit' });
      expect(toCanonical(analyte, 1, name)).toBeUndefined();
    }), RUNS);
  });

  it('never make a lab result usable, as a unit or a unit code', () => {
    fc.assert(fc.property(hostileName, fc.constantFrom(...LAB_CODES), fc.boolean(), (name, loinc, asCode) => {
      const quantity = asCode ? { value: 4, system: 'http://unitsofmeasure.org', code: name } : { value: 4, unit: name };
      const m = mapObservation({ resourceType: 'Observation', id: 'o', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: loinc }] }, effectiveDateTime: '2026-11-01', valueQuantity: quantity }, new MappingReport());
      expect(m).toMatchObject({ kind: 'lab', lab: { usable: false, unusableReason: 'unknown-unit' } });
    }), RUNS);
  });

  it('never become an interpretation, as a code or as a word', () => {
    fc.assert(fc.property(hostileName, hostileName, (code, word) => {
      const m = mapObservation({
        resourceType: 'Observation', id: 'o', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '2823-3' }] }, effectiveDateTime: '2026-11-01',
        valueQuantity: { value: 4, unit: 'mmol/L' }, interpretation: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code }] }, { text: word }],
      }, new MappingReport());
      expect(m).toMatchObject({ kind: 'lab', lab: { usable: true, interpretation: [] } });
    }), RUNS);
  });

  it('never name an analyte, a gestational-age unit or a medication record type', () => {
    fc.assert(fc.property(hostileName, (name) => {
      expect(mapObservation({ resourceType: 'Observation', id: 'o', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: name }] }, valueQuantity: { value: 4, unit: 'mmol/L' } }, new MappingReport())).toBeUndefined();
      const ga = mapObservation({ resourceType: 'Observation', id: 'o', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '11884-4' }] }, effectiveDateTime: '2026-11-01', valueQuantity: { value: 32, unit: name } }, new MappingReport());
      expect(ga).toMatchObject({ kind: 'coded', coded: { usable: false } });
      expect(ga?.kind === 'coded' ? ga.coded.valueQuantity : 'not coded').toBeUndefined();
      const { bundle } = mapBundle({ resourceType: 'Bundle', type: 'collection', entry: [] });
      expect(mapMedication({ resourceType: name, id: 'm', status: 'active', medicationCodeableConcept: { text: 'furosemide' } }, bundle.set, new MappingReport())).toBeUndefined();
    }), RUNS);
  });

  it('never match a condition code list, as an ICD-10-CM or SNOMED CT code, a display or a text', () => {
    fc.assert(fc.property(hostileName, (name) => {
      const cond = { codings: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: name, display: name }, { system: 'http://snomed.info/sct', code: name }], text: name };
      const textOnly = { codings: [], text: name };
      for (const list of CONDITION_LISTS) {
        expect(matchConditionList(cond, list), list.id).toBeUndefined();
        expect(matchConditionList(textOnly, list), list.id).toBeUndefined();
      }
    }), RUNS);
  });

  it('never identify a medication, as an RxNorm or ATC code or as text', () => {
    fc.assert(fc.property(hostileName, (name) => {
      const resolved = resolveMedication({
        source: { resourceType: 'MedicationRequest', id: 'm' }, kind: 'request', status: 'active', text: name,
        codings: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: name }, { system: 'http://www.whocc.no/atc', code: name }],
        ingredientCodings: [], ingredientTexts: [name], formTexts: [name],
      });
      expect([...resolved.ingredients.keys()]).toEqual([]);
      expect(resolved.atcCodes).toEqual([]);
      for (const cls of MEDICATION_CLASSES) expect(matchClass(resolved, cls).matched, cls.id).toBe(false);
    }), RUNS);
  });
});
