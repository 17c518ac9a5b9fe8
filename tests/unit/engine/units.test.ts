/**
 * Units: spellings normalised per analyte, a UCUM code that disagrees with a known unit text is a
 * conflict (rule catalogue, second round), an eGFR must be per 1.73 m², and no lookup finds
 * Object.prototype's members.
 */
import { describe, expect, it } from 'vitest';
import { fromCanonical, normaliseUnit, normaliseUnitFor, readUnit, toCanonical } from '../../../rules/engine/units.js';

describe('readUnit', () => {
  it.each([
    ['potassium', 'mEq/L', 'meq/L', 'mEq/L'],
    ['tsh', 'm[IU]/L', 'mIU/L', 'mIU/L'],
    ['potassium', 'MMOL/L', 'mmol/l', 'mmol/L'],
    ['magnesium', 'mg/dL', 'mg/dl', 'mg/dL'],
    ['egfr', 'mL/min/{1.73_m2}', 'mL/min/1.73 m2', 'mL/min/1.73m2'],
    ['platelets', '10*3/uL', 'K/uL', '10*9/L'],
  ])('%s: code %j and text %j are the same unit (%s)', (analyte, code, text, key) => {
    expect(readUnit(analyte, code, text)).toEqual({ key });
  });

  it('a code and a text that name different known units conflict, whichever is right', () => {
    expect(readUnit('potassium', 'mg/dL', 'mmol/L')).toEqual({ problem: 'unit-conflict' });
    expect(readUnit('potassium', 'mmol/L', 'mg/dL')).toEqual({ problem: 'unit-conflict' });
    expect(readUnit('magnesium', 'mEq/L', 'mmol/L')).toEqual({ problem: 'unit-conflict' });
    // A known unit that does not belong to the analyte still disagrees with the one that does.
    expect(readUnit('potassium', 'mmol/L', 'g/dL')).toEqual({ problem: 'unit-conflict' });
  });

  it('reads whichever of code and text is a known unit when the other is not', () => {
    expect(readUnit('potassium', 'mmol/L', 'millimoles per litre')).toEqual({ key: 'mmol/L' });
    expect(readUnit('potassium', '{mmol}/L', 'mmol/L')).toEqual({ key: 'mmol/L' });
    expect(readUnit('potassium', undefined, 'mEq/L')).toEqual({ key: 'mEq/L' });
  });

  it('refuses a missing, unknown or foreign unit', () => {
    expect(readUnit('potassium', undefined, undefined)).toEqual({ problem: 'missing-unit' });
    expect(readUnit('potassium', 'furlongs', undefined)).toEqual({ problem: 'unknown-unit' });
    expect(readUnit('magnesium', 'mmol/mol', 'mmol/mol')).toEqual({ problem: 'unknown-unit' });
  });

  it('an eGFR must be per 1.73 m²: mL/min is a clearance', () => {
    expect(readUnit('egfr', 'mL/min', 'mL/min')).toEqual({ problem: 'not-per-body-surface' });
    expect(readUnit('egfr', undefined, 'ml/min')).toEqual({ problem: 'not-per-body-surface' });
    expect(readUnit('egfr', 'mL/s', undefined)).toEqual({ problem: 'not-per-body-surface' });
    expect(readUnit('egfr', 'mL/min/{1.73_m2}', 'mL/min')).toEqual({ problem: 'unit-conflict' });
    expect(readUnit('egfr', 'mL/s/{1.73_m2}', undefined)).toEqual({ key: 'mL/s/1.73m2' });
    expect(readUnit('creatinine', 'mL/min', undefined)).toEqual({ problem: 'unknown-unit' });
  });
});

describe('lookups reached by FHIR strings', () => {
  const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__lookupGetter__'];

  it.each(PROTOTYPE_NAMES)('%j is no unit, no analyte and no conversion', (name) => {
    expect(normaliseUnit(name)).toBeUndefined();
    expect(normaliseUnitFor('potassium', name)).toBeUndefined();
    expect(normaliseUnitFor(name, 'mmol/L')).toBeUndefined();
    expect(readUnit('potassium', name, name)).toEqual({ problem: 'unknown-unit' });
    expect(readUnit(name, 'mmol/L', undefined)).toEqual({ problem: 'unknown-unit' });
    expect(toCanonical('potassium', 4, name)).toBeUndefined();
    expect(toCanonical(name, 4, 'mmol/L')).toBeUndefined();
    expect(fromCanonical('potassium', 4, name)).toBeUndefined();
  });
});
