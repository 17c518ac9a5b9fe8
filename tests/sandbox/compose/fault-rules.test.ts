// The rule format's matcher and checks, without a server: what a rule author can rely on.
import { describe, expect, it } from 'vitest';
import { parseFaultRule, ruleMatches, type FaultTarget } from '../../../sandbox/faults';

const search = (params: string, patientId = 'p1'): FaultTarget => ({
  interaction: 'search-type',
  resourceType: 'Observation',
  patientId,
  patientIds: [patientId],
  searchParams: new URLSearchParams(params),
});
const rule = (json: object) => parseFaultRule({ effect: { type: 'forbid' }, ...json });

describe('search parameter matching', () => {
  const labs = search('patient=p1&code=http://loinc.org|2823-3,http://loinc.org|19123-9&date=ge2026-01-01');

  it('matches a bare code against system|code values in a comma list', () => {
    expect(ruleMatches(rule({ params: { code: '19123-9' } }), labs)).toBe(true);
    expect(ruleMatches(rule({ params: { code: 'http://loinc.org|19123-9' } }), labs)).toBe(true);
  });

  it('does not match a code that merely ends the same way, or another system', () => {
    expect(ruleMatches(rule({ params: { code: '9123-9' } }), labs)).toBe(false);
    expect(ruleMatches(rule({ params: { code: 'http://snomed.info/sct|19123-9' } }), labs)).toBe(false);
  });

  it('"*" asks only that the parameter be present; every listed parameter must match', () => {
    expect(ruleMatches(rule({ params: { date: '*' } }), labs)).toBe(true);
    expect(ruleMatches(rule({ params: { _include: '*' } }), labs)).toBe(false);
    expect(ruleMatches(rule({ params: { code: '2823-3', date: '*' } }), labs)).toBe(true);
    expect(ruleMatches(rule({ params: { code: '2823-3', category: 'laboratory' } }), labs)).toBe(false);
  });

  it('never matches a read with a params rule', () => {
    expect(ruleMatches(rule({ params: { code: '*' } }), { interaction: 'read', resourceType: 'Observation', patientId: 'p1' })).toBe(false);
  });
});

describe('patient, type and interaction', () => {
  it('matches a patient named anywhere in the request', () => {
    const two: FaultTarget = { interaction: 'search-type', resourceType: 'Observation', patientId: undefined, patientIds: ['p1', 'p2'] };
    expect(ruleMatches(rule({ patientId: 'p2' }), two)).toBe(true);
    expect(ruleMatches(rule({ patientId: 'p3' }), two)).toBe(false);
  });

  it('a rule without matchers matches every request; each matcher narrows it', () => {
    expect(ruleMatches(rule({}), { interaction: 'capabilities', resourceType: undefined })).toBe(true);
    expect(ruleMatches(rule({ resourceType: 'Condition' }), search(''))).toBe(false);
    expect(ruleMatches(rule({ interaction: 'read' }), search(''))).toBe(false);
    expect(ruleMatches(rule({ interaction: 'search' }), search(''))).toBe(true);
  });
});

describe('checks', () => {
  it('keeps what was given, with defaults made explicit only where the effect needs them', () => {
    expect(parseFaultRule({ effect: { type: 'foreign-next' } })).toEqual({ effect: { type: 'foreign-next', origin: 'https://fhir.elsewhere.example' } });
    expect(parseFaultRule({ effect: { type: 'error', status: 429 }, times: 3 })).toEqual({ effect: { type: 'error', status: 429 }, times: 3 });
  });

  it('lists every problem at once', () => {
    expect(() => parseFaultRule({ patientId: '', times: 1.5, effect: { type: 'latency', ms: 'slow', extra: 1 } })).toThrow(
      /patientId must be a non-empty string; effect latency does not take extra; latency ms must be .*; times must be a positive integer/,
    );
  });
});

describe('EHR behaviour profiles: checks and matching', () => {
  it('a per-patient rule also holds for a request that names no patient but comes from that patient\'s launch', () => {
    const medicationRead: FaultTarget = { interaction: 'read', resourceType: 'Medication', patientId: undefined, patientIds: [], contextPatientId: 'p1' };
    expect(ruleMatches(rule({ patientId: 'p1' }), medicationRead)).toBe(true);
    expect(ruleMatches(rule({ patientId: 'p2' }), medicationRead)).toBe(false);
  });

  it('accepts each profile in the shape the README documents', () => {
    expect(parseFaultRule({ effect: { type: 'operation-outcome-in-searchset', severity: 'fatal', diagnostics: 'Search not performed' } })).toEqual({
      effect: { type: 'operation-outcome-in-searchset', severity: 'fatal', diagnostics: 'Search not performed' },
    });
    expect(parseFaultRule({ resourceType: 'MedicationStatement', effect: { type: 'unsupported-type' } })).toMatchObject({ resourceType: 'MedicationStatement' });
    expect(parseFaultRule({ effect: { type: 'second-origin-next', origin: 'http://localhost:8090/' } })).toEqual({ effect: { type: 'second-origin-next', origin: 'http://localhost:8090' } });
    expect(parseFaultRule({ resourceType: 'Patient', interaction: 'read', effect: { type: 'wrong-patient', otherPatientId: 'statin-high-ck' } })).toMatchObject({ effect: { otherPatientId: 'statin-high-ck' } });
    for (const type of ['ignore-include', 'ignore-count', 'token-without-scope', 'active-only-unless-status', 'require-category-or-code']) {
      expect(parseFaultRule({ effect: { type } })).toEqual({ effect: { type } });
    }
  });

  it('refuses a profile where it could never fire, saying why', () => {
    expect(() => parseFaultRule({ effect: { type: 'unsupported-type' } })).toThrow(/unsupported-type needs the resourceType/);
    expect(() => parseFaultRule({ resourceType: 'Condition', effect: { type: 'require-category-or-code' } })).toThrow(/applies to Observation only/);
    expect(() => parseFaultRule({ resourceType: 'Condition', effect: { type: 'active-only-unless-status' } })).toThrow(/applies to MedicationRequest only/);
    expect(() => parseFaultRule({ interaction: 'read', effect: { type: 'ignore-count' } })).toThrow(/applies to search-type only/);
    expect(() => parseFaultRule({ params: { code: '1' }, effect: { type: 'token-without-scope' } })).toThrow(/takes no params/);
    expect(() => parseFaultRule({ effect: { type: 'wrong-patient', otherPatientId: 'not an id!' } })).toThrow(/otherPatientId must be a FHIR id/);
    expect(() => parseFaultRule({ effect: { type: 'operation-outcome-in-searchset', diagnostics: 'x'.repeat(501) } })).toThrow(/at most 500 characters/);
  });
});
