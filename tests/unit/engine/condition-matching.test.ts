/**
 * Condition matching: ICD-10-CM codes and prefixes, SNOMED CT codes, text only when no ICD-10-CM
 * code is carried, and a code matches only when it is well formed for its system (rule catalogue,
 * second round: "Codes match only when they are codes").
 */
import { describe, expect, it } from 'vitest';
import { DIABETES } from '../../../rules/codes/conditions/metabolic.js';
import { ACTIVE_CANCER } from '../../../rules/codes/conditions/other.js';
import { icdMatches, matchConditionList } from '../../../rules/engine/condition-matching.js';
import type { CodingRef } from '../../../rules/engine/record.js';

const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';
const SCT = 'http://snomed.info/sct';
const cond = (codings: CodingRef[], text?: string) => ({ codings, ...(text ? { text } : {}) });

describe('matchConditionList', () => {
  it('matches a well-formed ICD-10-CM code under a prefix, dotted or dotless, any case', () => {
    for (const code of ['C50.911', 'C50911', 'c50.911', 'C34.90']) {
      expect(matchConditionList(cond([{ system: ICD, code }]), ACTIVE_CANCER), code).toMatchObject({ by: 'icd10', coding: { code } });
    }
  });

  it('does not match CANCELLED, C50.91199 or other strings that are not ICD-10-CM codes, however they start', () => {
    for (const code of ['CANCELLED', 'C50.91199', 'CA', 'C', 'C50.', 'Cancer', 'constructor']) {
      expect(matchConditionList(cond([{ system: ICD, code }]), ACTIVE_CANCER), code).toBeUndefined();
    }
    expect(icdMatches('CANCELLED', 'C*')).toBe(false);
    expect(icdMatches('C50911', 'C*')).toBe(true);
  });

  it('does not promote the display of a coding that is not a code: the slot was filled, just not with a code', () => {
    expect(matchConditionList(cond([{ system: ICD, code: 'CANCELLED', display: 'Malignant neoplasm of breast' }]), ACTIVE_CANCER)).toBeUndefined();
  });

  it('matches SNOMED CT only when the code is 6 to 18 digits; an ill-formed SNOMED code leaves the text to decide, like an unlisted one', () => {
    expect(matchConditionList(cond([{ system: SCT, code: '44054006' }]), DIABETES)).toMatchObject({ by: 'snomed' });
    expect(matchConditionList(cond([{ system: SCT, code: ' 44054006 ' }]), DIABETES)).toMatchObject({ by: 'snomed' });
    expect(matchConditionList(cond([{ system: SCT, code: '4405400x' }]), DIABETES)).toBeUndefined();
    expect(matchConditionList(cond([{ system: SCT, code: 'unknown' }], 'Type 2 diabetes mellitus'), DIABETES)).toMatchObject({ by: 'text', phrase: 'diabetes mellitus' });
  });
});
