/**
 * Which searches the app sends, derived from the rules' declared needs, and what the granted
 * scopes allow.
 */
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../../rules/index.js';
import { ANALYTES } from '../../../rules/codes/labs.js';
import { CODED_OBSERVATIONS } from '../../../rules/codes/observations.js';
import { effectiveScope, mayRead, paramsUnderGrants, parseGrantedScopes } from '../../../src/fhir/live/granted-scopes.js';
import { buildQueryPlan } from '../../../src/fhir/live/query-plan.js';

describe('parseGrantedScopes / paramsUnderGrants', () => {
  it('reads v2 and v1 scopes, wildcards and user/system contexts', () => {
    const g = parseGrantedScopes('launch openid patient/Observation.rs user/Condition.read patient/*.cruds system/MedicationRequest.rs');
    expect(paramsUnderGrants(g, 'Observation', { code: 'x' })).toEqual({ code: 'x' });
    expect(paramsUnderGrants(parseGrantedScopes('user/Condition.read'), 'Condition', {})).toEqual({});
    expect(paramsUnderGrants(parseGrantedScopes('patient/Observation.r'), 'Observation', {})).toBeUndefined(); // read without search
    expect(paramsUnderGrants(parseGrantedScopes('patient/Observation.s'), 'Observation', {})).toBeUndefined();
    expect(paramsUnderGrants(parseGrantedScopes('patient/Observation.rs'), 'Condition', {})).toBeUndefined();
    expect(paramsUnderGrants(parseGrantedScopes('patient/*.read'), 'Condition', {})).toEqual({});
  });

  it('adds the restriction of a granular v2 scope to the search', () => {
    expect(paramsUnderGrants(parseGrantedScopes('patient/Observation.rs?category=laboratory'), 'Observation', { code: 'x' })).toEqual({ code: 'x', category: 'laboratory' });
  });
});

describe('mayRead (a read by id needs no search right)', () => {
  it('accepts v2 r, v1 read and wildcards for the type, and nothing else', () => {
    for (const scope of ['patient/Medication.r', 'patient/Medication.rs', 'user/Medication.read', 'patient/*.rs', 'system/*.*', 'patient/Medication.cruds']) expect(mayRead(scope, 'Medication'), scope).toBe(true);
    for (const scope of ['', 'launch openid', 'patient/Medication.s', 'patient/Medication.write', 'patient/MedicationRequest.rs', 'patient/Medication.sr']) expect(mayRead(scope, 'Medication'), scope).toBe(false);
  });
});

describe('effectiveScope (RFC 6749 §5.1)', () => {
  it('is the requested scope when the token response has none, and the granted one otherwise', () => {
    expect(effectiveScope(undefined, 'patient/*.rs')).toBe('patient/*.rs');
    expect(effectiveScope(null, 'patient/*.rs')).toBe('patient/*.rs');
    expect(effectiveScope('patient/Observation.rs', 'patient/*.rs')).toBe('patient/Observation.rs');
    expect(effectiveScope('', 'patient/*.rs')).toBe('');
    expect(effectiveScope(42, 'patient/*.rs')).toBe('');
  });
});

describe('buildQueryPlan', () => {
  const plan = buildQueryPlan(ALL_RULES, '2026-11-21');

  it('reads the patient and searches every resource type the rules need', () => {
    expect(plan.map((q) => q.name)).toEqual([
      'Patient', 'MedicationRequest', 'MedicationStatement', 'MedicationDispense', 'MedicationAdministration', 'Condition', 'QuestionnaireResponse',
      'Observation: electrolytes', 'Observation: glucose', 'Observation: kidney', 'Observation: endocrine, muscle and blood count', 'Observation: pregnancy',
    ]);
  });

  it('searches the app’s own checklist (its versioned canonical) answered on the visit day only', () => {
    const q = plan.find((p) => p.resourceType === 'QuestionnaireResponse')!;
    expect(q).toMatchObject({
      interaction: 'search',
      params: { questionnaire: 'http://example.org/fhir/leg-cramps/Questionnaire/point-of-care-checklist|1.0.0', authored: 'ge2026-11-21', _count: '100' },
      sourceKeys: ['QuestionnaireResponse'],
      since: '2026-11-21',
    });
    // No rule asks for the checklist: no query.
    expect(buildQueryPlan(ALL_RULES.filter((r) => !r.needs.some((n) => n.kind === 'checklist')), '2026-11-21').some((p) => p.resourceType === 'QuestionnaireResponse')).toBe(false);
  });

  it('never sends an Observation search without a code, and floors it at the longest lookback', () => {
    for (const q of plan.filter((p) => p.resourceType === 'Observation')) {
      expect(q.params.code, q.name).toMatch(/^http:\/\/loinc\.org\|/);
      expect(q.params.date, q.name).toBe('ge2025-11-21');
      expect(q.since).toBe('2025-11-21');
    }
  });

  it('asks for every LOINC code of every analyte and coded observation, each answering for its source key', () => {
    const codes = plan.flatMap((q) => (q.params.code ?? '').split(',').map((c) => c.split('|')[1])).filter(Boolean);
    for (const a of [...Object.values(ANALYTES), ...Object.values(CODED_OBSERVATIONS)]) for (const l of a.loinc) expect(codes).toContain(l.code);
    const keys = plan.flatMap((q) => q.sourceKeys);
    for (const a of Object.keys(ANALYTES)) expect(keys).toContain(`Observation:${a}`);
  });

  it('lists every MedicationRequest status the rules read, and includes the Medication', () => {
    const mr = plan.find((q) => q.resourceType === 'MedicationRequest')!;
    expect(mr.params.status!.split(',')).toEqual(expect.arrayContaining(['active', 'on-hold', 'completed', 'stopped']));
    expect(mr.params.intent).toContain('order');
    expect(mr.params._include).toBe('MedicationRequest:medication');
  });

  it('asks dispenses and administrations only for the 90-day window the rules use', () => {
    expect(plan.find((q) => q.resourceType === 'MedicationDispense')!.params.whenhandedover).toBe('ge2026-08-23');
    expect(plan.find((q) => q.resourceType === 'MedicationAdministration')!.params['effective-time']).toBe('ge2026-08-23');
  });
});
