/**
 * Codes match only when they are codes (rule catalogue, second round): the form of each system the
 * engine matches on, and every code in the project's own lists passes it (so a typo in a list shows
 * here, not as a silent non-match on a real record).
 */
import { describe, expect, it } from 'vitest';
import { ANALYTES } from '../../../rules/codes/labs.js';
import { CODED_OBSERVATIONS } from '../../../rules/codes/observations.js';
import { MEDICATION_CLASSES } from '../../../rules/codes/medications/index.js';
import * as cramp from '../../../rules/codes/conditions/cramp.js';
import * as kidney from '../../../rules/codes/conditions/kidney.js';
import * as metabolic from '../../../rules/codes/conditions/metabolic.js';
import * as neurological from '../../../rules/codes/conditions/neurological.js';
import * as other from '../../../rules/codes/conditions/other.js';
import * as pregnancy from '../../../rules/codes/conditions/pregnancy.js';
import * as vascular from '../../../rules/codes/conditions/vascular.js';
import type { ConditionCodeList } from '../../../rules/codes/conditions/types.js';
import {
  isWellFormedAtc, isWellFormedCode, isWellFormedIcd10, isWellFormedLoinc, isWellFormedRxNorm, isWellFormedSnomed,
} from '../../../rules/engine/code-systems.js';

const CONDITION_LISTS: ConditionCodeList[] = [cramp, kidney, metabolic, neurological, other, pregnancy, vascular]
  .flatMap((m) => Object.values(m))
  .filter((v): v is ConditionCodeList => typeof v === 'object' && v !== null && 'icd10' in v && 'snomed' in v);

describe('ICD-10-CM codes', () => {
  it.each(['C50.911', 'C50911', 'c50.911', 'E11', 'E11.9', 'N18.6', 'Z99.2', 'O09.90', 'S72.001A', 'C4A.9', 'C7A.00', 'M21.4', ' I83.90 '])('%j is well formed', (c) => {
    expect(isWellFormedIcd10(c)).toBe(true);
  });

  it.each(['CANCELLED', 'C50.91199', 'C509119X', 'C5', 'C', '50.911', 'CC0.1', 'C50.', 'C50..9', 'C50 911', 'C50-911', 'N/A', 'UNK', '', 'constructor', '__proto__'])('%j is not', (c) => {
    expect(isWellFormedIcd10(c)).toBe(false);
  });
});

describe('SNOMED CT, RxNorm, LOINC and ATC codes', () => {
  it('SNOMED CT: 6 to 18 digits', () => {
    expect(['363346000', '254637007', '67811000119102', '123456', '123456789012345678'].every(isWellFormedSnomed)).toBe(true);
    expect(['12345', '1234567890123456789', '36334600O', '363346000.0', '-363346000', 'active', ''].some(isWellFormedSnomed)).toBe(false);
  });

  it('RxNorm: numeric', () => {
    expect(['197361', '1', '2200644'].every(isWellFormedRxNorm)).toBe(true);
    expect(['197361a', 'RX197361', '1.5', '', 'toString'].some(isWellFormedRxNorm)).toBe(false);
  });

  it('LOINC: digits, a hyphen and the right check digit', () => {
    expect(['2823-3', '2951-2', '19123-9', '4548-4', '98979-8', '100987-7'].every(isWellFormedLoinc)).toBe(true);
    // 2823-4 has the wrong check digit (a typo of 2823-3), 28233 has none.
    expect(['2823-4', '28233', '2823', '-3', '2823-33', 'LA15173-0', 'valueOf'].some(isWellFormedLoinc)).toBe(false);
  });

  it('ATC: a level-1 to level-5 code', () => {
    expect(['A10BB01', 'a10bb01', 'C03', 'C03A', 'C03AA', 'C10AA', 'L01', 'L02BA01'].every(isWellFormedAtc)).toBe(true);
    expect(['A10BB0', 'A1', 'A10BB011', 'C03AA03XYZ', 'X10BB01', 'A10B1', 'CANCELLED', ''].some(isWellFormedAtc)).toBe(false);
  });

  it('checks by system, and leaves systems it does not match on alone', () => {
    expect(isWellFormedCode('http://hl7.org/fhir/sid/icd-10-cm', 'CANCELLED')).toBe(false);
    expect(isWellFormedCode('urn:oid:2.16.840.1.113883.6.90', 'C50911')).toBe(true);
    expect(isWellFormedCode('https://snomed.info/sct/', '12')).toBe(false);
    expect(isWellFormedCode('http://example.org/local', 'CANCELLED')).toBe(true);
  });
});

describe("the project's own code lists", () => {
  it('every LOINC code of every analyte and coded observation is well formed', () => {
    const codes = [...Object.values(ANALYTES), ...Object.values(CODED_OBSERVATIONS)].flatMap((a) => a.loinc.map((l) => l.code));
    expect(codes.length).toBeGreaterThan(40);
    expect(codes.filter((c) => !isWellFormedLoinc(c))).toEqual([]);
  });

  it('every condition code is well formed (an ICD-10-CM prefix entry is the start of a well-formed code)', () => {
    expect(CONDITION_LISTS.length).toBeGreaterThan(20);
    const icd = CONDITION_LISTS.flatMap((l) => [...l.icd10.map((e) => e.code), ...(l.excludeIcd10 ?? [])]);
    const badIcd = icd.filter((c) => (c.endsWith('*') ? !isIcd10Prefix(c.slice(0, -1)) : !isWellFormedIcd10(c)));
    expect(badIcd).toEqual([]);
    expect(CONDITION_LISTS.flatMap((l) => l.snomed.map((e) => e.code)).filter((c) => !isWellFormedSnomed(c))).toEqual([]);
  });

  it('every RxNorm and ATC code of every drug class is well formed', () => {
    const rx = MEDICATION_CLASSES.flatMap((c) => c.ingredients.flatMap((i) => [...(i.rxcui ? [i.rxcui.code] : []), ...(i.preciseRxcuis ?? []).map((p) => p.code)]));
    const atc = MEDICATION_CLASSES.flatMap((c) => [...c.atcPrefixes.map((p) => p.code), ...c.ingredients.flatMap((i) => (i.atc ?? []).map((a) => a.code))]);
    expect(rx.filter((c) => !isWellFormedRxNorm(c))).toEqual([]);
    expect(atc.filter((c) => !isWellFormedAtc(c))).toEqual([]);
  });
});

/** A list prefix (`C`, `E11`, `M21.4`) is the start of a well-formed ICD-10-CM code: padded with zeros, it is one. */
function isIcd10Prefix(prefix: string): boolean {
  const padded = `${prefix}${'000'.slice(Math.min(prefix.length, 3))}`;
  return /^[A-Z][0-9A-Z]*(\.[0-9A-Z]*)?$/.test(prefix) && isWellFormedIcd10(padded.endsWith('.') ? `${padded}0` : padded);
}
